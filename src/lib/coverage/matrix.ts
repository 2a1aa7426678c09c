/**
 * The curriculum's coverage, computed once from what the content check parsed: for every
 * law provision, the lessons that teach it, the scenarios that practise it and the quiz
 * items that assess it; for every lesson objective, the items that test it. Pure: it takes
 * plain shapes, so the content check, the /trainers/coverage/ page and tests share it.
 */
import { objectiveRef, parseObjectiveRef } from "../content/objective-ref.ts";

export interface CoverageSource {
  /** Statutes in display order, each with its articles in file order. */
  statutes: readonly { id: string; shortTitle: string; provisions: readonly { article: number; heading: string }[] }[];
  /** `key` is `<course>/<lesson>`; `law` is the frontmatter list (it includes every <Law> of the body). */
  lessons: readonly { key: string; title: string; law: readonly string[]; objectives: readonly string[] }[];
  /** `law`: every provision the scenario cites anywhere (see `scenarioLaw`). */
  scenarios: readonly { id: string; title: string; law: readonly string[] }[];
  items: readonly { id: string; bank: string; law: readonly string[]; objective?: string }[];
}

export interface ProvisionCoverage {
  /** `rmtjf-28`. */
  id: string;
  statute: string;
  article: number;
  heading: string;
  /** Lesson keys, in source order, each once. */
  lessons: string[];
  /** Scenario ids. */
  scenarios: string[];
  /** Item ids. */
  items: string[];
}

export interface ObjectiveCoverage {
  /** `<course>/<lesson>#<n>`. */
  ref: string;
  lesson: string;
  /** 1-based. */
  n: number;
  text: string;
  /** Ids of the items whose `objective` is this one. */
  items: string[];
}

export interface Coverage {
  provisions: ProvisionCoverage[];
  objectives: ObjectiveCoverage[];
  /** Provision ids no lesson, scenario or item cites. */
  uncited: string[];
}

/** Adds `value` to the list under `key`, once. */
function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function buildCoverage(source: CoverageSource): Coverage {
  const taught = new Map<string, string[]>();
  const practised = new Map<string, string[]>();
  const assessed = new Map<string, string[]>();
  const tested = new Map<string, string[]>();
  for (const lesson of source.lessons) for (const id of lesson.law) addTo(taught, id, lesson.key);
  for (const scenario of source.scenarios) for (const id of scenario.law) addTo(practised, id, scenario.id);
  for (const item of source.items) {
    for (const id of item.law) addTo(assessed, id, item.id);
    const parsed = parseObjectiveRef(item.objective ?? "");
    if (parsed) addTo(tested, objectiveRef(parsed.lesson, parsed.n), item.id);
  }

  const provisions = source.statutes.flatMap((statute) =>
    statute.provisions.map(({ article, heading }) => {
      const id = `${statute.id}-${article}`;
      return {
        id,
        statute: statute.id,
        article,
        heading,
        lessons: taught.get(id) ?? [],
        scenarios: practised.get(id) ?? [],
        items: assessed.get(id) ?? [],
      };
    }),
  );
  const objectives = source.lessons.flatMap((lesson) =>
    lesson.objectives.map((text, i) => {
      const ref = objectiveRef(lesson.key, i + 1);
      return { ref, lesson: lesson.key, n: i + 1, text, items: tested.get(ref) ?? [] };
    }),
  );
  const uncited = provisions.filter((p) => !p.lessons.length && !p.scenarios.length && !p.items.length).map((p) => p.id);
  return { provisions, objectives, uncited };
}

/**
 * Every provision id a scenario cites: its own `law` and the `law` of any node, choice,
 * clause or ending inside it, in first-seen order. Walks the parsed file, so a new place
 * that carries `law` is counted without a change here.
 */
export function scenarioLaw(scenario: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    // Arrays are objects too: their entries are walked the same way.
    if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "law" && Array.isArray(inner)) {
          for (const id of inner) if (typeof id === "string") found.add(id);
        } else walk(inner);
      }
    }
  };
  walk(scenario);
  return [...found];
}
