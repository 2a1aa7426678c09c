/**
 * What the trainers' pages show of the scenario checker's exhaustive exploration, as plain
 * data an Astro collection can store (the exploration itself holds Maps and Sets), and the
 * steps of a route named by the engine's own rules.
 */
import { z } from "zod";
import { checkAgreement, type AgreementVerdict } from "../scenario/agreement.ts";
import { applyStep, start } from "../scenario/engine.ts";
import type { Exploration } from "../scenario/explore.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Step } from "../scenario/state.ts";
import { nodeAt } from "../scenario/step.ts";

const stepSchema = z.union([
  z.object({ choice: z.string() }).strict(),
  z
    .object({
      agreement: z
        .object({
          clauses: z.array(z.string()),
          parties: z.record(z.string(), z.object({ name: z.string().optional(), address: z.string().optional() }).strict()).optional(),
        })
        .strict(),
    })
    .strict(),
]);

export const scenarioCheckSchema = z
  .object({
    /** Distinct states the checker explored. */
    states: z.number().int().nonnegative(),
    /** Nodes some run shows. */
    reached: z.number().int().nonnegative(),
    /** Shortest route to each reachable ending, by ending id. */
    routes: z.record(z.string(), z.array(stepSchema)),
  })
  .strict();

export type ScenarioCheckSummary = z.infer<typeof scenarioCheckSchema>;

export function checkSummary(exploration: Exploration): ScenarioCheckSummary {
  return { states: exploration.states, reached: exploration.reached.size, routes: Object.fromEntries(exploration.routes) };
}

export type RouteStep = { choice: string } | { agreement: AgreementVerdict };

/**
 * A route's steps as a trainer reads them: a choice by its id, a drafted agreement by the
 * verdict agreement.ts gives it at the node where it was submitted. Throws
 * ScenarioRunError if the route is not a possible run.
 */
export function routeSteps(scenario: Scenario, route: readonly Step[]): RouteStep[] {
  let state = start(scenario);
  return route.map((step) => {
    let named: RouteStep = "choice" in step ? { choice: step.choice } : { agreement: "incomplete" };
    if ("agreement" in step) {
      const node = nodeAt(scenario, state.node);
      if (node.kind === "agreement") named = { agreement: checkAgreement(node, scenario.parties, step.agreement).verdict };
    }
    state = applyStep(scenario, state, step);
    return named;
  });
}
