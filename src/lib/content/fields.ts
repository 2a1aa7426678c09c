/**
 * Field factories shared by the content, quiz and scenario schemas (zod 3, build time):
 * each field says in zh-CN what is missing or wrong, naming the field, so the checker's
 * message tells the trainer what to fix.
 */
import { z } from "zod";
import { SLUG } from "../id-patterns.ts";

/** Trimmed text of `min`–`max` characters; `what` names the field in messages. */
export const text = (min: number, max: number, what: string, required = `缺少${what}`) =>
  z
    .string({ required_error: required, invalid_type_error: `${what}应为文字` })
    .trim()
    .min(min, `${what}至少 ${min} 个字`)
    .max(max, `${what}最多 ${max} 个字`);

/** A kebab-case id (SLUG) named `what`, with an example in the message. */
export const slugField = (what: string, example: string) =>
  z
    .string({ required_error: `缺少${what}`, invalid_type_error: `${what}应为文字` })
    .regex(SLUG, `${what}只能用小写字母、数字和连字符，例如 ${example}`);
