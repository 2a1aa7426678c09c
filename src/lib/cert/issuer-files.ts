/**
 * content/issuers/<id>.yaml: the issuing bodies and their public keys. zod schema (build
 * time, zod 3 like the other content schemas) and the checker behind `npm run check`,
 * every issue at file:line:column with a zh-CN fix. checkIssuerDir reads the folder (Node).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { z } from "zod";
import type { ContentIssue } from "../content/issues.ts";
import { slugSchema } from "../content/schemas.ts";
import { parseYamlSource, type FieldPath } from "../content/source.ts";
import { zodIssues } from "../content/zod-issues.ts";
import { isDay } from "./credential.ts";
import { didKeyToPublicKey } from "./keys.ts";
import type { DidKey, Issuer } from "./types.ts";

const day = (what: string) =>
  z
    .string({ required_error: `缺少${what}（日期，例如 2026-01-01）`, invalid_type_error: `${what}应写成日期，例如 2026-01-01` })
    .refine(isDay, `${what} 不是真实存在的日期：应写成 YYYY-MM-DD，例如 2026-01-01`);

const keySchema = z
  .object({
    /** did:key of an Ed25519 public key, as `npm run cert -- keygen` prints it. */
    id: z
      .string({ required_error: "缺少公钥 id（keygen 打印的 did:key:z6Mk…）" })
      .refine((v) => /^did:key:z[^#]+$/.test(v) && didKeyToPublicKey(v) !== undefined, "公钥 id 应为 keygen 打印的 did:key:z6Mk…（Ed25519），请整行复制，不要加 # 后面的部分"),
    /** First day (Beijing time) the key may sign. */
    validFrom: day("启用日期 validFrom"),
    /** Last day it may sign; leave out while it is in use. */
    validUntil: day("停用日期 validUntil").optional(),
    /** The secret key leaked: everything it signed is refused. */
    compromised: z.boolean({ invalid_type_error: "compromised 只能写 true（密钥泄露）或删去" }).optional(),
    /** For people: why the key was added or retired. */
    note: z.string().max(200, "备注 note 最多 200 个字").optional(),
  })
  .strict();

export const issuerFileSchema = z
  .object({
    /** = file name. */
    id: slugSchema,
    /** 清溪县司法局: printed on every certificate. */
    name: z.string({ required_error: "缺少发证机构名称 name，例如 清溪县司法局" }).trim().min(2, "名称 name 至少 2 个字").max(40, "名称 name 最多 40 个字"),
    /** county = 县级司法局, town = 乡镇（街道）调解中心. */
    kind: z.enum(["county", "town"], { errorMap: () => ({ message: "机构类型 kind 只能是 county（县级司法局）或 town（乡镇、街道调解中心）" }) }),
    /** The issuer's permanent identifier in credentials: its own web address, or a urn. Never change it. */
    uri: z
      .string({ required_error: "缺少机构标识 uri（机构自己的网址，例如 https://sfj.qingxi.gov.cn/）" })
      .regex(/^(?:https:\/\/[^\s#?]+|urn:[a-z0-9][a-z0-9-]{0,31}:\S+)$/, "机构标识 uri 应为以 https:// 开头的网址（不含 # 和 ?），或 urn: 开头的标识"),
    /** Certificate numbers start with it: QX-2026-000123. */
    numberPrefix: z
      .string({ required_error: "缺少证书编号前缀 numberPrefix（2–8 位大写字母或数字，例如 QX）" })
      .regex(/^[A-Z0-9]{2,8}$/, "证书编号前缀 numberPrefix 应为 2–8 位大写字母或数字，例如 QX"),
    keys: z.array(keySchema, { required_error: "缺少公钥列表 keys（至少一把，用 npm run cert -- keygen 生成）" }).min(1, "公钥列表 keys 至少要有一把公钥"),
  })
  .strict();

export type IssuerFile = z.infer<typeof issuerFileSchema>;

export interface CheckedIssuer {
  file: string;
  issuer: Issuer;
  /** Line and column of a field, for issues found across files. */
  locate: (path: FieldPath) => { line: number; column: number };
}

type Say = (path: FieldPath, message: string) => void;

/** One file: schema, then the rules a schema cannot say. */
export function checkIssuerText(text: string, file: string): { issuer: CheckedIssuer | undefined; issues: ContentIssue[] } {
  const source = parseYamlSource(text, file);
  if (source.issues.length) return { issuer: undefined, issues: source.issues };
  if (source.data === undefined || source.data === null) return { issuer: undefined, issues: [{ file, line: 1, column: 1, field: "", message: "文件是空的" }] };
  const parsed = issuerFileSchema.safeParse(source.data);
  if (!parsed.success) return { issuer: undefined, issues: zodIssues(parsed.error, file, source.locate) };
  const issues: ContentIssue[] = [];
  const say: Say = (path, message) => issues.push({ file, ...source.locate(path), field: path.join("."), message });
  const data = parsed.data;
  const expected = `${data.id}.yaml`;
  if (file !== expected && !file.endsWith(`/${expected}`)) say(["id"], `文件名应与机构编号一致：请把文件命名为 ${expected}，或把 id 改成文件名`);
  const seen = new Map<string, number>();
  data.keys.forEach((key, i) => {
    if (key.validUntil !== undefined && key.validUntil < key.validFrom) say(["keys", i, "validUntil"], `停用日期 ${key.validUntil} 早于启用日期 ${key.validFrom}：请改正其中一个`);
    const first = seen.get(key.id);
    if (first !== undefined) say(["keys", i, "id"], `这把公钥在 keys 第 ${first + 1} 项已经列过：同一把公钥只写一次，轮换时给旧公钥加 validUntil`);
    else seen.set(key.id, i);
  });
  const issuer: Issuer = {
    id: data.id,
    name: data.name,
    kind: data.kind,
    uri: data.uri,
    numberPrefix: data.numberPrefix,
    keys: data.keys.map((k) => ({
      id: k.id as DidKey,
      validFrom: k.validFrom,
      ...(k.validUntil !== undefined ? { validUntil: k.validUntil } : {}),
      ...(k.compromised ? { compromised: true } : {}),
      ...(k.note !== undefined ? { note: k.note } : {}),
    })),
  };
  return { issuer: { file, issuer, locate: source.locate }, issues };
}

/** Every file, then what must hold across them: unique uri, prefix and keys. */
export function checkIssuers(files: readonly { file: string; text: string }[]): { issuers: CheckedIssuer[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const issuers: CheckedIssuer[] = [];
  for (const { file, text } of files) {
    const result = checkIssuerText(text, file);
    issues.push(...result.issues);
    if (result.issuer) issuers.push(result.issuer);
  }
  const owner = { uri: new Map<string, string>(), numberPrefix: new Map<string, string>(), key: new Map<string, string>() };
  for (const { file, issuer, locate } of issuers) {
    const say: Say = (path, message) => issues.push({ file, ...locate(path), field: path.join("."), message });
    for (const field of ["uri", "numberPrefix"] as const) {
      const other = owner[field].get(issuer[field]);
      if (other) say([field], `${field} ${issuer[field]} 已被 ${other} 使用：每个发证机构要用自己的`);
      else owner[field].set(issuer[field], file);
    }
    issuer.keys.forEach((key, i) => {
      const other = owner.key.get(key.id);
      if (other && other !== file) say(["keys", i, "id"], `这把公钥已列在 ${other}：一把密钥只属于一个发证机构，请为本机构另行 keygen`);
      else owner.key.set(key.id, file);
    });
  }
  return { issuers, issues };
}

/** Reads content/issuers/*.yaml (a missing folder is no issuer, not an error). */
export function checkIssuerDir(root: string, dir: string): { issuers: CheckedIssuer[]; issues: ContentIssue[] } {
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  return checkIssuers(names.map((name) => ({ file: relative(root, join(dir, name)).split(sep).join("/"), text: readFileSync(join(dir, name), "utf8") })));
}
