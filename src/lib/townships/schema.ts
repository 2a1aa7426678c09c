/**
 * Townships (乡镇、街道): content/townships/<township-id>.yaml. Certificates name a
 * township and a village by id; this file gives them their printed names. Build-time
 * schema (zod 3), messages in zh-CN for trainers.
 */
import { z } from "zod";
import { SLUG } from "../id-patterns.ts";

const words = (max: number, what: string, example: string) =>
  z
    .string({ required_error: `缺少${what}（例如 ${example}）`, invalid_type_error: `${what}应为文字，例如 ${example}` })
    .trim()
    .min(2, `${what}至少 2 个字，例如 ${example}`)
    .max(max, `${what}最多 ${max} 个字`);

export const VILLAGE_ID_MESSAGE = "村（社区）编号只能用小写字母、数字和连字符，例如 dongcun";

export const townshipSchema = z
  .object({
    /** 西坪镇, 城关街道. */
    name: words(20, "乡镇名称 name", "西坪镇"),
    /** The county or district it belongs to: 清溪县. */
    county: words(20, "所属县（区）county", "清溪县"),
    /** Village (or community) id → its name; ids are what certificates carry. */
    villages: z
      .record(
        z.string().regex(SLUG, VILLAGE_ID_MESSAGE),
        words(20, "村（社区）名称", "东村"),
        { required_error: "缺少村（社区）列表 villages：每行写「编号: 名称」，例如 dongcun: 东村", invalid_type_error: "villages 应为「编号: 名称」的列表，例如 dongcun: 东村" },
      )
      .refine((v) => Object.keys(v).length > 0, "villages 至少写一个村（社区），例如 dongcun: 东村"),
  })
  .strict();

export type TownshipData = z.infer<typeof townshipSchema>;

/** A checked township with its id (the file name). */
export interface Township extends TownshipData {
  id: string;
}
