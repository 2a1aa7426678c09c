/**
 * "Come back here afterwards": a page that sends a learner to 我的学习 to create or choose
 * a profile (the quiz) adds `?back=<its own path>`, and 我的学习 returns there once a
 * learner is chosen. Only a path on this site, under its base path, is ever followed:
 * anything else (another host, `//host`, `javascript:`, backslashes) is ignored, so the
 * parameter cannot be used to send a learner elsewhere.
 */

export const BACK_PARAM = "back";

/** `target` with `here` (path, query and hash of the current page) as its back parameter. */
export function linkWithBack(target: string, here: string): string {
  // The hash is everything after the first "#" (a hash may itself contain "#").
  const cut = target.indexOf("#");
  const path = cut < 0 ? target : target.slice(0, cut);
  const hash = cut < 0 ? "" : target.slice(cut);
  const join = path.includes("?") ? "&" : "?";
  return `${path}${join}${BACK_PARAM}=${encodeURIComponent(here)}${hash}`;
}

/**
 * The back path in `search` (a location.search) if it is safe: same site, under `base`
 * (the site's base path, e.g. "/" or "/academy/"), free of backslashes and control
 * characters. Returns the normalised path, query and hash, or undefined.
 */
export function safeBackPath(search: string, base: string): string | undefined {
  const value = new URLSearchParams(search).get(BACK_PARAM);
  if (!value || value.length > 2000) return undefined;
  // A path on this site: one leading slash, never `//host` or `/\host` (browsers treat both as another host).
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  const origin = "https://same.invalid";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  const root = base.endsWith("/") ? base : `${base}/`;
  if (!url.pathname.startsWith(root) && url.pathname !== root.slice(0, -1)) return undefined;
  return url.pathname + url.search + url.hash;
}
