/**
 * /verify/, the printable certificate and the township rosters, against the built site's
 * own registry (dist/registry): verify by number, by link, by pasted JSON and by a QR
 * image taken from the printed certificate page; revoked, tampered, malformed, oversized
 * and offline cases; a roster, its filter and its CSV; axe on each page; the certificate
 * printed to PDF on one A4 page. Holders' names and salts come from
 * test/fixtures/cert/sample-holders.json (written by `npm run cert -- sample --holders …`),
 * or VERIFY_HOLDERS=<dir>/holders.json for test/fixtures/verify/make-registry.ts's registry.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeVerifyLink } from "../../src/lib/cert/link.ts";
import type { RegistryIndex, RegistryShard, ShardEntry } from "../../src/lib/cert/types.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { distDir } from "./support/dist.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const dist = distDir();
const registryDir = join(dist, "registry");
const index: RegistryIndex | undefined = existsSync(join(registryDir, "index.json")) ? JSON.parse(readFileSync(join(registryDir, "index.json"), "utf8")) : undefined;
const entries: ShardEntry[] = index
  ? readdirSync(join(registryDir, "shards")).flatMap((n) => (JSON.parse(readFileSync(join(registryDir, "shards", n), "utf8")) as RegistryShard).entries)
  : [];
const now = Date.now();
const isRevoked = (e: ShardEntry) => Object.hasOwn(e.revocations, e.current.id);
const inDate = (e: ShardEntry) => Date.parse(e.current.validFrom) <= now && now <= Date.parse(e.current.validUntil) - 86_400_000;
const valid = entries.find((e) => !isRevoked(e) && inDate(e) && e.previous.length === 0);
const revoked = entries.find((e) => isRevoked(e) && inDate(e));
// The shipped sample registry's fictional holders (npm run cert -- sample --holders …), or a fixture registry's.
const holdersFile = process.env.VERIFY_HOLDERS ?? "test/fixtures/cert/sample-holders.json";
const holders: { number: string; name: string; salt: string }[] = holdersFile && existsSync(holdersFile) ? JSON.parse(readFileSync(holdersFile, "utf8")) : [];
const validHolder = holders.find((h) => h.number === valid?.number);
const SITE = "https://tiaojie.example.gov.cn/";

const env = useSiteAndBrowser();

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  const response = await page.goto(env.site.url + path, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  return { page, errors };
}

/** The verifier's input, submitted; resolves with the verdict's code and text. */
async function submit(page: Page, text: string): Promise<void> {
  await page.locator("#verify-input").fill(text);
  await page.getByRole("button", { name: "核验", exact: true }).click();
}

const verdict = async (page: Page) => {
  const section = page.locator(".verdict");
  await section.waitFor();
  return { code: await section.getAttribute("data-verdict"), text: (await section.textContent()) ?? "" };
};

const axe = async (page: Page) =>
  expect((await seriousAxeViolations(page)).map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

describe.skipIf(!valid)("verify by number", () => {
  test("a valid certificate: 有效 in words and icon, its details, the status list's date; no console error; axe-clean", async () => {
    const { page, errors } = await open("verify/");
    await submit(page, ` ${valid!.number.toLowerCase()} `);
    const v = await verdict(page);
    expect(v.code).toBe("valid");
    expect(await page.locator(".verdict__word").textContent()).toMatch(/^✔\s*有效$/);
    expect(v.text).toContain(valid!.number);
    expect(v.text).toContain(valid!.current.credentialSubject.maskedName);
    expect(v.text).toContain(valid!.current.issuer.name);
    expect(v.text).toMatch(/撤销名单发布于 \d{4}-\d{2}-\d{2}/);
    expect(v.text).toMatch(/证书登记册生成于/);
    await axe(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an unknown number is 未找到; a typo is refused with what a number looks like", async () => {
    const { page } = await open("verify/");
    await submit(page, "QX-2099-999999");
    expect((await verdict(page)).code).toBe("not-found");
    await submit(page, "不是编号");
    await expect(page.locator(".verifier__message").textContent()).resolves.toMatch(/QX-2026-000123/);
    await expect(page.locator(".verdict").count()).resolves.toBe(0);
    await page.close();
  });

  test.skipIf(!revoked)("a revoked certificate: 已撤销 with the reason and date", async () => {
    const { page } = await open(`verify/?number=${revoked?.number}`);
    const v = await verdict(page);
    expect(v.code).toBe("revoked");
    expect(v.text).toContain("已撤销");
    const record = revoked!.revocations[revoked!.current.id];
    expect(v.text).toContain(record.date);
    await axe(page);
    await page.close();
  });
});

describe.skipIf(!valid)("verify by link and by pasted credential", () => {
  test("a link carries the credential: 有效, with the masked name", async () => {
    const { page } = await open(`verify/${encodeVerifyLink(valid!.current, SITE).slice(`${SITE}verify/`.length)}`);
    const v = await verdict(page);
    expect(v.code).toBe("valid");
    expect(v.text).toContain("证书内容来自二维码或链接本身");
    await page.close();
  });

  test.skipIf(!validHolder)("a link with name and salt shows the full name; a changed name is 姓名与证书不符", async () => {
    const link = encodeVerifyLink(valid!.current, SITE, validHolder);
    const { page } = await open(`verify/${link.slice(link.indexOf("#"))}`);
    const v = await verdict(page);
    expect(v.code).toBe("valid");
    expect(v.text).toContain(`${validHolder!.name}（与证书记载一致）`);
    await submit(page, encodeVerifyLink(valid!.current, SITE, { name: "王五", salt: validHolder!.salt }));
    await expect.poll(async () => (await verdict(page)).code).toBe("name-mismatch");
    await page.close();
  });

  test("offline (registry unreachable), a link still verifies the signature and says revocation could not be checked", async () => {
    const page = await env.browser.newPage();
    await page.route("**/registry/**", (route) => route.abort("internetdisconnected"));
    await page.goto(env.site.url + `verify/${encodeVerifyLink(valid!.current, SITE).slice(`${SITE}verify/`.length)}`);
    const v = await verdict(page);
    expect(v.code).toBe("status-unavailable");
    expect(v.text).toContain(valid!.number);
    expect(v.text).toContain("取不到撤销名单");
    await page.close();
  });

  test("pasted JSON: the credential is 有效; one changed field is 签名无效; broken JSON, HTML and 300 KB are refused as text", async () => {
    const { page, errors } = await open("verify/");
    await submit(page, JSON.stringify(valid!.current, null, 2));
    expect((await verdict(page)).code).toBe("valid");

    // The classic forgery: a later expiry date.
    const later = structuredClone(valid!.current);
    later.validUntil = "2099-12-31T23:59:59+08:00";
    await submit(page, JSON.stringify(later));
    await expect.poll(async () => (await verdict(page)).code).toBe("bad-signature");

    const tampered = structuredClone(valid!.current);
    tampered.issuer.name = "<img src=x onerror=alert(1)>";
    await submit(page, JSON.stringify(tampered));
    await expect.poll(async () => (await page.locator(".verdict").textContent()) ?? "").toContain("<img src=x");
    const v = await verdict(page);
    expect(v.code).toBe("bad-signature");
    expect(v.text).toContain("签名无效");
    expect(v.text).toContain("<img src=x onerror=alert(1)>");
    await expect(page.locator(".verdict img").count()).resolves.toBe(0);

    await submit(page, '{"not": json');
    await expect.poll(async () => (await verdict(page)).code).toBe("malformed");

    await page.locator("#verify-input").evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new Event("input"));
    }, "{" + "x".repeat(300 * 1024));
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await expect(page.locator(".verifier__message").textContent()).resolves.toContain("256 KB");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!valid)("the printable certificate", () => {
  const certPath = () => `certificates/?number=${encodeURIComponent(valid!.number)}`;

  test("one page whatever the registry's size: dist/certificates holds index.html only", () => {
    expect(readdirSync(join(dist, "certificates"))).toEqual(["index.html"]);
  });

  test("its QR code, photographed, verifies on /verify/ (jsqr where BarcodeDetector is missing)", async () => {
    const { page: plain, errors } = await open(certPath());
    await plain.locator(".cert__qr svg").waitFor();
    await expect(plain.locator(".cert__name").textContent()).resolves.toBe(valid!.current.credentialSubject.maskedName);
    await axe(plain);
    expect(errors).toEqual([]);
    await plain.close();
    // A phone photo of the paper has far more pixels than a screen: screenshot at 3×.
    const context = await env.browser.newContext({ deviceScaleFactor: 3 });
    const cert = await context.newPage();
    await cert.goto(`${env.site.url}${certPath()}`);
    await cert.locator(".cert__qr svg").waitFor();
    const qr = await cert.locator(".cert__qr").screenshot();
    await context.close();
    const { page } = await open("verify/");
    await page.locator('input[type="file"]').setInputFiles({ name: "qr.png", mimeType: "image/png", buffer: qr });
    const v = await verdict(page);
    expect(v.code).toBe("valid");
    expect(v.text).toContain(valid!.number);
    await page.close();
  });

  test("prints on one A4 page, without the site's header", async () => {
    const { page } = await open(certPath());
    await page.locator(".cert__qr svg").waitFor();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(page.locator("#cert-number").isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    if (process.env.VERIFY_PDF_OUT) writeFileSync(process.env.VERIFY_PDF_OUT, pdf);
    await page.close();
  });

  test.skipIf(!validHolder)("from the holder's link: the full name, and a QR that confirms it on /verify/", async () => {
    const link = encodeVerifyLink(valid!.current, SITE, { name: validHolder!.name, salt: validHolder!.salt });
    const { page, errors } = await open(`certificates/${link.slice(link.indexOf("#"))}`);
    await page.locator(".cert__qr svg").waitFor();
    await expect(page.locator(".cert__name").textContent()).resolves.toBe(validHolder!.name);
    await expect(page.locator(".cert").textContent()).resolves.toContain(validHolder!.salt);
    expect(errors).toEqual([]);
    await page.close();
  });

  test.skipIf(!revoked)("a revoked number shows the verdict and no certificate", async () => {
    const { page } = await open(`certificates/?number=${encodeURIComponent(revoked!.number)}`);
    await expect.poll(async () => page.locator(".verdict").getAttribute("data-verdict")).toBe("revoked");
    await expect(page.locator(".cert").count()).resolves.toBe(0);
    await expect(page.locator(".verdict").textContent()).resolves.toContain("不能打印");
    await axe(page);
    await page.close();
  });

  test("a tampered link shows 签名无效 and no certificate; a wrong number says how to write one", async () => {
    const tampered = structuredClone(valid!.current);
    tampered.credentialSubject.maskedName = "李*四";
    const link = encodeVerifyLink(tampered, SITE);
    const { page } = await open(`certificates/${link.slice(link.indexOf("#"))}`);
    await expect.poll(async () => page.locator(".verdict").getAttribute("data-verdict")).toBe("bad-signature");
    await expect(page.locator(".cert").count()).resolves.toBe(0);
    await page.goto(`${env.site.url}certificates/?number=abc`);
    await expect(page.locator(".cert-message").textContent()).resolves.toContain("QX-2026-000123");
    await page.close();
  });
});

describe.skipIf(!valid)("township rosters", () => {
  const township = valid?.current.credentialSubject.township ?? "";
  const mine = entries.filter((e) => e.current.credentialSubject.township === township);

  test("the index links the township; its roster lists each number once, masked names only, axe-clean", async () => {
    const { page: list } = await open("townships/");
    await axe(list);
    await list.locator(`a[href$="townships/${township}/"]`).click();
    await list.waitForURL(`**/townships/${township}/`);
    const rows = list.locator("#roster tbody tr");
    await expect(rows.count()).resolves.toBe(mine.length);
    const text = (await list.locator("#roster").textContent()) ?? "";
    for (const e of mine) {
      expect(text).toContain(e.number);
      expect(text).toContain(e.current.credentialSubject.maskedName);
    }
    for (const h of holders) expect(text).not.toContain(h.name);
    await axe(list);

    // Filter by the valid holder's village: only that village's rows stay.
    const village = valid!.current.credentialSubject.village;
    await list.locator("#filter-village").selectOption(village);
    const visible = await rows.evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => (tr as HTMLElement).dataset.village));
    expect(visible.length).toBe(mine.filter((e) => e.current.credentialSubject.village === village).length);
    expect(new Set(visible)).toEqual(new Set([village]));
    await expect(list.locator("#roster-shown").textContent()).resolves.toContain(`${visible.length} / ${mine.length}`);
    await list.close();
  });

  test("its CSV has a BOM, a header and one line per number, with masked names", async () => {
    const response = await fetch(`${env.site.url}townships/${township}/roster.csv`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
    expect(lines[0]).toBe("姓名,村（社区）,认证等级,证书编号,有效期至,状态");
    expect(lines).toHaveLength(mine.length + 1);
    for (const e of mine) expect(lines.some((l) => l.startsWith(`${e.current.credentialSubject.maskedName},`) && l.includes(e.number))).toBe(true);
  });
});
