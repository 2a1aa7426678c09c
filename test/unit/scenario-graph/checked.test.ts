/** The trainers' pages' view of the checker's exploration: stored as plain data, routes named by the agreement rule. */
import { describe, expect, it } from "vitest";
import { checkSummary, routeSteps, scenarioCheckSchema } from "../../../src/lib/scenario-graph/checked.ts";
import { clauseDefect, sampleDraft } from "../../../src/lib/scenario/agreement.ts";
import { explore } from "../../../src/lib/scenario/explore.ts";
import { ScenarioRunError } from "../../../src/lib/scenario/step.ts";
import { loadScenario } from "../scenario/helpers.ts";

const scenario = loadScenario("test/fixtures/scenarios/example-boundary-wall.yaml");
const exploration = explore(scenario);

describe("checkSummary", () => {
  const summary = checkSummary(exploration);

  it("keeps the counts and every ending's route, as data the collection schema accepts", () => {
    expect(summary.states).toBe(exploration.states);
    expect(summary.reached).toBe(exploration.reached.size);
    expect(Object.keys(summary.routes)).toEqual([...exploration.routes.keys()]);
    expect(scenarioCheckSchema.parse(summary)).toEqual(summary);
    // Survives a JSON round trip (Astro's data store), unlike the Maps and Sets of the exploration.
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe("routeSteps", () => {
  it("names choices by id and drafted agreements by their verdict", () => {
    for (const [ending, route] of exploration.routes) {
      const named = routeSteps(scenario, route);
      expect(named).toHaveLength(route.length);
      route.forEach((step, k) => {
        if ("choice" in step) expect(named[k], ending).toEqual({ choice: step.choice });
        else expect(["lawful", "unlawful"]).toContain((named[k] as { agreement: string }).agreement);
      });
    }
  });

  it("calls a draft unlawful exactly when it holds an unlawful or coerced clause", () => {
    const clauses = new Map(Object.values(scenario.nodes).flatMap((n) => (n.kind === "agreement" ? n.clauses.map((c) => [c.id, c] as const) : [])));
    let agreements = 0;
    for (const route of exploration.routes.values()) {
      routeSteps(scenario, route).forEach((named, k) => {
        const step = route[k];
        if (!("agreement" in step)) return;
        agreements++;
        const defective = step.agreement.clauses.some((id) => clauseDefect(clauses.get(id)!));
        expect(named).toEqual({ agreement: defective ? "unlawful" : "lawful" });
      });
    }
    expect(agreements).toBeGreaterThan(0);
  });

  it("names a draft with a defective clause unlawful at the node where it is submitted", () => {
    // A route through an agreement node, with its lawful draft swapped for a defective one.
    const route = [...exploration.routes.values()].find((r) => r.some((step) => "agreement" in step))!;
    const at = route.findIndex((step) => "agreement" in step);
    const node = Object.values(scenario.nodes).find(
      (n) => n.kind === "agreement" && n.clauses.some((c) => (route[at] as { agreement: { clauses: string[] } }).agreement.clauses.includes(c.id)),
    );
    expect(node?.kind).toBe("agreement");
    const unlawful = sampleDraft(node as Extract<typeof node, { kind: "agreement" }>, scenario.parties, "unlawful")!;
    expect(routeSteps(scenario, [...route.slice(0, at), { agreement: unlawful }])).toEqual([
      ...routeSteps(scenario, route.slice(0, at)),
      { agreement: "unlawful" },
    ]);
  });

  it("refuses a route that is not a possible run", () => {
    expect(() => routeSteps(scenario, [{ choice: "no-such-choice" }])).toThrow(ScenarioRunError);
  });
});
