import { describe, expect, test } from "vitest";
import { paperIssuer, readSignedPaper, signPaper } from "../../../src/lib/exam/proof.ts";
import { makeIssuer } from "../cert/helpers.ts";
import { makePaper } from "./helpers.ts";

describe("which listed issuer signed a paper", () => {
  test("names the issuer whose key signed it inside the key's window", async () => {
    const county = await makeIssuer();
    const town = await makeIssuer({ id: "xiping-tjzx", uri: "https://xiping.example.gov.cn/" });
    const read = await readSignedPaper(JSON.stringify(await signPaper(await makePaper(), town.key)));
    if (!read.ok) throw new Error("paper should read");
    expect(paperIssuer([county.issuer, town.issuer], read.value.signer, read.value.paper.created)?.id).toBe("xiping-tjzx");
  });

  test("names nobody for an unlisted key, a key outside its window or a compromised key", async () => {
    const listed = await makeIssuer();
    const stranger = await makeIssuer({ id: "stranger" });
    const paper = await makePaper(); // created 2026-12-02
    const read = await readSignedPaper(JSON.stringify(await signPaper(paper, listed.key)));
    if (!read.ok) throw new Error("paper should read");
    const { signer } = read.value;
    expect(paperIssuer([stranger.issuer], signer, paper.created)).toBeUndefined();
    const windowed = (window: object) => [{ ...listed.issuer, keys: [{ ...listed.issuer.keys[0]!, ...window }] }];
    expect(paperIssuer(windowed({ validUntil: "2026-12-01" }), signer, paper.created)).toBeUndefined();
    expect(paperIssuer(windowed({ validFrom: "2026-12-03" }), signer, paper.created)).toBeUndefined();
    expect(paperIssuer(windowed({ compromised: true }), signer, paper.created)).toBeUndefined();
    expect(paperIssuer(windowed({ validUntil: "2026-12-02" }), signer, paper.created)?.id).toBe(listed.issuer.id);
  });
});
