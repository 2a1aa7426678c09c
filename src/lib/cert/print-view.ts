/**
 * What /certificates/ does before it draws the A4 certificate, without the DOM: read which
 * certificate the page was opened for (?number= or a verification link's fragment), look
 * it up and verify it with verify-view.ts, and decide whether it may be printed. Only a
 * credential whose verdict is `valid` is printed: a clean paper for a revoked, expired or
 * tampered credential would be believed by whoever reads it, so those get the verdict.
 */
import { decodeVerifyFragment, encodeVerifyLink } from "./link.ts";
import type { SignedCredential } from "./types.ts";
import { classifyInput, verifyCredential, verifyNumber, type VerifyContext, type VerifyOutcome } from "./verify-view.ts";

export type PrintSource =
  | { kind: "number"; number: string }
  | { kind: "link"; fragment: string }
  | { kind: "none" }
  | { kind: "bad-number"; text: string };

/** The page's query and fragment → what to print. A holder's link (fragment) wins over ?number=. */
export function printSource(search: string, hash: string): PrintSource {
  if (/(^|[#&])c=/.test(hash)) return { kind: "link", fragment: hash };
  const raw = new URLSearchParams(search).get("number");
  if (raw === null || raw.trim() === "") return { kind: "none" };
  const input = classifyInput(raw);
  return input.kind === "number" ? { kind: "number", number: input.number } : { kind: "bad-number", text: raw.slice(0, 40) };
}

export type PrintPlan =
  /** Valid: print it. `link` goes into the QR; `holder` only when the link carried a name that checked. */
  | { kind: "print"; credential: SignedCredential; link: string; holder?: { name: string; salt: string }; outcome: VerifyOutcome }
  /** Not valid (or not found): show the verdict, never the certificate; `verifyQuery` opens /verify/ on it. */
  | { kind: "verdict"; outcome: VerifyOutcome; verifyQuery: string }
  /** Nothing to check: an i18n key (with values) saying what is wrong and what to do. */
  | { kind: "problem"; key: string; values?: Record<string, string> };

/**
 * Look up and verify; `siteUrl` (ending in `/`) is where the QR's verification link points.
 * By number the QR carries no name or salt (the registry has neither); by link it carries
 * the holder's name and salt again, so a reprint confirms the name like the original did.
 */
export async function planPrint(source: PrintSource, ctx: VerifyContext, siteUrl: string): Promise<PrintPlan> {
  if (source.kind === "none") return { kind: "problem", key: "verify.cert.page.none" };
  if (source.kind === "bad-number") return { kind: "problem", key: "verify.cert.page.badNumber", values: { text: source.text } };
  if (source.kind === "number") {
    const r = await verifyNumber(source.number, ctx);
    if ("unreachable" in r) return { kind: "problem", key: "verify.unreachable", values: { number: r.number } };
    if (r.verdict.code !== "valid") return { kind: "verdict", outcome: r, verifyQuery: `?number=${encodeURIComponent(source.number)}` };
    const credential = r.credential as SignedCredential;
    return { kind: "print", credential, link: encodeVerifyLink(credential, siteUrl), outcome: r };
  }
  const decoded = decodeVerifyFragment(source.fragment);
  if (!decoded.ok) return { kind: "problem", key: `verify.link.${decoded.problem}` };
  const { credential, name, salt } = decoded.link;
  const holder = name && salt ? { name, salt } : undefined;
  const outcome = await verifyCredential(credential, { ...ctx, via: "link", ...(holder ? { nameCheck: holder } : {}) });
  const fragment = source.fragment.startsWith("#") ? source.fragment : `#${source.fragment}`;
  if (outcome.verdict.code !== "valid") return { kind: "verdict", outcome, verifyQuery: fragment };
  const signed = credential as SignedCredential;
  return { kind: "print", credential: signed, link: encodeVerifyLink(signed, siteUrl, holder), ...(holder ? { holder } : {}), outcome };
}
