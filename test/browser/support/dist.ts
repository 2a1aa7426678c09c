import { resolve } from "node:path";

/** The built site under test: dist/, or DIST_DIR when a build was written elsewhere. */
export const distDir = (): string => resolve(process.env.DIST_DIR ?? "dist");
