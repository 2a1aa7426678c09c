/**
 * A learner's answer to one item, as the quiz runner produces it and the progress
 * record stores it. Plain JSON so it survives export, import and the URL fragment.
 */
import * as z from "zod/v4-mini";

export type Response =
  /** single, case-judgement: the chosen option id. */
  | string
  /** true-false. */
  | boolean
  /** multiple: chosen option ids; ordering: option ids in the learner's order. */
  | readonly string[]
  /** matching: prompt id → option id. */
  | Readonly<Record<string, string>>
  /** Not answered. */
  | null;

/** An option or prompt id. */
const id = z.string().check(z.maxLength(100));

/** Checked where attempts are stored (progress/schema.ts): zod/v4-mini, like the rest of the record. */
export const responseSchema: z.ZodMiniType<Response> = z.union([id, z.boolean(), z.array(id).check(z.maxLength(20)), z.record(id, id), z.null()]);

/** item id → response, for one attempt. */
export type Responses = Readonly<Record<string, Response>>;
