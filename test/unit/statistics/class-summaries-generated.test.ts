/**
 * The page's way to the class report (files checked and summarised in batches, each batch
 * sent as JSON, gathered, reduced) against the CLI's (every record loaded, then
 * classReport) on a generated class: the same report, whatever the batches, with learners
 * found in two files merged and bad files refused.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateClass } from "../../../scripts/report/class-fixtures.ts";
import { readCurrentContent } from "../../../src/lib/cert/issue-files.ts";
import { checkAll } from "../../../src/lib/check-all.ts";
import { exportText, importText } from "../../../src/lib/progress/export.ts";
import type { ProgressRecord } from "../../../src/lib/progress/schema.ts";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import type { ClassData } from "../../../src/lib/statistics/class-data.ts";
import { checkClassFiles, loadClassFiles, type ClassFile } from "../../../src/lib/statistics/class-files.ts";
import { classContextOf } from "../../../src/lib/statistics/class-context.ts";
import { classReport, reportOf, summariser } from "../../../src/lib/statistics/class-report.ts";
import { checkedHere, gatherSummaries, receiveBatch, sendBatch, type CheckedFile, type SentBatch, type SentWalks, type Summarise, type WalkTable } from "../../../src/lib/statistics/class-summaries.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** The shipped curriculum as the page receives it, and a class of `learners` with some learners split over two files and two bad files. */
async function makePile(learners: number) {
  const content = readCurrentContent(root);
  if ("code" in content) throw new Error("the shipped content has problems");
  const data: ClassData = { context: classContextOf(content), banks: content.banks, scenarios: content.scenarios, layouts: [] };
  const generated = await generateClass(checkAll(root, join(root, "content")), { learners });
  const files: { name: string; text: string }[] = [...generated.files];
  // Every fifth learner's runs and attempts also in a second file (an application's record, say), later in the pile.
  for (const [i, file] of generated.files.entries()) {
    if (i % 5 !== 0) continue;
    const imported = await importText(file.text);
    if (!imported.ok) throw new Error(file.name);
    const record: ProgressRecord = { ...imported.record, lessons: imported.record.lessons.slice(0, 1) };
    files.push({ name: `again-${file.name}`, text: await exportText(record, new Date("2026-11-25T08:00:00.000Z")) });
  }
  files.splice(3, 0, { name: "note.txt", text: "不是学习记录" });
  files.push({ name: "cut.json", text: generated.files[1].text.slice(0, 200) });
  return { data, files };
}

/** One pile of 40 learners for the file (8 of them in two files), made on first use: making it checks all content. */
let shared: ReturnType<typeof makePile> | undefined;
const pile = () => (shared ??= makePile(40));

/** A worker as the page sees it: its summariser and the walks it sent, and the page's table of them. */
interface PageWorker {
  summarise: Summarise;
  sent: SentWalks;
  table: WalkTable;
}
const newWorker = (data: ClassData): PageWorker => ({ summarise: summariser(data), sent: new Map(), table: [] });

/** What a worker does with a batch, and the page with its reply, JSON in between as over postMessage; the page checks a file again to get its record. */
async function throughWorker(files: readonly ClassFile[], worker: PageWorker): Promise<CheckedFile[]> {
  const names = files.map((f) => f.name);
  const batch = sendBatch(names, await checkClassFiles(files), worker.summarise, worker.sent);
  return receiveBatch(JSON.parse(JSON.stringify(batch)) as SentBatch, worker.table, async (i) => {
    const [result] = await checkClassFiles([files[i]]);
    if (!result.ok) throw new Error(files[i].name);
    return result.record;
  });
}

describe("the class report in batches", () => {
  it("equals the report of all records loaded at once, whatever the batches", async () => {
    const { data, files } = await pile();
    const names = files.map((f) => f.name);
    const loadedAtOnce = await loadClassFiles(files);
    const expected = classReport(loadedAtOnce.learners, data);
    expect(loadedAtOnce.merged).toBe(8);
    expect(loadedAtOnce.refused.map((r) => r.name)).toEqual(["note.txt", "cut.json"]);
    const here = summariser(data);
    for (const [size, count] of [[3, 2], [16, 3], [files.length, 1]]) {
      // Batches dealt to `count` workers in turn, as the page does.
      const workers = Array.from({ length: count }, () => newWorker(data));
      const checked: CheckedFile[] = [];
      for (let start = 0, b = 0; start < files.length; start += size, b++) checked.push(...(await throughWorker(files.slice(start, start + size), workers[b % count])));
      const gathered = await gatherSummaries(names, checked, here);
      expect(gathered.merged).toBe(8);
      expect(gathered.refused).toEqual(loadedAtOnce.refused);
      expect(reportOf(gathered.learners, data), `batches of ${size}, ${count} workers`).toEqual(expected);
      // A merged learner's row names both files, in the pile's order.
      const split = gathered.learners.find((l) => l.row.files.length === 2);
      expect(split?.row.files).toEqual([names.find((n) => n === split?.row.files[0]), `again-${split?.row.files[0]}`]);
    }
  }, 120_000);

  it("gives equal walks of one worker's batches one object, and keeps a run that no longer replays", async () => {
    const { data, files } = await pile();
    const worker = newWorker(data);
    const first = await throughWorker(files.slice(0, 5), worker);
    const second = await throughWorker(files.slice(5, 10), worker);
    const walks = [...first, ...second].flatMap((f) => (f.ok ? Object.values(f.summary.walks).flat() : []));
    expect(walks.length).toBeGreaterThan(10);
    // Every walk is the table's own object: no two equal walks are different objects, and each was sent once.
    const distinct = new Set(walks.filter((w) => w !== undefined));
    expect(distinct.size).toBe(new Set([...distinct].map((w) => JSON.stringify(w))).size);
    expect([...distinct].every((w) => worker.table.includes(w))).toBe(true);
    expect(worker.table).toHaveLength(worker.sent.size);
    expect(worker.table.length).toBeLessThan(walks.length);

    const imported = await importText(files[0].text);
    if (!imported.ok) throw new Error("fixture");
    const broken: ProgressRecord = { ...imported.record, runs: imported.record.runs.map((r) => ({ ...r, log: [{ choice: "no-such-choice" }] })) };
    expect(broken.runs.length).toBeGreaterThan(0);
    const batch = sendBatch(["a.json"], [{ ok: true, record: broken, fromVersion: 2 }], summariser(data));
    const sent = batch.files[0];
    expect(sent.ok && Object.values(sent.summary.walks).flat().every((w) => w === -1)).toBe(true);
    const [received] = receiveBatch(JSON.parse(JSON.stringify(batch)) as SentBatch, [], () => Promise.reject(new Error("not asked")));
    expect(received.ok && Object.values(received.summary.walks).flat()).toEqual(broken.runs.map(() => undefined));
  }, 60_000);

  it("checks in the page the same way, and refuses a mismatch of names and files", async () => {
    const { data, files } = await pile();
    const names = files.map((f) => f.name);
    const here = summariser(data);
    const gathered = await gatherSummaries(names, checkedHere(names, await checkClassFiles(files), here), here);
    expect(reportOf(gathered.learners, data, buildCatalog(data.banks))).toEqual(classReport((await loadClassFiles(files)).learners, data));
    expect(gathered.merged).toBe(8);
    await expect(gatherSummaries(names.slice(1), [], here)).rejects.toThrow(`${names.length - 1} files but 0 results`);
  }, 60_000);

  it("fails, rather than report half a learner, when a merged learner's file no longer checks", async () => {
    const { data, files } = await pile();
    const names = files.map((f) => f.name);
    const here = summariser(data);
    const checked = checkedHere(names, await checkClassFiles(files), here).map((f, i) => (f.ok && names[i].startsWith("again-") ? { ...f, record: () => Promise.reject(new Error(`${names[i]} changed`)) } : f));
    await expect(gatherSummaries(names, checked, here)).rejects.toThrow("again-learner-0001.json changed");
  }, 60_000);
});
