/** UI strings of the verify pages and elements (flat dotted keys, spread into zh-CN.ts). */
export const verifyStrings = {
} as const;
