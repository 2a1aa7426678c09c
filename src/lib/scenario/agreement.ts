/**
 * Checks a drafted mediation agreement against 《人民调解法》第二十九条: it must state the
 * parties' basic details, the main facts, the matters in dispute and each party's
 * responsibility, what was agreed, and how and by when it will be performed; and no
 * clause may be unlawful or coerced. Pure, so the player can preview as the learner drafts.
 */
import type { Clause, NodeOf, Party } from "./schema.ts";
import { agreementElements, type AgreementElement } from "./vocabulary.ts";

/** The provision cited whenever an agreement is incomplete. */
export const AGREEMENT_PROVISION = "rmtjf-29";

export const elementNames: Record<AgreementElement, string> = {
  parties: "当事人的基本情况",
  facts: "纠纷的主要事实",
  responsibility: "争议事项和各方责任",
  terms: "达成的协议内容",
  performance: "履行方式和期限",
};

/** What the learner typed about one party when no clause supplies the parties' details. */
export interface PartyDetails {
  name?: string;
  /** 住所: where the party lives. */
  address?: string;
}

/** The learner's draft: chosen clause ids, plus party details typed into the form (optional). */
export interface AgreementDraft {
  clauses: string[];
  /** Keyed by party id; only parties with `signsAgreement` are required. */
  parties?: Record<string, PartyDetails>;
}

export interface MissingElement {
  element: AgreementElement;
  /** zh-CN name of the element. */
  name: string;
  /** For `parties`: which details of whom are missing, e.g. 张德福的住所. */
  detail?: string;
}

export interface ClauseDefect {
  clause: string;
  kind: "unlawful" | "coerced";
  explanation: string;
  law: string[];
}

export type AgreementVerdict = "lawful" | "unlawful" | "incomplete";

export interface AgreementCheck {
  /** Unlawful wins over incomplete: a coerced clause taints the whole agreement. */
  verdict: AgreementVerdict;
  satisfied: AgreementElement[];
  missing: MissingElement[];
  defects: ClauseDefect[];
  /** Clause ids that are not offered at this node (a bug in the caller, not the learner). */
  unknownClauses: string[];
  /** One zh-CN sentence per problem, in the order of the law's list. */
  messages: string[];
}

export const clauseDefect = (clause: Clause): ClauseDefect | undefined =>
  clause.coerced !== undefined
    ? { clause: clause.id, kind: "coerced", explanation: clause.coerced, law: clause.law }
    : clause.unlawful !== undefined
      ? { clause: clause.id, kind: "unlawful", explanation: clause.unlawful, law: clause.law }
      : undefined;

const signers = (parties: readonly Party[]) => parties.filter((p) => p.signsAgreement);

/** Names what is missing from the typed party details, or undefined when they are complete. */
function missingPartyDetails(parties: readonly Party[], details: AgreementDraft["parties"]): string | undefined {
  const gaps: string[] = [];
  for (const party of signers(parties)) {
    const given = details?.[party.id];
    const fields = [
      !given?.name?.trim() ? "姓名" : undefined,
      !given?.address?.trim() ? "住所" : undefined,
    ].filter((f): f is string => f !== undefined);
    if (fields.length) gaps.push(`${party.name}的${fields.join("和")}`);
  }
  return gaps.length ? gaps.join("；") : undefined;
}

export function checkAgreement(node: NodeOf<"agreement">, parties: readonly Party[], draft: AgreementDraft): AgreementCheck {
  const byId = new Map(node.clauses.map((c) => [c.id, c]));
  const chosen = [...new Set(draft.clauses)];
  const unknownClauses = chosen.filter((id) => !byId.has(id));
  const clauses = chosen.map((id) => byId.get(id)).filter((c): c is Clause => c !== undefined);

  const defects = clauses.map(clauseDefect).filter((d): d is ClauseDefect => d !== undefined);
  // A defective clause supplies nothing: an unlawful term is not "what was agreed".
  const supplied = new Set(clauses.filter((c) => !clauseDefect(c)).flatMap((c) => c.satisfies ?? []));

  const missing: MissingElement[] = [];
  for (const element of agreementElements) {
    if (supplied.has(element)) continue;
    if (element === "parties") {
      const detail = missingPartyDetails(parties, draft.parties);
      if (detail === undefined && signers(parties).length > 0) continue;
      missing.push({ element, name: elementNames[element], detail });
    } else {
      missing.push({ element, name: elementNames[element] });
    }
  }

  const messages = [
    ...missing.map((m) => `协议书缺少“${m.name}”${m.detail ? `（缺：${m.detail}）` : ""}`),
    ...defects.map((d) => {
      const text = byId.get(d.clause)!.text;
      const quoted = text.length > 24 ? `${text.slice(0, 24)}……` : text;
      return `条款“${quoted}”${d.kind === "coerced" ? "不是当事人自愿的" : "违法"}：${d.explanation}`;
    }),
  ];

  return {
    verdict: defects.length ? "unlawful" : missing.length ? "incomplete" : "lawful",
    satisfied: agreementElements.filter((e) => !missing.some((m) => m.element === e)),
    missing,
    defects,
    unknownClauses,
    messages,
  };
}

/** Elements that some lawful clause at this node can supply (`parties` also via the form). */
export function suppliableElements(node: NodeOf<"agreement">): Set<AgreementElement> {
  const set = new Set<AgreementElement>(["parties"]);
  for (const clause of node.clauses) if (!clauseDefect(clause)) for (const e of clause.satisfies ?? []) set.add(e);
  return set;
}

/**
 * A draft of the requested verdict, or undefined if this node cannot produce one. Used to
 * explore the graph and to script test runs: one lawful clause per element, the form for
 * party details when no clause supplies them, plus the first defective clause if asked.
 */
export function sampleDraft(node: NodeOf<"agreement">, parties: readonly Party[], verdict: "lawful" | "unlawful"): AgreementDraft | undefined {
  const picked: string[] = [];
  const covered = new Set<AgreementElement>();
  for (const element of agreementElements) {
    if (covered.has(element)) continue;
    const clause = node.clauses.find((c) => !clauseDefect(c) && c.satisfies?.includes(element));
    if (clause) {
      picked.push(clause.id);
      clause.satisfies!.forEach((e) => covered.add(e));
    } else if (element !== "parties") return undefined;
  }
  const draft: AgreementDraft = { clauses: picked };
  if (!covered.has("parties")) {
    if (!signers(parties).length) return undefined;
    draft.parties = Object.fromEntries(signers(parties).map((p) => [p.id, { name: p.name, address: "（示例住所）" }]));
  }
  if (verdict === "unlawful") {
    const bad = node.clauses.find((c) => clauseDefect(c));
    if (!bad) return undefined;
    draft.clauses = [...draft.clauses, bad.id];
  }
  return draft;
}
