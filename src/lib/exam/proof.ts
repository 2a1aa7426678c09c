/**
 * Papers are signed with the issuer's key (src/lib/cert: eddsa-jcs-2022 over the whole
 * paper), so the exam page and `cert grade` can tell a paper that was changed after
 * issue, or made by someone else's key. Reading and checking a paper file is one step.
 */
import { checkKey } from "../cert/issuers.ts";
import { didKeyOf } from "../cert/keys.ts";
import { signDataIntegrity, verifyDataIntegrity } from "../cert/proof.ts";
import type { Issuer, KeyFile } from "../cert/types.ts";
import { readPaper } from "./files.ts";
import type { ExamPaper } from "./paper.ts";
import { problem, type Read } from "./problem.ts";

/** The paper signed; the proof's `created` is the paper's own creation time. */
export async function signPaper(paper: ExamPaper, key: KeyFile): Promise<ExamPaper> {
  const { proof: _unsigned, ...unsigned } = paper;
  return signDataIntegrity(unsigned, key, { created: paper.created.replace(/\.\d{3}Z$/, "Z"), proofPurpose: "assertionMethod" });
}

export interface CheckedPaper {
  paper: ExamPaper;
  /** The did:key that signed it: the proctor may compare it with the issuer's. */
  signer: string;
}

/** Paper file text → the paper whose signature holds, or the problem. */
export async function readSignedPaper(text: string, size?: number): Promise<Read<CheckedPaper>> {
  const read = readPaper(text, size);
  if (!read.ok) return read;
  if (read.value.proof === undefined) return problem("unsigned");
  const check = await verifyDataIntegrity(read.value);
  if (!check.ok) return problem("signature", { reason: check.reason });
  return { ok: true, value: { paper: read.value, signer: didKeyOf(check.verificationMethod) ?? check.verificationMethod } };
}

/**
 * The listed issuer whose key signed the paper on the day it was made, if any. A paper
 * names no issuer, so every issuer is tried; the same key rules as for certificates
 * apply (listed, inside its window, not compromised).
 */
export function paperIssuer(issuers: readonly Issuer[], signer: string, created: string): Issuer | undefined {
  const at = new Date(created);
  return issuers.find((issuer) => checkKey(issuers, issuer.uri, signer, at).ok);
}
