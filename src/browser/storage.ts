/** The one way to reach localStorage from browser code. */

/** The browser's localStorage, or undefined where it is missing or blocked (private mode, sandboxed frames): callers then carry on without saving. */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
