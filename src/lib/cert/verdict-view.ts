/**
 * A verdict in words: headline, explanation, the reason line and the labelled details,
 * for the verify page and `cert verify` alike. Strings come in (zh-CN.verify.ts keys), so
 * this stays free of the dictionary. Every value is plain text.
 */
import { fill, type Strings } from "../../i18n/fill.ts";
import { beijingDay } from "./credential.ts";
import type { Verdict } from "./types.ts";

export interface VerdictView {
  code: Verdict["code"];
  /** 有效 · 已过期 · … */
  headline: string;
  explain: string;
  /** Why, when the verdict has a technical reason. */
  problem?: string;
  fields: { label: string; value: string }[];
}

/** `2027-11-30T23:59:59+08:00` → `2027-11-30` (Beijing calendar day). */
export const dayOf = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : beijingDay(new Date(iso)));

/** `2026-12-01T09:30:00Z` → `2026-12-01 17:30` (Beijing time). */
export const minuteOf = (iso: string): string =>
  Number.isNaN(Date.parse(iso)) ? iso : new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

export function verdictView(verdict: Verdict, strings: Strings): VerdictView {
  const s = (key: string, values?: Record<string, string | number>) => fill(strings[key] ?? key, values);
  const d = verdict.details;
  const revocation = d.revocation;
  const explain =
    verdict.code === "revoked" && !revocation
      ? s("verify.verdict.revoked.noReason")
      : s(`verify.verdict.${verdict.code}.explain`, {
          date: verdict.code === "revoked" ? (revocation?.date ?? "") : dayOf(verdict.code === "not-yet-valid" ? (d.validFrom ?? "") : (d.validUntil ?? "")),
          reason: revocation ? s(`verify.reason.${revocation.reason}`) + (revocation.note ? `（${revocation.note}）` : "") : "",
          number: d.number ?? "",
        });
  const fields: { label: string; value: string }[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value) fields.push({ label: s(`verify.field.${key}`), value });
  };
  add("number", d.number);
  add("level", d.level?.name);
  add("issuer", d.issuer?.name);
  add("holder", d.fullName ? s("verify.holder.confirmed", { name: d.fullName }) : d.maskedName ? s("verify.holder.masked", { masked: d.maskedName }) : undefined);
  add("township", d.township);
  add("village", d.village);
  add("awardedDate", d.awardedDate && dayOf(d.awardedDate));
  add("validFrom", d.validFrom && dayOf(d.validFrom));
  add("validUntil", d.validUntil && dayOf(d.validUntil));
  add("signedAt", d.signedAt && minuteOf(d.signedAt));
  add("revocation", revocation && `${revocation.date} ${s(`verify.reason.${revocation.reason}`)}${revocation.note ? `（${revocation.note}）` : ""}`);
  add("statusList", d.statusList && s("verify.field.statusListDate", { date: minuteOf(d.statusList.validFrom) }));
  return {
    code: verdict.code,
    headline: s(`verify.verdict.${verdict.code}`),
    explain,
    ...(d.problem ? { problem: s(`verify.problem.${d.problem}`) } : {}),
    fields,
  };
}
