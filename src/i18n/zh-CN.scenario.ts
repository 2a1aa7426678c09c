/** UI strings of the case-simulation pages and player (flat dotted keys, `scenario.*`). */
export const scenarioStrings = {} as const;
