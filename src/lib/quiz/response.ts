/**
 * A learner's answer to one item, as the quiz runner produces it and the progress
 * record stores it. Plain JSON so it survives export, import and the URL fragment.
 */
import { z } from "zod";

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

export const responseSchema: z.ZodType<Response> = z.union([
  z.string().max(100),
  z.boolean(),
  z.array(z.string().max(100)).max(20),
  z.record(z.string().max(100), z.string().max(100)),
  z.null(),
]);

/** item id → response, for one attempt. */
export type Responses = Readonly<Record<string, Response>>;
