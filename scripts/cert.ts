/**
 * `npm run cert -- <command> …`: the certification command line for trainers. Each command
 * is a thin front over src/lib (levels and readiness, exam papers, credentials) in its own
 * module under scripts/cert/, loaded only when asked for.
 */
import { argv, exit, stderr, stdout } from "node:process";

type Command = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  // Commands register here, one line each, in the order a trainer meets them.
  keygen: { summary: "生成发证签名密钥（写到项目以外的文件，只有本人可读），打印要登记的公钥", load: () => import("./cert/keygen.ts") },
  paper: { summary: "出统一考试试卷：从私有题库抽题，写出签名试卷、打印版和考场口令", load: () => import("./cert/paper.ts") },
  grade: { summary: "统一考试评分：核对答题卡封印和试卷，评分，导入笔试成绩，写出成绩表", load: () => import("./cert/grade.ts") },
  issue: { summary: "签发证书：核对申请材料和考试成绩，分配证书编号（一人一号），签名写入登记簿", load: () => import("./cert/issue.ts") },
  renew: { summary: "年审换发：同一证书编号签发新证书，指向被接替的证书", load: () => import("./cert/renew.ts") },
  revoke: { summary: "撤销证书：写明原因和日期，重新签名状态列表", load: () => import("./cert/revoke.ts") },
  list: { summary: "证书花名册：按乡镇、等级、状态、即将到期筛选，可导出 CSV", load: () => import("./cert/list.ts") },
  verify: { summary: "离线核验一份证书（文件、核验链接或证书编号），结论与网站核验页相同", load: () => import("./cert/verify.ts") },
  sample: { summary: "重写演示网站的示例登记簿（临时密钥，用完即丢弃）", load: () => import("./cert/sample.ts") },
};

function usage(): string {
  const width = Math.max(0, ...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ["用法：npm run cert -- <命令> [参数]", "", "命令：", ...lines, "", "每个命令加 --help 查看参数。", ""].join("\n");
}

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    stderr.write(`没有“${name}”这个命令。\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

exit(await main(argv.slice(2)));
