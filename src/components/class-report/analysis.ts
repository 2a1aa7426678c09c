/** Question analysis and scenario decision analysis (tables, and the drawing over the graph when given) sections of the class report. */
import { html, nothing, type TemplateResult } from "lit";
import { fill, type Strings } from "../../i18n/fill.ts";
import type { ClassData } from "../../lib/statistics/class-data.ts";
import type { ClassReport } from "../../lib/statistics/class-report.ts";
import { AGREEMENT_DEFECTIVE, AGREEMENT_LAWFUL, type ScenarioAnalysis } from "../../lib/statistics/decision-analysis.ts";
import type { DecisionLayout } from "../../lib/statistics/decision-graph.ts";
import { MIN_ANSWERS_FOR_FLAGS } from "../../lib/statistics/item-analysis.ts";
import { round } from "../../lib/statistics/numbers.ts";
import { flagText, optionLabel, type Say } from "../../lib/statistics/report-csv.ts";
import type { Scenario } from "../../lib/scenario/schema.ts";

const shown = (x: number | undefined) => (x === undefined ? "—" : String(round(x)));

export function itemSection(report: ClassReport, data: ClassData, strings: Strings, say: Say): TemplateResult {
  const stems = new Map(data.banks.flatMap((b) => b.items.map((item) => [item.id, item.stem] as const)));
  const header = ["item", "type", "attempts", "facility", "itemRest", "upperLower"].map((k) => (k === "item" ? say("report.page.items.col.item") : say(`report.items.${k}`)));
  return html`<section class="class-section" aria-labelledby="class-items-heading">
    <h2 id="class-items-heading">${say("report.page.items.heading")}</h2>
    <p>${say("report.page.items.explain")}</p>
    <p>${fill(strings["report.page.items.few"] ?? "", { n: MIN_ANSWERS_FOR_FLAGS })}</p>
    ${report.items.unknownItems.length ? html`<p class="box">${say("report.page.items.unknown", { n: report.items.unknownItems.length, ids: report.items.unknownItems.join("、") })}</p>` : nothing}
    ${report.items.quizzes.map((quiz) => {
      const items = report.items.items.filter((i) => i.quiz === quiz.quiz);
      return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${data.context.facts.quizzes[quiz.quiz] ?? quiz.quiz}>
        <table class="class-table" data-quiz=${quiz.quiz}>
          <caption>${say("report.page.items.quiz", { title: data.context.facts.quizzes[quiz.quiz] ?? quiz.quiz, n: quiz.learners, mean: shown(quiz.meanScore) })}</caption>
          <thead><tr>${header.map((h) => html`<th scope="col">${h}</th>`)}<th scope="col">${say("report.page.items.col.flags")}</th></tr></thead>
          <tbody>
            ${items.map(
              (item) => html`<tr data-item=${item.item} class=${item.flags.length ? "is-flagged" : ""}>
                <th scope="row">
                  <span class="class-stem">${stems.get(item.item) ?? item.item}</span>
                  <code>${item.item}</code>
                  ${item.options.length
                    ? html`<details>
                        <summary>${say("report.page.items.options")}</summary>
                        <ul>
                          ${item.options.map(
                            (o) =>
                              html`<li>${say("report.page.items.optionLine", {
                                label: optionLabel(item, o, say),
                                correct: o.correct ? say("report.page.items.correct") : "",
                                chosen: o.chosen,
                                upper: o.upperChosen,
                                lower: o.lowerChosen,
                              })}</li>`,
                          )}
                        </ul>
                      </details>`
                    : nothing}
                </th>
                <td>${say(`report.type.${item.type}`)}</td>
                <td>${item.attempts}</td>
                <td>${shown(item.facility)}</td>
                <td>${shown(item.itemRest)}</td>
                <td>${shown(item.upperLower)}</td>
                <td>${item.flags.length ? html`<ul class="class-flags">${item.flags.map((f) => html`<li>⚠ ${flagText(item, f, say)}</li>`)}</ul>` : say("report.page.items.noFlags")}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    })}
  </section>`;
}

function choiceText(scenario: Scenario, node: string, choice: string, say: Say): string {
  if (choice === AGREEMENT_LAWFUL) return say("report.agreement.lawful");
  if (choice === AGREEMENT_DEFECTIVE) return say("report.agreement.defective");
  const n = scenario.nodes[node];
  return (n?.kind === "choice" ? n.choices.find((c) => c.id === choice)?.text : undefined) ?? choice;
}

function promptOf(scenario: Scenario, node: string): string {
  const n = scenario.nodes[node];
  return n && "prompt" in n && typeof n.prompt === "string" ? n.prompt : node;
}

/** Draws a scenario's decisions over its graph (class-report/decision-graph.ts, loaded with the first files). */
export interface DrawDecisions {
  figure: (layout: DecisionLayout, scenario: Scenario, analysis: ScenarioAnalysis, say: Say) => TemplateResult;
  /** The <details>' toggle handler: brings the start node into view on a phone. */
  onToggle: (event: Event) => void;
}

function oneScenario(scenario: Scenario, analysis: ScenarioAnalysis, say: Say, drawing: TemplateResult | typeof nothing, onToggle?: (event: Event) => void): TemplateResult {
  const summary = say("report.page.scenarios.summary", { title: scenario.title, learners: analysis.learners, runs: analysis.runs });
  if (!analysis.runs) return html`<details class="class-scenario"><summary>${summary}</summary><p>${say("report.page.scenarios.none")}</p></details>`;
  const percent = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "—");
  return html`<details class="class-scenario" data-scenario=${scenario.id} @toggle=${onToggle ?? nothing}>
    <summary>${summary}</summary>
    ${analysis.unreadable ? html`<p>${say("report.page.scenarios.unreadable", { n: analysis.unreadable })}</p>` : nothing} ${drawing}
    <h4>${say("report.page.scenarios.mistakes")}</h4>
    <ol>${analysis.mistakes.slice(0, 5).map((m) => html`<li>${choiceText(scenario, m.node, m.choice, say)}（${m.learners}）</li>`)}</ol>
    <h4>${say("report.page.scenarios.endings")}</h4>
    <table class="class-table class-table--small">
      <thead><tr><th scope="col">${say("report.page.scenarios.col.ending")}</th><th scope="col">${say("report.page.scenarios.col.learners")}</th><th scope="col">${say("report.page.scenarios.col.runs")}</th></tr></thead>
      <tbody>
        ${analysis.endings.map((e) => {
          const node = scenario.nodes[e.node];
          return html`<tr data-node=${e.node}><th scope="row">${node?.kind === "ending" ? node.title : e.node}（${say(`report.outcome.${e.outcome}`)}）</th><td>${e.learners}</td><td>${e.runs}</td></tr>`;
        })}
      </tbody>
    </table>
    <h4>${say("report.page.scenarios.decisions")}</h4>
    ${analysis.decisions
      .filter((d) => d.learners > 0)
      .map(
        (d) => html`<div class="table-wrap" tabindex="0" role="region" aria-label=${promptOf(scenario, d.node)}><table class="class-table class-table--small" data-node=${d.node}>
          <caption>${promptOf(scenario, d.node)}</caption>
          <thead><tr><th scope="col">${say("report.page.scenarios.col.choice")}</th><th scope="col">${say("report.page.scenarios.col.learners")}</th><th scope="col">${say("report.page.scenarios.col.share")}</th></tr></thead>
          <tbody>
            ${d.choices.map(
              (c) => html`<tr class=${c.mistake ? "is-mistake" : ""} data-choice=${c.choice}>
                <th scope="row">${choiceText(scenario, d.node, c.choice, say)}${c.mistake ? html` <span class="tag">${say("report.page.scenarios.mistakeTag")}</span>` : nothing}</th>
                <td>${c.learners}</td>
                <td><svg class="share-bar" viewBox="0 0 100 10" aria-hidden="true"><rect width=${d.learners ? (100 * c.learners) / d.learners : 0} height="10"></rect></svg>${percent(c.learners, d.learners)}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>`,
      )}
  </details>`;
}

export function scenarioSection(report: ClassReport, data: ClassData, say: Say, draw?: DrawDecisions): TemplateResult {
  return html`<section class="class-section" aria-labelledby="class-scenarios-heading">
    <h2 id="class-scenarios-heading">${say("report.page.scenarios.heading")}</h2>
    ${data.scenarios.map((scenario, i) => {
      const analysis = report.scenarios[i] as ScenarioAnalysis;
      const layout = data.layouts?.[i];
      return draw && layout?.scenario === scenario.id
        ? oneScenario(scenario, analysis, say, draw.figure(layout, scenario, analysis, say), draw.onToggle)
        : oneScenario(scenario, analysis, say, nothing);
    })}
  </section>`;
}
