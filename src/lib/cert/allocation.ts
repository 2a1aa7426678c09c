/**
 * Handing out certificate numbers and status-list indexes from allocation.json. Pure: each
 * call returns the new state; the caller writes it back. Nothing handed out is ever taken
 * back, so a deleted credential's number or index is never given to someone else.
 */
import { formatNumber } from "./credential.ts";
import { randomFreeIndex } from "./status-list.ts";
import { STATUS_LIST_SIZE, type AllocationState, type Issuer } from "./types.ts";

export const emptyAllocation = (): AllocationState => ({ numbers: {}, statusIndexes: {}, currentList: {} });

/** `<siteUrl>registry/status/<issuerId>-<n>.json` */
export const statusListUrl = (siteUrl: string, issuerId: string, n: number): string => `${siteUrl}registry/status/${issuerId}-${n}.json`;

/** The next number for an issuer in a year: `QX-2026-000124`. */
export function allocateNumber(state: AllocationState, issuer: Pick<Issuer, "id" | "numberPrefix">, year: number): { number: string; state: AllocationState } {
  const byYear = state.numbers[issuer.id] ?? {};
  const next = (byYear[String(year)] ?? 0) + 1;
  if (next > 999_999) throw new RangeError(`${issuer.id} 在 ${year} 年的证书编号已用完`);
  return {
    number: formatNumber(issuer.numberPrefix, year, next),
    state: { ...state, numbers: { ...state.numbers, [issuer.id]: { ...byYear, [String(year)]: next } } },
  };
}

/**
 * A random unused index in the issuer's current status list; when that list is full, the
 * first index of the next list (`<issuerId>-<n+1>`).
 */
export function allocateStatusIndex(
  state: AllocationState,
  issuerId: string,
  siteUrl: string,
  size = STATUS_LIST_SIZE,
  random?: (size: number) => number,
): { listUrl: string; index: number; state: AllocationState } {
  let listUrl = state.currentList[issuerId] ?? statusListUrl(siteUrl, issuerId, 1);
  let used = state.statusIndexes[listUrl] ?? [];
  let index = randomFreeIndex(new Set(used), size, random);
  if (index === undefined) {
    const n = Number(/-(\d+)\.json$/.exec(listUrl)?.[1] ?? "1") + 1;
    listUrl = statusListUrl(siteUrl, issuerId, n);
    used = state.statusIndexes[listUrl] ?? [];
    index = randomFreeIndex(new Set(used), size, random);
    if (index === undefined) throw new RangeError(`状态列表 ${listUrl} 已满`);
  }
  const sorted = [...used, index].sort((a, b) => a - b);
  return {
    listUrl,
    index,
    state: { ...state, statusIndexes: { ...state.statusIndexes, [listUrl]: sorted }, currentList: { ...state.currentList, [issuerId]: listUrl } },
  };
}
