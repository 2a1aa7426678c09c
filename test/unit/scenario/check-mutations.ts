/**
 * The failing scenarios checked by check.test.ts, one per checker rule, written as changes
 * to test/fixtures/scenarios/minimal.yaml (see the README there).
 *
 * failingText(name) builds a copy of minimal.yaml with one mistake:
 *
 *   1. its first line becomes `# Copy of ../minimal.yaml with one mistake: <mistake>`;
 *   2. its id becomes `name`, because the copy is checked as failingPath(name),
 *      test/fixtures/scenarios/invalid/<name>.yaml, and the id must equal the file name.
 *      No file exists at that path: it is only what the issues report;
 *   3. the mutation's steps are applied in order. `{ replace: [from, to] }` replaces text
 *      that must occur exactly once, so a change to minimal.yaml cannot silently turn a
 *      broken scenario into a correct one.
 */
import { readFileSync } from "node:fs";
import { fixturesDir } from "./helpers.ts";

export type Step = { replace: readonly [from: string, to: string] };

export interface Mutation {
  /** What is wrong, for the copy's first line. */
  mistake: string;
  steps: readonly Step[];
}

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join("");

/** An agreement node `draft` after the last choice of `talk`: the three clauses, then `extra`. */
const draftNode = (...extra: string[]) =>
  lines(
    "",
    "  draft:",
    "    kind: agreement",
    "    prompt: 请选出应当写进调解协议书的条款。",
    "    clauses:",
    "      - id: parties",
    "        text: 甲方王秀英，住东街 3 号；乙方赵建军，住东街 5 号。",
    "        satisfies: parties",
    "      - id: facts",
    "        text: 乙方 3 月借用甲方三轮车，至今未还，车辆已损坏。",
    "        satisfies: [facts, responsibility]",
    "      - id: terms",
    "        text: 乙方修好三轮车后归还甲方。",
    "        satisfies: terms",
    ...extra,
    "    next:",
    "      lawful: good-end",
  );

/** The last line of `talk`, the last node before the endings: new choices and nodes go after it. */
const END_OF_TALK = "        next: bad-end\n";

/** Step: insert `text` after the last line of `talk`. */
const afterTalk = (text: string): Step => ({ replace: [END_OF_TALK, END_OF_TALK + text] });

/** Step: `good-end`'s only way in, the choice `mediate`, leads to `draft` instead. */
const mediateToDraft: Step = { replace: ["        next: good-end\n", "        next: draft\n"] };

export const mutations: Record<string, Mutation> = {
  "yaml-syntax": {
    mistake: "the key `minutes:` appears twice.",
    steps: [{ replace: ["minutes: 5\n", "minutes: 5\nminutes: 8\n"] }],
  },
  "schema-difficulty": {
    mistake: "difficulty 4 is outside 1–3.",
    steps: [{ replace: ["difficulty: 1", "difficulty: 4"] }],
  },
  "schema-unknown-kind": {
    mistake: "a node kind misspelt as `narrative`.",
    steps: [{ replace: ["kind: narration", "kind: narrative"] }],
  },
  "schema-bad-condition": {
    mistake: "a condition written as an expression string.",
    steps: [{ replace: ["condition: { flag: consent }", 'condition: "consent == true"'] }],
  },
  "choice-without-feedback": {
    mistake: "the choice `skip-consent` has no feedback.",
    steps: [{ replace: ["        feedback: 没有确认双方自愿就开始调解，违背了自愿原则。\n", ""] }],
  },
  "ending-without-debrief": {
    mistake: "the ending `bad-end` has no debrief.",
    steps: [{ replace: ["    debrief: 调解不成时要终止调解并告知当事人其他途径，但这一次其实还有协商的余地。\n", ""] }],
  },
  "ending-without-lawful-path": {
    mistake: "the breakdown ending has no lawfulPath.",
    steps: [{ replace: ["    lawfulPath: 先确认双方自愿，再请双方陈述、引导协商。\n", ""] }],
  },
  "id-mismatch": {
    mistake: "the id does not match the file name.",
    steps: [{ replace: ["id: id-mismatch\n", "id: minimal\n"] }],
  },
  "unknown-node-link": {
    mistake: "a choice links to `tlak`, a typo for `talk`.",
    steps: [{ replace: ["        next: talk\n\n  talk:", "        next: tlak\n\n  talk:"] }],
  },
  "unknown-start": {
    mistake: "start names a node that does not exist.",
    steps: [{ replace: ["start: opening", "start: begin"] }],
  },
  "unreachable-node": {
    mistake: "the node `aside` has no link leading to it.",
    steps: [
      afterTalk(
        lines("", "  aside:", "    kind: narration", "    text: 赵建军的妻子悄悄说，车其实早就坏在地里了。", "    next: good-end"),
      ),
    ],
  },
  "no-ending": {
    mistake: "the choice `wait` leads to a node that only loops back to itself.",
    steps: [
      afterTalk(
        lines(
          "      - id: wait",
          "        text: 先让两人回家冷静几天",
          "        feedback: 拖下去问题不会自己消失，两人只会越来越僵。",
          "        next: waiting",
          "",
          "  waiting:",
          "    kind: choice",
          "    prompt: 过了几天，两人还是不说话。",
          "    choices:",
          "      - id: keep-waiting",
          "        text: 再等等看",
          "        feedback: 一味拖延不是调解，应当及时、就地调解。",
          "        next: waiting",
        ),
      ),
    ],
  },
  "undefined-variable": {
    mistake: "a condition names `trsut`, a typo for `trust`.",
    steps: [{ replace: ["condition: { flag: consent }", "condition: { var: trsut, gte: 2 }"] }],
  },
  "undefined-flag": {
    mistake: "an effect sets `consnet`, a typo for `consent`.",
    steps: [{ replace: ["set: { consent: true }", "set: { consnet: true }"] }],
  },
  "flag-added-to": {
    mistake: "an effect adds 1 to the flag `consent`.",
    steps: [{ replace: ["add: { trust: 1 }", "add: { trust: 1, consent: 1 }"] }],
  },
  "effect-out-of-range": {
    mistake: "adding 3 to trust (initial 1, max 3) can reach 4.",
    steps: [{ replace: ["add: { trust: 1 }", "add: { trust: 3 }"] }],
  },
  "set-out-of-range": {
    mistake: "trust (0–3) is set to 5.",
    steps: [{ replace: ["set: { consent: true }", "set: { consent: true, trust: 5 }"] }],
  },
  "unknown-law": {
    mistake: "a choice cites rmtjf-99, which does not exist.",
    steps: [{ replace: ["law: [rmtjf-26]", "law: [rmtjf-99]"] }],
  },
  "duplicate-choice-id": {
    mistake: "two choices share the id `ask-consent`.",
    steps: [{ replace: ["      - id: give-up", "      - id: ask-consent"] }],
  },
  "unknown-speaker": {
    mistake: "a dialogue line is spoken by `liu`, who is not a party.",
    steps: [
      {
        replace: [
          lines("    kind: narration", "    text: 王秀英来到村调委会，说邻居赵建军借了她的三轮车，两个月都没还。"),
          lines("    kind: dialogue", "    lines:", "      - speaker: liu", "        text: 王秀英说，邻居赵建军借了她的三轮车，两个月都没还。"),
        ],
      },
    ],
  },
  "condition-never-true": {
    mistake: "the only way to `good-end` needs trust ≥ 5, but trust is at most 3.",
    steps: [{ replace: ["condition: { flag: consent }", "condition: { var: trust, gte: 5 }"] }],
  },
  "no-choice-available": {
    mistake: "after `skip-consent` every choice at `talk` is hidden by its condition.",
    steps: [{ replace: ["        law: [rmtjf-26]\n", "        law: [rmtjf-26]\n        condition: { flag: consent }\n"] }],
  },
  "agreement-missing-element": {
    mistake: "no clause states how and by when the agreement is performed.",
    steps: [mediateToDraft, afterTalk(draftNode())],
  },
  "agreement-unlawful-without-next": {
    mistake: "an unlawful clause is offered but next.unlawful is missing.",
    steps: [
      mediateToDraft,
      afterTalk(
        draftNode(
          "      - id: deadline",
          "        text: 乙方于 6 月 30 日前归还。",
          "        satisfies: performance",
          "      - id: no-court",
          "        text: 甲方不得再就此事起诉。",
          "        unlawful: 调解不能剥夺当事人依法起诉的权利。",
          "        law: [rmtjf-3]",
        ),
      ),
    ],
  },
  "agreement-defective-clause-satisfies": {
    mistake: "an unlawful clause claims to supply the performance element, and no lawful clause does.",
    steps: [
      mediateToDraft,
      afterTalk(
        draftNode(
          "      - id: deadline-or-no-court",
          "        text: 乙方于 6 月 30 日前归还；甲方不得再就此事起诉。",
          "        satisfies: performance",
          "        unlawful: 调解不能剥夺当事人依法起诉的权利。",
          "        law: [rmtjf-3]",
        ).replace("      lawful: good-end\n", "      lawful: good-end\n      unlawful: bad-end\n"),
      ),
    ],
  },
  "agreement-unlawful-and-coerced": {
    mistake: "one clause is marked both unlawful and coerced.",
    steps: [
      mediateToDraft,
      afterTalk(
        draftNode(
          "      - id: deadline",
          "        text: 乙方于 6 月 30 日前归还。",
          "        satisfies: performance",
          "      - id: no-court",
          "        text: 甲方不得再就此事起诉，否则村里不给开证明。",
          "        unlawful: 调解不能剥夺当事人依法起诉的权利。",
          "        coerced: 以不开证明相要挟，不是甲方自愿的。",
          "        law: [rmtjf-3]",
        ).replace("      lawful: good-end\n", "      lawful: good-end\n      unlawful: bad-end\n"),
      ),
    ],
  },
  "agreement-unused-unlawful-next": {
    mistake: "next.unlawful is given although no clause is unlawful or coerced.",
    steps: [
      mediateToDraft,
      afterTalk(
        draftNode("      - id: deadline", "        text: 乙方于 6 月 30 日前归还。", "        satisfies: performance").replace(
          "      lawful: good-end\n",
          "      lawful: good-end\n      unlawful: bad-end\n",
        ),
      ),
    ],
  },
  "agreement-duplicate-clause-id": {
    mistake: "two clauses of the agreement node share the id `terms`.",
    steps: [
      mediateToDraft,
      afterTalk(draftNode("      - id: terms", "        text: 乙方于 6 月 30 日前修好并归还。", "        satisfies: performance")),
    ],
  },
  "agreement-clause-unknown-law": {
    mistake: "an unlawful clause cites rmtjf-99, which does not exist.",
    steps: [
      mediateToDraft,
      afterTalk(
        draftNode(
          "      - id: deadline",
          "        text: 乙方于 6 月 30 日前归还。",
          "        satisfies: performance",
          "      - id: no-court",
          "        text: 甲方不得再就此事起诉。",
          "        unlawful: 调解不能剥夺当事人依法起诉的权利。",
          "        law: [rmtjf-99]",
        ).replace("      lawful: good-end\n", "      lawful: good-end\n      unlawful: bad-end\n"),
      ),
    ],
  },
};

function applyStep(text: string, step: Step, name: string): string {
  const [from, to] = step.replace;
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${name}: expected ${JSON.stringify(from)} exactly once, found it ${count} times`);
  return text.replace(from, () => to);
}

/** The path the copy named `name` is checked as, and the issues report. */
export const failingPath = (name: string): string => `test/fixtures/scenarios/invalid/${name}.yaml`;

/** minimal.yaml with the mistake `name`: a new first line, the id `name`, then the steps. */
export function failingText(name: string): string {
  const mutation = mutations[name];
  if (!mutation) throw new Error(`no mutation ${name}`);
  const minimal = readFileSync(`${fixturesDir}minimal.yaml`, "utf8");
  if (!minimal.startsWith("# ")) throw new Error("minimal.yaml should start with a comment line");
  const header = `# Copy of ../minimal.yaml with one mistake: ${mutation.mistake}`;
  const steps: Step[] = [
    { replace: [minimal.slice(0, minimal.indexOf("\n")), header] },
    { replace: ["id: minimal\n", `id: ${name}\n`] },
    ...mutation.steps,
  ];
  return steps.reduce((text, step) => applyStep(text, step, name), minimal);
}
