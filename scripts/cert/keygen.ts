/**
 * `npm run cert -- keygen --out FILE --issuer ID`: makes an Ed25519 signing key for an
 * issuing body and writes it, owner-only (0600), to a file the trainer names outside the
 * repository. Prints the did:key to list in content/issuers/<ID>.yaml. A thin front over
 * src/lib/cert/keys.ts.
 */
import { chmodSync, existsSync, realpathSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { stderr, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { beijingDay, SLUG_PATTERN } from "../../src/lib/cert/credential.ts";
import { generateKeyPair } from "../../src/lib/cert/keys.ts";
import { contentDir } from "../../src/lib/content/content-dir.ts";

const USAGE = [
  "用法：npm run cert -- keygen --out <密钥文件> --issuer <发证机构编号>",
  "",
  "生成一把发证签名密钥（Ed25519），只有本人可读（权限 0600）。",
  "密钥文件必须放在本项目文件夹之外（例如 U 盘或个人目录），绝不能放进 content/ 或 dist/。",
  "",
].join("\n");

/** The repository this script belongs to. */
export const repositoryRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The path with symbolic links of its existing part resolved (the file itself need not exist). */
function realTarget(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...rest);
}

const inside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/** Why a key may not be written to `path`, or undefined when it may. */
export function forbiddenKeyPath(path: string, root = repositoryRoot()): string | undefined {
  const target = realTarget(path);
  const places: [string, string][] = [
    [contentDir(root), "content/（会随网站发布）"],
    [join(root, "dist"), "dist/（网站发布目录）"],
    ...(process.env.OUT_DIR ? [[resolve(process.env.OUT_DIR), "网站输出目录 OUT_DIR"] as [string, string]] : []),
    [root, "本项目文件夹（会进入代码仓库）"],
  ];
  for (const [place, name] of places) {
    if (existsSync(place) ? inside(target, realpathSync(place)) : inside(target, place)) return `不能把私钥写到${name}里：${target}`;
  }
  return undefined;
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { out: { type: "string" }, issuer: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(USAGE);
    return 0;
  }
  if (!values.out || !values.issuer) {
    stderr.write(USAGE);
    return 2;
  }
  if (!SLUG_PATTERN.test(values.issuer)) {
    stderr.write(`发证机构编号 ${values.issuer} 只能用小写字母、数字和连字符（与 content/issuers/ 下的文件名一致）。\n`);
    return 2;
  }
  const refused = forbiddenKeyPath(values.out);
  if (refused) {
    stderr.write(`${refused}\n请把 --out 指向项目以外的位置，例如 ~/keys/${values.issuer}-2026.json。\n`);
    return 1;
  }
  const target = resolve(values.out);
  if (existsSync(target)) {
    stderr.write(`${target} 已存在：为免覆盖已有的密钥，请换一个文件名。\n`);
    return 1;
  }
  if (!existsSync(dirname(target))) {
    stderr.write(`文件夹 ${dirname(target)} 不存在，请先建好。\n`);
    return 1;
  }
  const key = await generateKeyPair(values.issuer);
  writeFileSync(target, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(target, 0o600);
  const today = beijingDay(new Date());
  stdout.write(
    [
      `已生成签名密钥：${target}（只有本人可读）`,
      "",
      `公钥：${key.controller}`,
      "",
      `把下面几行加到 content/issuers/${values.issuer}.yaml 的 keys: 下面（轮换时给旧公钥加 validUntil）：`,
      "",
      `  - id: ${key.controller}`,
      `    validFrom: ${today}`,
      "",
      "请另存一份备份到安全的地方。私钥丢失后无法补签，只能生成新密钥；私钥泄露时，在名单中给它加 compromised: true。",
      "",
    ].join("\n"),
  );
  return 0;
}
