/** UI strings of the trainers' pages (`trainers.*`). */
export const trainerStrings = {} as const;
