import { describe, expect, it } from "vitest";
import { migrateRecord } from "../../../src/lib/progress/migrate.ts";
import { CURRENT_VERSION, progressRecordSchema, recordSchemas } from "../../../src/lib/progress/schema.ts";
import { sampleRecord } from "./sample.ts";

// migrate.ts upgrade() skips validating a current record a second time; that is sound only
// while the current version's schema is the one every stored record must pass.
describe("a record already of the current version", () => {
  it("is validated by the current record schema itself", () => {
    expect(recordSchemas[CURRENT_VERSION]).toBe(progressRecordSchema);
  });

  it("is still refused when it breaks that schema", () => {
    const record = { ...sampleRecord(), learner: { ...sampleRecord().learner, id: "not an id" } };
    const result = migrateRecord(record);
    expect(result.ok).toBe(false);
  });
});
