/**
 * `npm run cert -- sample`: the SAMPLE registry the demo site ships. Generates a throw-away
 * issuer key in memory, writes content/issuers/qingxi-sfj.yaml with its public key, and
 * rewrites content/registry/ with a dozen certificates across the three sample townships:
 * valid, expiring within 60 days, expired, renewed (annual review) and revoked with a
 * reason. The private key is never written anywhere, so nobody can add to or forge this
 * sample. Dates are relative to the day it runs. Names are obviously fictional (演示…).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createRegistry, readCurrentContent, readRegistryState, writeRegistryChanges } from "../../src/lib/cert/issue-files.ts";
import { addDays, today } from "../../src/lib/cert/issue-rules.ts";
import { entryWith, issueCredential, revokeCredential } from "../../src/lib/cert/issuing.ts";
import { generateKeyPair } from "../../src/lib/cert/keys.ts";
import { emptyAllocation } from "../../src/lib/cert/allocation.ts";
import type { AllocationState, Issuer, RegistryEntry, RevocationReason, RevocationRecord, StatusListCredential } from "../../src/lib/cert/types.ts";
import { io, say, sayProblem, type CliOptions } from "./issue.ts";

export const SAMPLE_ISSUER_ID = "qingxi-sfj";
export const SAMPLE_SITE_URL = "https://tiaojie.example.gov.cn/";

/** Every holder name the sample uses: the privacy test makes sure none reaches content/registry or dist. */
export const SAMPLE_NAMES = [
  "演示张一",
  "演示李二",
  "演示王三",
  "演示赵四",
  "演示钱五",
  "演示孙六",
  "演示周七",
  "演示吴八",
  "演示郑九",
  "演示冯十",
  "演示陈甲",
  "演示褚乙",
] as const;

interface SampleHolder {
  name: (typeof SAMPLE_NAMES)[number];
  township: string;
  village: string;
  /** Days before today of the first award (pre-job), then of each annual review. */
  awards: number[];
  revoke?: { daysAgo: number; reason: RevocationReason; note?: string };
}

/** Days before today; a pre-job level lasts 12 months, so 340 days ago expires in about 25 days. */
const HOLDERS: SampleHolder[] = [
  { name: "演示张一", township: "xiping-zhen", village: "dongcun", awards: [30] },
  { name: "演示李二", township: "xiping-zhen", village: "xicun", awards: [120] },
  { name: "演示王三", township: "xiping-zhen", village: "nanwan-cun", awards: [340] },
  { name: "演示赵四", township: "xiping-zhen", village: "dongcun", awards: [420] },
  { name: "演示钱五", township: "xiping-zhen", village: "xiping-shequ", awards: [380, 15] },
  { name: "演示孙六", township: "xiping-zhen", village: "beiling-cun", awards: [160], revoke: { daysAgo: 12, reason: "left-post", note: "本人申请离任" } },
  { name: "演示周七", township: "hekou-zhen", village: "", awards: [60] },
  { name: "演示吴八", township: "hekou-zhen", village: "", awards: [320] },
  { name: "演示郑九", township: "hekou-zhen", village: "", awards: [530] },
  { name: "演示冯十", township: "hekou-zhen", village: "", awards: [740, 372, 8] },
  { name: "演示陈甲", township: "shiqiao-xiang", village: "", awards: [200], revoke: { daysAgo: 40, reason: "misconduct", note: "经县司法局调查核实" } },
  { name: "演示褚乙", township: "shiqiao-xiang", village: "", awards: [5] },
];

function issuerYaml(did: string, validFrom: string): string {
  return [
    "# 示例签发机构：演示网站的示例证书由它签发。私钥在生成示例时只存在于内存中，用完即丢弃，",
    "# 所以任何人（包括我们）都不能再用这把密钥签发或撤销证书。真实使用时请换成本县司法局自己的",
    "# 信息和 npm run cert -- keygen 生成的公钥（见 src/lib/cert/README.md 第 2 节）。",
    `id: ${SAMPLE_ISSUER_ID}`,
    "name: 清溪县司法局（示例）",
    "kind: county",
    "uri: https://sfj.qingxi.example.gov.cn/",
    "numberPrefix: QX",
    "keys:",
    `  - id: ${did}`,
    `    validFrom: ${validFrom}`,
    "    note: 示例密钥，私钥已丢弃",
    "",
  ].join("\n");
}

export async function run(args: string[], options: CliOptions = {}): Promise<number> {
  const cli = io(options);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        registry: { type: "string", default: "content/registry" },
        issuers: { type: "string", default: "content/issuers" },
        // Test fixture only: the fictional holders' names and salts, so browser tests can
        // check a holder's link. Never inside content/ (the registry holds no names).
        holders: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return cli.refuse(`${(error as Error).message}\n\n${say("cert.cli.sampleUsage")}`);
  }
  if (values.help) {
    cli.print(say("cert.cli.sampleUsage"));
    return 0;
  }
  const { now } = cli;
  const registryDir = resolve(values.registry);
  const issuersDir = resolve(values.issuers);

  // Never overwrite a real registry: only one holding nothing but sample certificates.
  if (existsSync(join(registryDir, "registry.json"))) {
    const existing = readRegistryState(registryDir);
    if (!existing.ok) return cli.refuse(sayProblem(existing.problem));
    const foreign = [...existing.state.entries.values()].find((e) => !e.number.startsWith("QX-"));
    if (foreign) return cli.refuse(`登记簿里有非示例证书 ${foreign.number}：sample 只重写示例登记簿，不会覆盖真实数据。`);
  }

  const holdersFile = values.holders ? resolve(values.holders) : undefined;
  if (holdersFile && (holdersFile.startsWith(resolve("content")) || holdersFile.startsWith(resolve("dist")))) {
    return cli.refuse("--holders 文件不能放在 content/ 或 dist/ 里：姓名和核验码不能发布。");
  }

  const content = readCurrentContent(resolve("."));
  if ("code" in content) return cli.refuse(sayProblem(content));
  const preJob = content.levels.get("pre-job");
  const review = content.levels.get("annual-review");
  if (!preJob || !review) return cli.refuse(sayProblem({ code: "unknown-level", values: { level: preJob ? "annual-review" : "pre-job" } }));
  const villageOf = (h: SampleHolder): string => {
    const township = content.townships.find((t) => t.id === h.township);
    if (!township) throw new RangeError(`示例乡镇 ${h.township} 不在 content/townships/ 里`);
    return h.village || Object.keys(township.villages)[0];
  };

  const day = today(now);
  const key = await generateKeyPair(SAMPLE_ISSUER_ID, now);
  const keyFrom = addDays(day, -800);
  const issuer: Issuer = {
    id: SAMPLE_ISSUER_ID,
    name: "清溪县司法局（示例）",
    kind: "county",
    uri: "https://sfj.qingxi.example.gov.cn/",
    numberPrefix: "QX",
    keys: [{ id: key.controller, validFrom: keyFrom }],
  };

  let allocation: AllocationState = emptyAllocation();
  const lists = new Map<string, StatusListCredential>();
  const entries: RegistryEntry[] = [];
  const revocations: RevocationRecord[] = [];
  const holderSalts: { number: string; name: string; salt: string }[] = [];
  const asLevel = (l: typeof preJob) => ({ id: l.id, title: l.title, summary: l.summary, validityMonths: l.validityMonths });

  for (const h of HOLDERS) {
    let entry: RegistryEntry | undefined;
    for (const [i, daysAgo] of h.awards.entries()) {
      const issued = await issueCredential(
        { siteUrl: SAMPLE_SITE_URL, allocation, statusLists: lists },
        {
          issuer,
          key,
          level: asLevel(i === 0 ? preJob : review),
          holder: { name: h.name, township: h.township, village: villageOf(h) },
          from: addDays(day, -daysAgo),
          ...(entry ? { renewing: entry } : {}),
          now,
        },
      );
      allocation = issued.allocation;
      if (i === h.awards.length - 1) holderSalts.push({ number: issued.credential.credentialSubject.licenseNumber, name: h.name, salt: issued.salt });
      if (issued.newStatusList) lists.set(issued.newStatusList.id, issued.newStatusList);
      entry = entryWith(entry, issued.credential);
    }
    if (h.revoke && entry) {
      const credential = entry.credentials[entry.credentials.length - 1];
      const url = credential.credentialStatus.statusListCredential;
      const revoked = await revokeCredential({ credential, list: lists.get(url)!, key, reason: h.revoke.reason, note: h.revoke.note, date: addDays(day, -h.revoke.daysAgo), now });
      lists.set(url, revoked.list);
      revocations.push(revoked.record);
    }
    entries.push(entry!);
  }

  // Write: the issuer's public key, then a fresh registry. The key object goes out of scope here.
  mkdirSync(issuersDir, { recursive: true });
  writeFileSync(join(issuersDir, `${SAMPLE_ISSUER_ID}.yaml`), issuerYaml(key.controller, keyFrom));
  rmSync(registryDir, { recursive: true, force: true });
  createRegistry(registryDir, SAMPLE_SITE_URL);
  writeRegistryChanges(registryDir, { allocation, statusLists: [...lists.values()], entries, revocations });
  if (holdersFile) writeFileSync(holdersFile, `${JSON.stringify(holderSalts, null, 2)}\n`);
  cli.print(say("cert.cli.sampleDone", { n: entries.length, townships: new Set(HOLDERS.map((h) => h.township)).size, issuer: issuer.name }));
  return 0;
}
