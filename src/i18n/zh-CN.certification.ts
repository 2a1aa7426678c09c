/** UI strings of the certification pages and elements (flat dotted keys, spread into zh-CN.ts). */
export const certificationStrings = {
} as const;
