/**
 * Building a credential (unsigned OpenBadgeCredential) and the holder's name commitment:
 * OB 3.0 IdentityHash of the normalised name plus a salt that is never published.
 */
import { base64urlnopad } from "@scure/base";
import { SLUG as SLUG_PATTERN } from "../id-patterns.ts";
import { hex, randomBytes, sha256, utf8 } from "./bytes.ts";
import { CREDENTIAL_CONTEXT, type BuildCredential, type CredentialInput, type NameHash, type UnsignedCredential } from "./types.ts";

/** `QX-2026-000123`: issuer prefix, year of first award, sequence. */
export const NUMBER_PATTERN = /^[A-Z0-9]{2,8}-\d{4}-\d{6}$/;
/** Township, village, level and issuer ids: the project's one slug pattern. */
export { SLUG_PATTERN };
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const formatNumber = (prefix: string, year: number, sequence: number): string =>
  `${prefix}-${String(year).padStart(4, "0")}-${String(sequence).padStart(6, "0")}`;

/** NFKC (full-width letters and spaces become plain), then every white-space character removed. */
export const normaliseName = (name: string): string => name.normalize("NFKC").replace(/\s+/gu, "");

/** `sha256$<hex>` of UTF-8(normalised name + salt), the OB 3.0 IdentityHash. */
export const nameHash = (async (name, salt) => `sha256$${hex(await sha256(utf8(normaliseName(name) + salt)))}`) satisfies NameHash;

/** Does this name and salt give the hash in the credential? (OB 3.0 allows upper-case hex.) */
export async function checkName(identityHash: string, name: string, salt: string): Promise<boolean> {
  return normaliseName(name) !== "" && (await nameHash(name, salt)) === identityHash.toLowerCase();
}

/** 张三明 → 张*明, 欧阳娜娜 → 欧**娜, 张三 → 张*, 张 → *. */
export function maskName(name: string): string {
  const chars = [...normaliseName(name)];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}

/** 12 random bytes, base64url: 16 characters for the printed certificate and its link. */
export const newSalt = (): string => base64urlnopad.encode(randomBytes(12));

export const newCredentialId = (): string => `urn:uuid:${globalThis.crypto.randomUUID()}`;

/** Is this a real calendar day written YYYY-MM-DD? */
export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.toISOString().slice(0, 10) === value;
}

/** Start of a Beijing calendar day, as credentials write it. */
export const dayStart = (day: string): string => `${day}T00:00:00+08:00`;
/** Last second of a Beijing calendar day. */
export const dayEnd = (day: string): string => `${day}T23:59:59+08:00`;
/** The Beijing calendar day (YYYY-MM-DD) of an instant. */
export const beijingDay = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function require(condition: boolean, message: string): asserts condition {
  if (!condition) throw new RangeError(message);
}

export const buildCredential = (async (input: CredentialInput): Promise<UnsignedCredential> => {
  const { issuer, level, holder, number, status, siteUrl } = input;
  const awarded = input.awardedDate ?? input.validFrom;
  require(NUMBER_PATTERN.test(number), `证书编号 ${number} 格式不对，应像 QX-2026-000123`);
  require(SLUG_PATTERN.test(level.id), `等级编号 ${level.id} 只能用小写字母、数字和连字符`);
  require(SLUG_PATTERN.test(holder.township) && SLUG_PATTERN.test(holder.village), "乡镇和村（社区）编号只能用小写字母、数字和连字符");
  require(normaliseName(holder.name) !== "", "持证人姓名不能为空");
  require(holder.salt.length >= 16, "盐值至少 16 个字符（用 newSalt() 生成）");
  require([input.validFrom, input.validUntil, awarded].every(isDay), "日期应写成 YYYY-MM-DD，且是真实存在的日子");
  require(input.validFrom <= input.validUntil, "有效期的结束日不能早于开始日");
  require(awarded <= input.validFrom, "首次发证日期不能晚于本证书的生效日期");
  require(/^https?:\/\/[^#?]*\/$/.test(siteUrl), `网站地址 ${siteUrl} 应以 https:// 开头、以 / 结尾`);
  require(Number.isInteger(status.index) && status.index >= 0, "状态列表位置应为非负整数");
  const id = input.id ?? newCredentialId();
  require(UUID_URN.test(id), "证书 id 应为 urn:uuid:…");
  if (input.renews !== undefined) require(UUID_URN.test(input.renews) && input.renews !== id, "renews 应为被换发证书的 id（urn:uuid:…）");
  const page = `${siteUrl}certification/#${level.id}`;
  return {
    "@context": [...CREDENTIAL_CONTEXT],
    id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: level.title,
    issuer: { id: issuer.uri, type: ["Profile"], name: issuer.name },
    validFrom: dayStart(input.validFrom),
    validUntil: dayEnd(input.validUntil),
    awardedDate: dayStart(awarded),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityType: "name", hashed: true, identityHash: await nameHash(holder.name, holder.salt) }],
      licenseNumber: number,
      achievement: {
        id: page,
        type: ["Achievement"],
        achievementType: "License",
        humanCode: level.id,
        name: level.title,
        description: level.summary,
        criteria: { id: page },
      },
      maskedName: maskName(holder.name),
      township: holder.township,
      village: holder.village,
    },
    credentialStatus: {
      id: `${status.listUrl}#${status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(status.index),
      statusListCredential: status.listUrl,
    },
    ...(input.renews !== undefined ? { renews: input.renews } : {}),
  };
}) satisfies BuildCredential;
