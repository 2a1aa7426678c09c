/** The pagefind step closes pagefind's service on every path and keeps pagefind's own errors. */
import { describe, expect, test, vi } from "vitest";
import { writePagefindIndex, type PagefindApi } from "../../../src/integrations/pagefind-index.ts";

/** A fake pagefind whose steps report the given errors. */
function fakePagefind(fail: { start?: string[]; add?: string[]; write?: string[] } = {}) {
  const close = vi.fn(async () => null);
  const writeFiles = vi.fn(async () => ({ errors: fail.write ?? [], outputPath: "" }));
  const index = {
    addDirectory: vi.fn(async () => ({ errors: fail.add ?? [], page_count: 7 })),
    writeFiles,
  };
  const api = {
    createIndex: vi.fn(async () => (fail.start ? { errors: fail.start } : { errors: [], index })),
    close,
  } as unknown as PagefindApi;
  return { api, close, writeFiles };
}

describe("writePagefindIndex", () => {
  test("indexes, writes into <out>/pagefind, closes and returns the page count", async () => {
    const { api, close, writeFiles } = fakePagefind();
    await expect(writePagefindIndex("/out", api)).resolves.toBe(7);
    expect(writeFiles).toHaveBeenCalledWith({ outputPath: "/out/pagefind" });
    expect(close).toHaveBeenCalledTimes(1);
  });

  test.each([
    ["start", "pagefind could not start: no binary"],
    ["add", "pagefind indexing failed: no binary"],
    ["write", "pagefind write failed: no binary"],
  ] as const)("closes pagefind when the %s step fails, and keeps its errors as the cause", async (step, message) => {
    const { api, close } = fakePagefind({ [step]: ["no binary"] });
    const error: Error = await writePagefindIndex("/out", api).then(
      () => expect.unreachable(),
      (e: Error) => e,
    );
    expect(error.message).toBe(message);
    expect(error.cause).toEqual(["no binary"]);
    expect(close).toHaveBeenCalledTimes(1);
  });

  test("closes pagefind when a step throws", async () => {
    const { api, close } = fakePagefind();
    vi.mocked(api.createIndex).mockRejectedValueOnce(new Error("spawn failed"));
    await expect(writePagefindIndex("/out", api)).rejects.toThrow("spawn failed");
    expect(close).toHaveBeenCalledTimes(1);
  });
});
