/** UI strings of the exam pages and elements (flat dotted keys, spread into zh-CN.ts). */
export const examStrings = {
} as const;
