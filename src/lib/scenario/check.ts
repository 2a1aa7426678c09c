/**
 * The scenario checker: every problem a trainer can make in content/scenarios/<id>.yaml,
 * each located by file, line and column, in zh-CN. Pure (text in, issues out), so the
 * check CLI, the Astro build and the tests share it.
 *
 * Stages, each run only when the previous one leaves data it can trust:
 * 1. YAML syntax and the schema (zod).
 * 2. References: node links, variables and flags, parties, law, ids, agreement clauses.
 * 3. Structure, ignoring conditions: unreachable nodes, nodes with no way to an ending.
 * 4. Exhaustive exploration of real runs (see explore.ts): ranges, nodes only reachable
 *    under impossible conditions, dead ends that only some routes hit.
 */
import type { ContentIssue } from "../content/issues.ts";
import { parseYamlSource, type FieldPath } from "../content/source.ts";
import { zodIssues } from "../content/zod-issues.ts";
import { AGREEMENT_PROVISION, clauseDefect, elementNames, suppliableElements } from "./agreement.ts";
import { conditionRefs } from "./condition.ts";
import { explore, type Exploration } from "./explore.ts";
import { edges, reachable, reachesEnding } from "./graph.ts";
import { scenarioSchema, type Branch, type Condition, type Effects, type Scenario } from "./schema.ts";
import type { Step } from "./state.ts";
import { agreementElements, lawfulOutcomes, outcomeNames } from "./vocabulary.ts";

export interface ScenarioCheck {
  /** The parsed scenario whenever the schema accepts it, even if later rules fail. */
  scenario?: Scenario;
  issues: ContentIssue[];
  /** Present when stage 4 ran. */
  exploration?: Exploration;
}

/** The learner's own speaker id in dialogue. */
export const MEDIATOR = "mediator";

export interface CheckOptions {
  /** Cap on explored states (see explore.ts); lowered only by tests. */
  stateLimit?: number;
}

export function checkScenarioText(text: string, file: string, provisionIds: Iterable<string>, options: CheckOptions = {}): ScenarioCheck {
  const source = parseYamlSource(text, file);
  if (source.issues.length) return { issues: source.issues };
  if (source.data === undefined || source.data === null) {
    return { issues: [{ file, line: 1, column: 1, field: "", message: "文件是空的" }] };
  }
  const parsed = scenarioSchema.safeParse(source.data);
  if (!parsed.success) return { issues: zodIssues(parsed.error, file, source.locate) };
  const scenario = parsed.data;

  const issues: ContentIssue[] = [];
  const at = (path: FieldPath, message: string) =>
    issues.push({ file, ...source.locate(path), field: path.join("."), message });

  checkReferences(scenario, file, new Set(provisionIds), at);
  const referencesOk = issues.length === 0;
  const structure = checkStructure(scenario, at);
  if (!referencesOk) return { scenario, issues };

  const exploration = explore(scenario, options.stateLimit);
  reportExploration(scenario, exploration, structure, at);
  return { scenario, issues, exploration };
}

type At = (path: FieldPath, message: string) => void;

// ── Stage 2: references ───────────────────────────────────────────────────────

function checkReferences(scenario: Scenario, file: string, provisions: Set<string>, at: At): void {
  const fileId = file.split("/").pop()!.replace(/\.ya?ml$/, "");
  if (scenario.id !== fileId) at(["id"], `情景编号应与文件名一致：文件名是 ${fileId}.yaml，这里写的是 ${scenario.id}`);

  const law = (path: FieldPath, ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!provisions.has(id)) at([...path, i], unknownProvision(id, provisions));
    });
  law(["law"], scenario.law);

  // Parties.
  const partyIds = new Set<string>();
  scenario.parties.forEach((p, i) => {
    if (p.id === MEDIATOR) at(["parties", i, "id"], `${MEDIATOR} 留给学员自己（调解员）使用，请给当事人换一个编号`);
    else if (partyIds.has(p.id)) at(["parties", i, "id"], `当事人编号 ${p.id} 重复了`);
    partyIds.add(p.id);
  });
  const partyList = [...partyIds].join("、");
  const party = (path: FieldPath, id: string, allowMediator = false) => {
    if (!partyIds.has(id) && !(allowMediator && id === MEDIATOR)) {
      at(path, `没有编号为 ${id} 的当事人（现有：${partyList}${allowMediator ? `；学员自己用 ${MEDIATOR}` : ""}）`);
    }
  };

  // Variables and flags.
  for (const name of Object.keys(scenario.variables)) {
    if (name in scenario.flags) at(["flags", name], `${name} 已经是变量名，标记请换一个名称`);
    const owner = scenario.variables[name].party;
    if (owner) party(["variables", name, "party"], owner);
  }
  const condition = (path: FieldPath, c: Condition) => {
    for (const ref of conditionRefs(c, path)) {
      const isVar = ref.name in scenario.variables;
      const isFlag = ref.name in scenario.flags;
      if (ref.kind === "var" && !isVar) {
        at(ref.path, isFlag ? `${ref.name} 是标记，不是数值变量：条件应写成 { flag: ${ref.name} }` : undefinedName("变量", ref.name, scenario.variables));
      }
      if (ref.kind === "flag" && !isFlag) {
        at(ref.path, isVar ? `${ref.name} 是数值变量，不是标记：条件应写成 { var: ${ref.name}, gte: 数字 }` : undefinedName("标记", ref.name, scenario.flags));
      }
    }
  };
  const branches = (path: FieldPath, list: readonly Branch[]) =>
    list.forEach((b, i) => {
      if (b.if) condition([...path, i, "if"], b.if);
    });

  // Nodes.
  const choiceOwner = new Map<string, string>();
  for (const e of edges(scenario)) {
    if (!(e.to in scenario.nodes)) at(e.path, `找不到节点 ${e.to}：请检查拼写，或在 nodes 下添加这个节点`);
  }
  if (!(scenario.start in scenario.nodes)) at(["start"], `找不到开始节点 ${scenario.start}：请检查拼写，或在 nodes 下添加这个节点`);
  const hasAgreement = Object.values(scenario.nodes).some((n) => n.kind === "agreement");
  if (hasAgreement && !provisions.has(AGREEMENT_PROVISION)) {
    at(["nodes"], `有起草协议的节点，但法条库里没有 ${AGREEMENT_PROVISION}（《人民调解法》第二十九条），协议检查要引用它`);
  }

  for (const [id, node] of Object.entries(scenario.nodes)) {
    const base: FieldPath = ["nodes", id];
    switch (node.kind) {
      case "narration":
      case "evidence":
        branches([...base, "next"], node.next);
        break;
      case "dialogue":
        node.lines.forEach((line, i) => party([...base, "lines", i, "speaker"], line.speaker, true));
        branches([...base, "next"], node.next);
        break;
      case "choice":
        node.choices.forEach((choice, i) => {
          const path: FieldPath = [...base, "choices", i];
          const other = choiceOwner.get(choice.id);
          if (other) at([...path, "id"], `选项编号 ${choice.id} 已在节点 ${other} 中使用：选项编号在整个情景中必须唯一`);
          choiceOwner.set(choice.id, id);
          if (choice.condition) condition([...path, "condition"], choice.condition);
          branches([...path, "next"], choice.next);
          law([...path, "law"], choice.law);
          checkEffects(scenario, [...path, "effects"], choice.effects, at);
          for (const p of Object.keys(choice.effects?.mood ?? {})) party([...path, "effects", "mood", p], p);
        });
        break;
      case "agreement": {
        const seen = new Set<string>();
        node.clauses.forEach((clause, i) => {
          const path: FieldPath = [...base, "clauses", i];
          if (seen.has(clause.id)) at([...path, "id"], `条款编号 ${clause.id} 在这个节点里重复了`);
          seen.add(clause.id);
          if (clause.unlawful !== undefined && clause.coerced !== undefined) {
            at([...path, "coerced"], "一条条款只写 unlawful（违法）或 coerced（被迫）中的一个");
          }
          if (clauseDefect(clause) && clause.satisfies) {
            at([...path, "satisfies"], "违法或被迫的条款不能算作协议的必备内容：请删掉 satisfies，或删掉 unlawful / coerced");
          }
          law([...path, "law"], clause.law);
        });
        const suppliable = suppliableElements(node);
        const lacking = agreementElements.filter((e) => !suppliable.has(e));
        if (lacking.length) {
          at([...base, "clauses"], `可选条款里没有能写明“${lacking.map((e) => elementNames[e]).join("”“")}”的合法条款，学员无法写出完整合法的协议书`);
        }
        const defective = node.clauses.some((c) => clauseDefect(c));
        if (defective && !node.next.unlawful) at([...base, "next"], "有违法或被迫的条款，需要写 next.unlawful：学员选了这类条款后去哪个节点");
        if (!defective && node.next.unlawful) at([...base, "next", "unlawful"], "没有任何条款标了 unlawful 或 coerced，next.unlawful 永远用不上：请删掉它，或加上这类条款");
        branches([...base, "next", "lawful"], node.next.lawful);
        if (node.next.unlawful) branches([...base, "next", "unlawful"], node.next.unlawful);
        break;
      }
      case "ending":
        law([...base, "law"], node.law);
        if (!lawfulOutcomes.includes(node.outcome) && node.lawfulPath === undefined) {
          at(base, `这个结局是“${outcomeNames[node.outcome]}”，需要写 lawfulPath：本来合法的做法是什么`);
        }
        break;
    }
  }
}

function checkEffects(scenario: Scenario, path: FieldPath, effects: Effects | undefined, at: At): void {
  for (const [name, value] of Object.entries(effects?.set ?? {})) {
    const where = [...path, "set", name];
    const variable = scenario.variables[name];
    if (name in scenario.flags) {
      if (typeof value !== "boolean") at(where, `${name} 是标记，set 的值应为 true 或 false`);
    } else if (variable) {
      if (typeof value !== "number") at(where, `${name} 是数值变量，set 的值应为整数`);
      else if (value < variable.min || value > variable.max) at(where, `${name} 的范围是 ${variable.min} 到 ${variable.max}，不能设为 ${value}`);
    } else at(where, undefinedName(typeof value === "boolean" ? "标记" : "变量", name, typeof value === "boolean" ? scenario.flags : scenario.variables));
  }
  for (const name of Object.keys(effects?.add ?? {})) {
    const where = [...path, "add", name];
    if (name in scenario.flags) at(where, `${name} 是标记，不能用 add 加减：请写 set: { ${name}: true }`);
    else if (!(name in scenario.variables)) at(where, undefinedName("变量", name, scenario.variables));
  }
}

const undefinedName = (what: "变量" | "标记", name: string, defined: Record<string, unknown>) => {
  const known = Object.keys(defined);
  const section = what === "变量" ? "variables" : "flags";
  return `没有定义${what} ${name}：请在 ${section} 下定义它，或检查拼写（已定义：${known.length ? known.join("、") : "无"}）`;
};

function unknownProvision(id: string, provisions: Set<string>): string {
  const statute = id.split("-")[0];
  return [...provisions].some((p) => p.startsWith(`${statute}-`))
    ? `条文 ${id} 不存在：content/law/${statute}.yaml 里没有这一条，请先添加或改正条号`
    : `条文 ${id} 不存在：没有编号为 ${statute} 的法规文件（content/law/${statute}.yaml）`;
}

// ── Stage 3: structure ────────────────────────────────────────────────────────

interface Structure {
  reachable: Set<string>;
  reachesEnding: Set<string>;
}

function checkStructure(scenario: Scenario, at: At): Structure {
  const all = edges(scenario);
  const structure = { reachable: reachable(scenario, all), reachesEnding: reachesEnding(scenario, all) };
  if (!(scenario.start in scenario.nodes)) return structure;
  for (const id of Object.keys(scenario.nodes)) {
    if (!structure.reachable.has(id)) {
      at(["nodes", id], `从开始节点 ${scenario.start} 出发走不到节点 ${id}：没有任何路线通向它，请加上指向它的 next，或删除它`);
    } else if (!structure.reachesEnding.has(id)) {
      at(["nodes", id], `从节点 ${id} 出发到不了任何结局（ending）：它后面的路线绕成了圈或断了，请加上一条通向结局的路线`);
    }
  }
  return structure;
}

// ── Stage 4: exploration ──────────────────────────────────────────────────────

function reportExploration(scenario: Scenario, found: Exploration, structure: Structure, at: At): void {
  if (!found.complete) {
    at(["variables"], `这个情景可能出现的状态超过 ${found.states} 种，检查器无法逐一验证：请缩小变量的取值范围，或减少标记和分支`);
    return;
  }
  // Structural findings are already reported; add only what conditions make true.
  for (const id of Object.keys(scenario.nodes)) {
    if (structure.reachable.has(id) && !found.reached.has(id)) {
      at(["nodes", id], `节点 ${id} 的入口条件永远无法满足，学员走不到这里：请检查通向它的选项条件（condition）或 if`);
    }
  }
  for (const [id, route] of found.loops) {
    if (structure.reachesEnding.has(id)) at(["nodes", id], `${describeRoute(scenario, route)}，从节点 ${id} 开始的叙述、对话或证据节点会绕回 ${id}，永远停不下来：请检查这些节点 next 里的 if 条件`);
  }
  for (const [id, route] of found.stuck) {
    at(["nodes", id], `${describeRoute(scenario, route)}，节点 ${id} 一个可选的选项都没有，学员会卡住：请放宽选项的条件，或加一个没有条件的选项`);
  }
  for (const [id, route] of found.trapped) {
    if (structure.reachesEnding.has(id) && !found.stuck.has(id)) {
      at(["nodes", id], `${describeRoute(scenario, route)}，会来到节点 ${id}，而从这里再也走不到任何结局：请检查后面选项的条件`);
    }
  }
  for (const o of found.overflows) {
    if (o.source !== "add") continue; // out-of-range `set` values are reported in stage 2
    const { min, max } = scenario.variables[o.variable];
    const limit = o.attempted > max ? `上限 ${max}` : `下限 ${min}`;
    at(
      ["nodes", o.node, "choices", o.choiceIndex, "effects", "add", o.variable],
      `这一步可能让 ${o.variable} 超出范围：${describeRoute(scenario, o.route)}，${o.variable} 会变成 ${o.attempted}，超出${limit}。请调整加减的数值、变量的范围，或给选项加上条件`,
    );
  }
}

/** "依次选择 a → b → （提交合法的协议）之后", showing at most the last 8 steps, or "一开始". */
function describeRoute(scenario: Scenario, route: readonly Step[]): string {
  if (!route.length) return "一开始";
  const defective = new Set(
    Object.values(scenario.nodes).flatMap((n) => (n.kind === "agreement" ? n.clauses.filter((c) => clauseDefect(c)).map((c) => c.id) : [])),
  );
  const names = route.map((step) =>
    "choice" in step ? step.choice : step.agreement.clauses.some((id) => defective.has(id)) ? "（提交含违法条款的协议）" : "（提交合法的协议）",
  );
  const shown = names.length > 8 ? ["…", ...names.slice(-8)] : names;
  return `依次选择 ${shown.join(" → ")} 之后`;
}
