/** The components lesson authors may use without importing them (see content check). */
import Callout from "./Callout.astro";
import Law from "./Law.astro";
import Term from "./Term.astro";

export const lessonComponents = { Law, Term, Callout };
