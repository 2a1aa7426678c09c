/**
 * <lesson-states>: shows the current learner's lesson states on static pages (course list,
 * course page, home), so a learner always sees what is done and where to go on. No Lit: a
 * page loads this only when a learner is chosen, once the page is idle
 * (./lesson-states-loader.ts), and it decorates the page's own markup:
 *
 * - `[data-lesson="<course>/<lesson>"]` holding a hidden `[data-lesson-state]`: the word for
 *   the lesson's state (已学完 / 学了一半), shown when it has one;
 * - `[data-course-lessons="<key> <key> …"]` holding a hidden `[data-lesson-state]`: how far
 *   the course has got;
 * - `[data-continue]` (hidden) holding a link: 继续学习 to the lesson to go on with, from the
 *   `<script type="application/json" data-lesson-order>` list of `[key, title, url]` in
 *   curriculum order.
 *
 * The element's `strings` attribute holds the picked `lessonState.*` strings.
 */
import { currentLearnerId, onLearnerChange } from "../browser/learner.ts";
import { progressClient } from "../browser/progress-client.ts";
import { courseState, lessonStates, nextLesson, type LessonTrace } from "../lib/curriculum/lesson-states.ts";
import { fill, type Strings } from "../i18n/fill.ts";

type OrderEntry = [key: string, title: string, url: string];

export class LessonStates extends HTMLElement {
  private stop?: () => void;

  connectedCallback() {
    void this.show();
    this.stop = onLearnerChange(() => void this.show());
  }

  disconnectedCallback() {
    this.stop?.();
  }

  private get strings(): Strings {
    try {
      return JSON.parse(this.getAttribute("strings") ?? "{}") as Strings;
    } catch {
      return {};
    }
  }

  /** Reads the learner's lesson digests and marks the page; with no learner (or no record) marks nothing. */
  async show() {
    const id = currentLearnerId();
    let digests: LessonTrace[] = [];
    if (id) {
      try {
        digests = (await (await progressClient()).store.readOverview(id)).digests;
      } catch (error) {
        // The learner may have been removed in another tab: show the page unmarked.
        console.warn(error);
      }
    }
    this.mark(digests);
  }

  private mark(digests: readonly LessonTrace[]) {
    const l = this.strings;
    const states = lessonStates(digests);
    const label = (host: Element, text: string, state: string) => {
      const mark = host.querySelector<HTMLElement>("[data-lesson-state]");
      if (!mark) return;
      mark.textContent = text;
      mark.dataset.state = state;
      mark.hidden = !text;
    };
    for (const el of document.querySelectorAll<HTMLElement>("[data-lesson]")) {
      const state = states.get(el.dataset.lesson ?? "");
      label(el, state ? l[`lessonState.${state}`] : "", state ?? "");
    }
    for (const el of document.querySelectorAll<HTMLElement>("[data-course-lessons]")) {
      const course = courseState((el.dataset.courseLessons ?? "").split(" ").filter(Boolean), states);
      const text =
        course.total > 0 && course.done === course.total
          ? l["lessonState.courseDone"]
          : course.done
            ? fill(l["lessonState.course"], { ...course })
            : course.started
              ? fill(l["lessonState.courseStarted"], { ...course })
              : "";
      label(el, text, course.done === course.total ? "done" : "started");
    }
    const more = document.querySelector<HTMLElement>("[data-continue]");
    const order = this.order();
    if (!more || !order.length) return;
    const next = digests.length ? nextLesson(order.map(([key]) => key), digests) : undefined;
    const entry = next && order.find(([key]) => key === next.key);
    const link = more.querySelector<HTMLAnchorElement>("a");
    more.hidden = !entry || !link;
    if (!entry || !link) return;
    link.href = entry[2];
    link.textContent = fill(l[next.resume ? "lessonState.continue" : "lessonState.next"], { title: entry[1] });
  }

  private order(): OrderEntry[] {
    try {
      return JSON.parse(document.querySelector("script[data-lesson-order]")?.textContent ?? "[]") as OrderEntry[];
    } catch {
      return [];
    }
  }
}

customElements.define("lesson-states", LessonStates);

declare global {
  interface HTMLElementTagNameMap {
    "lesson-states": LessonStates;
  }
}
