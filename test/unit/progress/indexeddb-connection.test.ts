/**
 * The IndexedDB backend's connection: the database keeps its name (renaming it would
 * leave every learner's record behind in the old database), a newer tab's upgrade closes
 * this connection and tells the page, an older tab that holds the database open is
 * reported as blocking, and close() really closes. Also requestPersistentStorage on a
 * browser that has persist() but not persisted().
 */
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { IndexedDbBackend, PROGRESS_DB_NAME, requestPersistentStorage } from "../../../src/lib/progress/indexeddb-backend.ts";

let count = 0;
const fresh = () => `connection-${++count}`;

/** Opens `name` at `version` with the raw API (a new database gets version 1's stores); resolves with the connection. */
function rawOpen(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = (event) => {
      if (event.oldVersion > 0) return;
      request.result.createObjectStore("learners", { keyPath: "id" });
      request.result.createObjectStore("entries", { keyPath: ["learner", "kind", "id"] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe("IndexedDB connection", () => {
  it("keeps the database name that every learner's record is stored under", () => {
    expect(PROGRESS_DB_NAME).toBe("mediator-academy-progress");
  });

  it("closes itself and tells the page when another tab upgrades the database", async () => {
    const name = fresh();
    const onVersionChange = vi.fn();
    await IndexedDbBackend.open({ name, onVersionChange });
    // A newer version of the site in another tab: its upgrade can only go on if we close.
    const newer = await rawOpen(name, 3);
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    newer.close();
  });

  it("reports an older tab that keeps the database open and blocks the upgrade", async () => {
    const name = fresh();
    const older = await rawOpen(name, 1); // the site before digests, in a tab that never closes on versionchange
    const onBlocked = vi.fn();
    const opening = IndexedDbBackend.open({ name, onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    older.close();
    (await opening).close();
  });

  it("close() closes the connection: a later call fails", async () => {
    const backend = await IndexedDbBackend.open({ name: fresh() });
    backend.close();
    await expect(backend.listProfiles()).rejects.toMatchObject({ name: "InvalidStateError" });
  });
});

describe("requestPersistentStorage", () => {
  it("asks for persistence on a browser that has persist() but not persisted()", async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persist } as unknown as Pick<StorageManager, "persist" | "persisted">)).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
