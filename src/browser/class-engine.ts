/**
 * The class report's heavy half, loaded on the first files a trainer gives the page: the
 * import checks, grading and replay (src/lib/statistics), and the curriculum data they need.
 */
import type { ClassData } from "../lib/statistics/class-data.ts";
import { loadClassFiles, type ClassFile } from "../lib/statistics/class-files.ts";

export { classReport, placesOf } from "../lib/statistics/class-report.ts";
export { filterRows, sortRows } from "../lib/statistics/class-table.ts";
export { classCsv, flagText, itemCsv, optionLabel } from "../lib/statistics/report-csv.ts";
export { loadClassFiles };

let data: Promise<ClassData> | undefined;

/** The curriculum data, fetched once; a failed fetch may be retried. */
export function classData(url: string): Promise<ClassData> {
  data ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json() as Promise<ClassData>;
  });
  data.catch(() => (data = undefined));
  return data;
}

/** Files picked or dropped → their text (a file that cannot be read becomes "", which the import refuses as empty). */
export async function readFiles(files: readonly File[]): Promise<ClassFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text().catch(() => "") })));
}
