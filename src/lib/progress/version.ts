/**
 * The record format version this site writes (schema.ts defines each version). On its
 * own, free of the schema library, for code that only needs the number (the store).
 */
export const CURRENT_VERSION = 2;
