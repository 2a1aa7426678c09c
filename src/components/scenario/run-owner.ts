/** Whose run a scenario page shows: the current learner, or "local" when none is chosen (see 我的学习). Tiny: the opening loader uses it too. */
import { currentLearnerId } from "../../browser/learner.ts";

/** Runs of someone who has not chosen a learner profile are saved under this id. */
export const LOCAL_LEARNER = "local";

export const runOwner = (): string => currentLearnerId() ?? LOCAL_LEARNER;
