/**
 * The case-simulation player, driven through its UI like a learner: every shipped scenario
 * is played to each of its endings along the shortest route the checker's exploration
 * finds (clicking choices, ticking clauses, typing party details), and the debrief must
 * show that ending. Plus: resuming after a reload, keyboard-only play, the drafting
 * preview, replay and restart, axe and 320 px.
 *
 * Scenarios are read from the content folder the build used (MEDIATOR_CONTENT_DIR or
 * content/), so build and test with the same setting.
 */
import { describe, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { t } from "../../src/i18n/zh-CN.ts";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../src/lib/content/files.ts";
import { knownFromContentSet } from "../../src/lib/quiz/check.ts";
import { checkAgreement, type AgreementDraft } from "../../src/lib/scenario/agreement.ts";
import { checkScenarioText } from "../../src/lib/scenario/check.ts";
import { debrief } from "../../src/lib/scenario/debrief.ts";
import { applyStep, availableChoices, findChoice, isEnded, start } from "../../src/lib/scenario/engine.ts";
import { choiceQuality, type ChoiceQuality } from "../../src/lib/scenario/player-view.ts";
import type { NodeOf, Scenario } from "../../src/lib/scenario/schema.ts";
import type { RunState, Step } from "../../src/lib/scenario/state.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { useSiteAndBrowser } from "./support/session.ts";

// ── The shipped scenarios and their routes ───────────────────────────────────

const root = process.cwd();
const content = contentDir(root);
const provisionIds = knownFromContentSet(readContentSet({ root, content }).set).provisions;
const scenarioDir = join(content, "scenarios");

interface Shipped {
  scenario: Scenario;
  /** Shortest route to each reachable ending, in the checker's order. */
  routes: [ending: string, route: Step[]][];
}

const shipped: Shipped[] = (existsSync(scenarioDir) ? readdirSync(scenarioDir) : [])
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => {
    const file = `scenarios/${name}`;
    const { scenario, issues, exploration } = checkScenarioText(readFileSync(join(scenarioDir, name), "utf8"), file, provisionIds);
    if (!scenario || !exploration || issues.length) throw new Error(`${file} does not pass the scenario checker (npm run check)`);
    return { scenario, routes: [...exploration.routes] };
  });

const endingsOf = ({ scenario, routes }: Shipped) => routes.map(([ending, route]) => ({ scenario, ending, route }));
const longestRoute = ({ routes }: Shipped) => routes.map(([, r]) => r).sort((a, b) => b.length - a.length)[0];
/** The first route that drafts an agreement, and the index of that step. */
function agreementRoute({ routes }: Shipped): { route: Step[]; at: number } | undefined {
  for (const [, route] of routes) {
    const at = route.findIndex((step) => "agreement" in step);
    if (at >= 0) return { route, at };
  }
  return undefined;
}
/** The choices a route starts with, up to its first agreement step. */
const leadingChoices = (route: Step[]) => {
  const firstDraft = route.findIndex((step) => "agreement" in step);
  return firstDraft < 0 ? route : route.slice(0, firstDraft);
};

// ── Browser ──────────────────────────────────────────────────────────────────

const env = useSiteAndBrowser();

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

/**
 * A fresh context each time, so no saved run leaks between tests. Reduced motion turns
 * the site's smooth scrolling off, which Playwright would otherwise wait out on every click.
 */
async function open(scenario: Scenario, viewport = { width: 375, height: 740 }): Promise<Opened> {
  const context = await env.browser.newContext({ viewport, reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.site.url}scenarios/${scenario.id}/`, { waitUntil: "networkidle" });
  await page.locator("case-simulation .sim").waitFor();
  return { page, context, errors };
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Ticks exactly the draft's clauses and types its party details. */
async function fillDraft(page: Page, scenario: Scenario, node: NodeOf<"agreement">, draft: AgreementDraft) {
  for (const clause of node.clauses) {
    await page.getByRole("checkbox", { name: clause.text, exact: true }).setChecked(draft.clauses.includes(clause.id));
  }
  for (const [id, details] of Object.entries(draft.parties ?? {})) {
    const party = scenario.parties.find((p) => p.id === id)!;
    await page.getByLabel(t("scenario.agreement.name", { party: party.name }), { exact: true }).fill(details.name ?? "");
    await page.getByLabel(t("scenario.agreement.address", { party: party.name }), { exact: true }).fill(details.address ?? "");
  }
}

/** Takes one step by clicking, as a learner would, and waits for focus on the new step (at an ending, on the result). */
async function takeStep(page: Page, scenario: Scenario, state: RunState, step: Step): Promise<RunState> {
  if ("choice" in step) {
    await page.getByRole("button", { name: findChoice(scenario, step.choice)!.choice.text, exact: true }).click();
  } else {
    await fillDraft(page, scenario, scenario.nodes[state.node] as NodeOf<"agreement">, step.agreement);
    await page.getByRole("button", { name: t("scenario.agreement.submit"), exact: true }).click();
  }
  const next = applyStep(scenario, state, step);
  await expect.poll(() => activeId(page)).toBe(isEnded(scenario, next) ? "sim-debrief-heading" : `sim-step-${next.log.length - 1}`);
  return next;
}

async function play(page: Page, scenario: Scenario, steps: readonly Step[], state = start(scenario)): Promise<RunState> {
  for (const step of steps) state = await takeStep(page, scenario, state, step);
  return state;
}

/** The debrief on the page matches the engine's debrief of the same run. */
async function expectDebrief(page: Page, scenario: Scenario, state: RunState) {
  const expected = debrief(scenario, state);
  const section = page.locator("scenario-debrief");
  await expect(section.locator("#sim-debrief-heading").textContent()).resolves.toBe(t("scenario.debrief.heading", { title: expected.ending.title }));
  await expect(section.locator(".sim-outcome").textContent()).resolves.toContain(t(`scenario.outcome.${expected.ending.outcome}`));
  await expect(section.locator(".sim-total").textContent()).resolves.toBe(t("scenario.debrief.total", expected.total));
  await expect(section.locator(".sim-score tbody tr").count()).resolves.toBe(3);
  await expect(section.locator(".sim-path > li").count()).resolves.toBe(expected.path.length);
  await expect(section.locator(".sim-mistakes > li").count()).resolves.toBe(expected.mistakes.length);
  for (const [i, mistake] of expected.mistakes.entries()) {
    await expect(section.locator(".sim-mistakes > li").nth(i).textContent()).resolves.toContain(mistake.explanation);
  }
  await expect(section.locator(".sim-lawful-path").count()).resolves.toBe(expected.lawfulPathNotTaken ? 1 : 0);
}

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

async function noSeriousAxeViolation(page: Page, where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations.map((v) => `${where}: ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Presses Tab until the focused element's text is `text`. */
async function tabTo(page: Page, text: string, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((want) => document.activeElement?.textContent?.trim() === want, text)) return;
  }
  throw new Error(`Tab never reached “${text}”`);
}

// ── Tests ────────────────────────────────────────────────────────────────────

test("at least one scenario is shipped, and each has at least one ending to reach", () => {
  expect(shipped.length).toBeGreaterThan(0);
  for (const s of shipped) expect(s.routes.length, s.scenario.id).toBeGreaterThan(0);
});

describe.each(shipped.map((s) => [s.scenario.id, s] as const))("scenario %s", (_id, s) => {
  const { scenario } = s;

  test.each(endingsOf(s).map((e) => [e.ending, e] as const))("the shortest route to %s ends in its debrief", async (_ending, { ending, route }) => {
    const { page, context, errors } = await open(scenario);
    const state = await play(page, scenario, route);
    expect(state.node).toBe(ending);
    await expectDebrief(page, scenario, state);
    // The live region announced the ending.
    const endingNode = scenario.nodes[ending] as NodeOf<"ending">;
    await expect(page.locator("case-simulation [role=status][aria-atomic]").textContent()).resolves.toContain(
      t("scenario.player.ended", { title: endingNode.title }),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  test("at 320 px: no sideways scroll and no serious axe violation, at the start, mid-run, in the panels and at the debrief", async () => {
    const { page, context } = await open(scenario, { width: 320, height: 640 });
    // Visible gauges are shown, hidden ones are not.
    const status = page.locator(".sim-status");
    for (const v of Object.values(scenario.variables)) {
      await expect(status.getByText(v.label, { exact: true }).count()).resolves.toBe(v.hidden ? 0 : 1);
    }
    await noSidewaysScroll(page);
    await noSeriousAxeViolation(page, "start");

    const drafting = agreementRoute(s);
    const route = drafting?.route ?? longestRoute(s);
    const midway = drafting ? drafting.at : Math.max(1, Math.floor(route.length / 2));
    let state = await play(page, scenario, route.slice(0, midway));
    await noSidewaysScroll(page);
    await noSeriousAxeViolation(page, drafting ? "drafting the agreement" : "mid-run");

    await page.getByRole("button", { name: t("scenario.player.lawPanel"), exact: true }).click();
    await expect(page.locator("#sim-law").evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
    await noSeriousAxeViolation(page, "查法条 open");
    await page.getByRole("button", { name: t("scenario.player.close"), exact: true }).click();

    state = await play(page, scenario, route.slice(midway), state);
    await page.getByRole("button", { name: t("scenario.debrief.replay"), exact: true }).click();
    await noSidewaysScroll(page);
    await noSeriousAxeViolation(page, "debrief with replay");
    expect(state.node in scenario.nodes).toBe(true);
    await context.close();
  });

  test("reloading mid-run resumes where the learner was, with the notes", async () => {
    const route = longestRoute(s);
    const taken = Math.min(3, route.length - 1);
    const { page, context, errors } = await open(scenario);
    const state = await play(page, scenario, route.slice(0, taken));
    await page.getByRole("button", { name: t("scenario.player.notesCount", { n: state.evidence.length }), exact: true }).click();
    await page.getByLabel(t("scenario.player.notesLabel"), { exact: true }).fill("先查宅基地证，再约双方");
    await page.getByRole("button", { name: t("scenario.player.close"), exact: true }).click();

    await page.reload({ waitUntil: "networkidle" });
    await page.locator("case-simulation .sim").waitFor();
    await expect(page.locator(".sim-notice").textContent()).resolves.toBe(t("scenario.player.resumed", { n: taken }));
    await expect(page.locator(".sim-step__heading").count()).resolves.toBe(taken + 1);
    await page.getByRole("button", { name: t("scenario.player.notesCount", { n: state.evidence.length }), exact: true }).click();
    await expect(page.getByLabel(t("scenario.player.notesLabel"), { exact: true }).inputValue()).resolves.toBe("先查宅基地证，再约双方");
    await page.getByRole("button", { name: t("scenario.player.close"), exact: true }).click();

    // The resumed run goes on to the same ending.
    const end = await play(page, scenario, route.slice(taken), state);
    await expectDebrief(page, scenario, end);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("can be played with the keyboard alone: choices, the notes panel and Escape", async () => {
    const route = longestRoute(s);
    const choices = leadingChoices(route).slice(0, 3);
    const { page, context } = await open(scenario);
    let state = start(scenario);
    for (const step of choices) {
      if (!("choice" in step)) break;
      await tabTo(page, findChoice(scenario, step.choice)!.choice.text);
      await page.keyboard.press("Enter");
      state = applyStep(scenario, state, step);
      await expect.poll(() => activeId(page)).toBe(isEnded(scenario, state) ? "sim-debrief-heading" : `sim-step-${state.log.length - 1}`);
    }
    const notes = t("scenario.player.notesCount", { n: state.evidence.length });
    await tabTo(page, notes);
    await page.keyboard.press("Enter");
    await expect(page.locator("#sim-notes").evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(page.locator("#sim-notes").evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(notes);
    // A visible focus ring on the focused button.
    await expect(page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).resolves.not.toBe("none");
    await context.close();
  });

  const drafting = agreementRoute(s);
  test.runIf(drafting)("the drafting preview names what is missing, and an incomplete draft stays to be revised", async () => {
    const { route, at } = drafting!;
    const { page, context } = await open(scenario);
    let state = await play(page, scenario, route.slice(0, at));
    const node = scenario.nodes[state.node] as NodeOf<"agreement">;
    const status = page.locator(".sim-preview__status");
    for (const element of ["parties", "facts", "responsibility", "terms", "performance"] as const) {
      await expect(status.textContent()).resolves.toContain(t(`scenario.element.${element}`));
    }

    // Submitting nothing: the step names what is missing and the form stays.
    const empty: AgreementDraft = { clauses: [] };
    const missing = checkAgreement(node, scenario.parties, empty).missing.map((m) => t(`scenario.element.${m.element}`)).join("、");
    state = await takeStep(page, scenario, state, { agreement: empty });
    await expect(page.locator(`section:has(> #sim-step-${state.log.length - 1})`).textContent()).resolves.toContain(
      t("scenario.agreement.incomplete", { list: missing }),
    );
    await expect(page.getByRole("button", { name: t("scenario.agreement.submit"), exact: true }).isVisible()).resolves.toBe(true);

    // The route's draft completes it: the preview says so before submitting.
    const draft = (route[at] as { agreement: AgreementDraft }).agreement;
    await fillDraft(page, scenario, node, draft);
    await expect(status.textContent()).resolves.toContain(t("scenario.agreement.complete"));
    state = await takeStep(page, scenario, state, route[at]);
    state = await play(page, scenario, route.slice(at + 1), state);
    await expectDebrief(page, scenario, state);
    await context.close();
  });
});

describe.runIf(shipped.length > 0)("the opening before the first choice", () => {
  const { scenario } = shipped[0]!;
  /** Requests for the player's code and the scenario's data, as they happen. */
  const watchPlayer = (page: Page) => {
    const seen: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (/\/case-simulation[.-][^/]*\.js$/.test(path) || path.endsWith(`/scenarios/${scenario.id}/data.json`)) seen.push(path.endsWith(".json") ? "data" : "player");
    });
    return seen;
  };

  test("is plain HTML: neither the player nor the scenario loads until a choice is pressed, which is then taken", async () => {
    const { page, context, errors } = await open(scenario);
    const seen = watchPlayer(page);
    await page.reload({ waitUntil: "networkidle" });
    await page.locator("case-simulation [data-opening] .sim").waitFor();
    expect(seen).toEqual([]);
    // The opening shows the first decision's prompt and every choice open at the start.
    const first = start(scenario);
    const prompt = (scenario.nodes[first.node] as NodeOf<"choice">).prompt;
    await expect(page.locator("#sim-decide-prompt").textContent()).resolves.toBe(prompt);
    const offered = availableChoices(scenario, first);
    await expect(page.locator(".sim-choice").allTextContents()).resolves.toEqual(offered.map((c) => c.text));
    await noSeriousAxeViolation(page, "opening");

    await takeStep(page, scenario, first, { choice: offered[0]!.id });
    expect([...seen].sort()).toEqual(["data", "player"]);
    await expect(page.locator("[data-opening]").count()).resolves.toBe(0);
    await expect(page.locator("#sim-step-0").count()).resolves.toBe(1);
    await expect(page.locator("section:has(> #sim-step-0)").textContent()).resolves.toContain(offered[0]!.text);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("查法条 on the opening loads the player and opens the panel; a saved run loads the player at once", async () => {
    const { page, context } = await open(scenario);
    await page.getByRole("button", { name: t("scenario.player.lawPanel"), exact: true }).click();
    await expect.poll(() => page.locator("#sim-law").evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press("Escape");
    const first = start(scenario);
    await takeStep(page, scenario, first, { choice: availableChoices(scenario, first)[0]!.id });
    const seen = watchPlayer(page);
    await page.reload({ waitUntil: "networkidle" });
    await page.locator("#sim-step-0").waitFor();
    expect([...seen].sort()).toEqual(["data", "player"]);
    await expect(page.locator("[data-opening]").count()).resolves.toBe(0);
    await context.close();
  });
});

describe.runIf(shipped.length > 0)("replay and restart", () => {
  const s = shipped[0];
  const route = longestRoute(s);

  test("the replay steps through the log, and 再做一次 starts afresh", async () => {
    const { page, context } = await open(s.scenario);
    await play(page, s.scenario, route);
    await page.getByRole("button", { name: t("scenario.debrief.replay"), exact: true }).click();
    const heading = page.locator("#sim-replay-heading");
    await expect.poll(() => activeId(page)).toBe("sim-replay-heading");
    await expect(heading.textContent()).resolves.toBe(t("scenario.replay.heading", { n: 1, total: route.length }));
    for (let n = 2; n <= route.length; n++) {
      await page.getByRole("button", { name: t("scenario.replay.next"), exact: true }).click();
      await expect(heading.textContent()).resolves.toBe(t("scenario.replay.heading", { n, total: route.length }));
    }
    await expect(page.getByRole("button", { name: t("scenario.replay.next"), exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: t("scenario.replay.close"), exact: true }).click();
    await expect.poll(() => activeId(page)).toBe("sim-replay-start");

    await page.getByRole("button", { name: t("scenario.debrief.restart"), exact: true }).click();
    await expect.poll(() => activeId(page)).toBe("sim-step-opening");
    await expect(page.locator(".sim-step").count()).resolves.toBe(1);
    // The cleared save stays cleared after a reload.
    await page.reload({ waitUntil: "networkidle" });
    await page.locator("case-simulation .sim").waitFor();
    await expect(page.locator(".sim-step").count()).resolves.toBe(1);
    await expect(page.locator(".sim-notice").count()).resolves.toBe(0);
    await context.close();
  });

  test("重新开始 mid-run asks first, and can be cancelled", async () => {
    const { page, context } = await open(s.scenario);
    const state = await play(page, s.scenario, route.slice(0, 1));
    await page.getByRole("button", { name: t("scenario.player.restart"), exact: true }).click();
    await expect.poll(() => activeId(page)).toBe("sim-confirm-yes");
    await page.getByRole("button", { name: t("scenario.player.restartNo"), exact: true }).click();
    await expect.poll(() => activeId(page)).toBe("sim-restart");
    await expect(page.locator(".sim-step").count()).resolves.toBe(state.log.length + 1);
    await page.getByRole("button", { name: t("scenario.player.restart"), exact: true }).click();
    await page.getByRole("button", { name: t("scenario.player.restartYes"), exact: true }).click();
    await expect.poll(() => activeId(page)).toBe("sim-step-opening");
    await expect(page.locator(".sim-step").count()).resolves.toBe(1);
    await context.close();
  });
});

describe("a run and the learner's record", () => {
  test("a run played to its ending by a chosen learner appears in 我的学习, and another learner starts afresh", async () => {
    const first = shipped[0]!;
    const [, route] = [...first.routes].sort((a, b) => a[1].length - b[1].length)[0]!;
    const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    const createLearner = async (name: string) => {
      await page.goto(`${env.site.url}me/`, { waitUntil: "networkidle" });
      if (!(await page.locator("form.me-form").isVisible())) await page.getByRole("button", { name: "新建学员档案" }).click();
      await page.getByLabel("姓名").fill(name);
      await page.getByRole("button", { name: "保存" }).click();
      await page.getByRole("heading", { name: new RegExp(`学习进度 · ${name}`) }).waitFor();
    };
    await createLearner("钱桂英");
    await page.goto(`${env.site.url}scenarios/${first.scenario.id}/`, { waitUntil: "networkidle" });
    await page.locator("case-simulation .sim").waitFor();
    await play(page, first.scenario, route.slice(0, 1));
    // A second learner on the same device does not resume the first learner's run.
    await createLearner("孙大海");
    await page.goto(`${env.site.url}scenarios/${first.scenario.id}/`, { waitUntil: "networkidle" });
    await page.locator("case-simulation .sim").waitFor();
    expect(await page.locator(".sim-notice").count()).toBe(0);
    const state = await play(page, first.scenario, route);
    await expectDebrief(page, first.scenario, state);
    await page.goto(`${env.site.url}me/`, { waitUntil: "networkidle" });
    await page.getByText(new RegExp(`${first.scenario.title}：最好成绩`)).waitFor();
    await context.close();
  });
});

// ── On a phone with 大字 (#13) ────────────────────────────────────────────────

const PHONE = { width: 375, height: 740 };

/** A fresh 375 px context with 大字 on. */
async function openLarge(scenario: Scenario): Promise<Opened> {
  const context = await env.browser.newContext({ viewport: PHONE, reducedMotion: "reduce" });
  await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.site.url}scenarios/${scenario.id}/`, { waitUntil: "networkidle" });
  await page.locator("case-simulation .sim").waitFor();
  return { page, context, errors };
}

/** Page coordinates (top, bottom, height) of the first match. */
const boxOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, height: r.height, width: r.width, left: r.left, right: r.right };
  });

describe.runIf(shipped.length > 0)("on a 375 px phone with 大字", () => {
  const first = shipped[0]!;

  test("the player starts within the first two screens, objectives, parties and law folded above it", async () => {
    const { page, context, errors } = await openLarge(first.scenario);
    const more = page.locator("details.scenario-more");
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator("#objectives-heading").isVisible()).toBe(false);
    const opening = await boxOf(page, "#sim-step-opening");
    expect(opening.top).toBeLessThan(2 * PHONE.height);
    expect((await boxOf(page, ".sim-choice")).top).toBeGreaterThan(opening.top);
    await noSeriousAxeViolation(page, "start, 大字");
    expect(errors).toEqual([]);
    await context.close();
  });

  test("after each choice 当前局面 is one folded line and the choices follow right under it", async () => {
    const { page, context } = await openLarge(first.scenario);
    const route = leadingChoices(longestRoute(first)).slice(0, 2);
    let state = start(first.scenario);
    for (const step of route) {
      state = await takeStep(page, first.scenario, state, step);
      if (isEnded(first.scenario, state) || first.scenario.nodes[state.node]!.kind !== "choice") break;
      const status = await boxOf(page, ".sim-status");
      const choices = await boxOf(page, ".sim-choices");
      expect(await page.locator(".sim-status").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      // A line or two of moods (three in 大字 with three parties), not the panel of gauges.
      expect(status.height).toBeLessThan(160);
      expect(await page.locator(".sim-status__summary").textContent()).toContain(first.scenario.parties[0]!.name);
      // With 当前局面 at the top of the screen, the first choice is on the same screen (only the prompt between).
      expect(choices.top - status.top).toBeLessThan(0.75 * PHONE.height);
      expect(await page.locator(".sim-decide").evaluate((el) => el.previousElementSibling?.classList.contains("sim-status"))).toBe(true);
    }
    // Opened, it shows the gauges.
    await page.locator(".sim-status__summary").click();
    await expect(page.locator(".sim-gauge").first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  test("good, poor and harmful choices read and look different: word, icon, colour and edge", async () => {
    // The first shipped scenario whose opening decision offers at least two kinds of choice.
    const pick = shipped
      .map((s) => ({ s, choices: availableChoices(s.scenario, start(s.scenario)) }))
      .find(({ choices }) => new Set(choices.map(choiceQuality)).size >= 2)!;
    expect(pick, "a scenario whose first decision mixes good and poor choices").toBeDefined();
    const byQuality = new Map<ChoiceQuality, string>();
    for (const c of pick.choices) if (!byQuality.has(choiceQuality(c))) byQuality.set(choiceQuality(c), c.text);
    const { page, context } = await openLarge(pick.s.scenario);
    const looks: string[] = [];
    for (const [quality, text] of byQuality) {
      await page.getByRole("button", { name: text, exact: true }).click();
      await expect.poll(() => activeId(page)).toBe("sim-step-0");
      const feedback = page.locator(".sim-step .sim-feedback").first();
      await expect(feedback.getAttribute("class")).resolves.toContain(`sim-feedback--${quality}`);
      const label = feedback.locator(".sim-feedback__label");
      await expect(label.innerText()).resolves.toContain(t(`scenario.quality.${quality}`));
      await expect(label.locator(".sim-feedback__icon").getAttribute("aria-hidden")).resolves.toBe("true");
      looks.push(
        await feedback.evaluate((el) => {
          const s = getComputedStyle(el);
          const icon = el.querySelector(".sim-feedback__icon")!.textContent;
          return `${s.backgroundColor}|${s.borderInlineStartStyle}|${s.borderInlineStartColor}|${icon}`;
        }),
      );
      await noSeriousAxeViolation(page, `${quality} feedback`);
      await page.getByRole("button", { name: t("scenario.player.restart"), exact: true }).click();
      await page.getByRole("button", { name: t("scenario.player.restartYes"), exact: true }).click();
      await expect.poll(() => activeId(page)).toBe("sim-step-opening");
    }
    // Each part differs between every two kinds: colour, edge style, icon.
    const parts = looks.map((l) => l.split("|"));
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) {
        expect(parts[i]![0]).not.toBe(parts[j]![0]);
        expect(parts[i]![3]).not.toBe(parts[j]![3]);
      }
    await context.close();
  });

  const drafting = shipped.map((s) => ({ s, d: agreementRoute(s) })).find((x) => x.d);
  test.runIf(drafting)("drafting: 44 px rows to tick, and what is missing stays in view beside the clauses", async () => {
    const { s, d } = drafting!;
    const { page, context } = await openLarge(s.scenario);
    await play(page, s.scenario, d!.route.slice(0, d!.at));
    const rows = page.locator(".sim-check");
    // The agreement node renders after the last step: count its rows once the first is there.
    await rows.first().waitFor();
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const size = await rows.nth(i).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const box = el.querySelector("input")!.getBoundingClientRect();
        return { h: r.height, w: r.width, boxW: box.width, boxH: box.height };
      });
      expect(size.h).toBeGreaterThanOrEqual(44);
      expect(size.w).toBeGreaterThanOrEqual(44);
      expect(Math.min(size.boxW, size.boxH)).toBeGreaterThanOrEqual(24);
    }
    // Tick the first clause by its text (the whole row is the target): the status, in view, changes.
    const status = page.locator(".sim-preview__status");
    const before = await status.textContent();
    await rows.first().locator("span").click();
    await expect(rows.first().locator("input").isChecked()).resolves.toBe(true);
    const inView = () =>
      status.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    await expect.poll(inView).toBe(true);
    expect(await status.textContent()).not.toBe(before);
    // The document preview starts right under the clauses.
    const clauses = await boxOf(page, ".sim-clauses");
    const preview = await boxOf(page, ".sim-preview");
    expect(preview.top - clauses.bottom).toBeLessThan(250);
    await noSeriousAxeViolation(page, "drafting, 大字");
    await noSidewaysScroll(page);
    await context.close();
  });

  test("a finished case reopens on its result, 再做一次 beside it, the score table on one line per row", async () => {
    const [, route] = [...first.routes].sort((a, b) => a[1].length - b[1].length)[0]!;
    const { page, context, errors } = await openLarge(first.scenario);
    const state = await play(page, first.scenario, route);
    await page.reload({ waitUntil: "networkidle" });
    await page.locator("scenario-debrief .sim-result").waitFor();
    await expectDebrief(page, first.scenario, state);
    const again = await boxOf(page, "scenario-debrief .sim-result .button:not(.button--secondary)");
    await expect(page.locator("scenario-debrief .sim-result .button:not(.button--secondary)").textContent()).resolves.toContain(t("scenario.debrief.restart"));
    const heading = await boxOf(page, "#sim-debrief-heading");
    expect(again.top).toBeLessThan(2 * PHONE.height);
    expect(again.top - heading.top).toBeLessThan(400);
    expect(again.top).toBeLessThan((await boxOf(page, ".sim-score")).top);
    // The story is folded below the result.
    expect(await page.locator("details.sim-story-fold").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Each score ("18 / 21") and dimension sits on one line.
    const lines = await page.locator(".sim-score__points, .sim-score th[scope=row]").evaluateAll((cells) =>
      cells.map((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.length).toBe(6);
    for (const count of lines) expect(count).toBe(1);
    await noSidewaysScroll(page);
    await noSeriousAxeViolation(page, "finished case, 大字");
    // 再做一次 from there starts afresh.
    await page.getByRole("button", { name: t("scenario.debrief.restart"), exact: true }).click();
    await expect.poll(() => activeId(page)).toBe("sim-step-opening");
    expect(errors).toEqual([]);
    await context.close();
  });
});
