/**
 * UI strings of the case-simulation pages and player (flat dotted keys, `scenario.*`),
 * plus their header and home-page entries. The keys the player needs are picked by
 * `playerStringSelectors` and handed to <case-simulation> as its `strings`.
 */
import { elementNames } from "../lib/scenario/agreement.ts";
import { rubricNames } from "../lib/scenario/debrief.ts";
import { outcomeNames } from "../lib/scenario/vocabulary.ts";

/** `names` under `prefix`: `{ escalation: "矛盾激化" }` → `{ "scenario.outcome.escalation": "矛盾激化" }`. */
const keyed = <P extends string, K extends string>(prefix: P, names: Record<K, string>) =>
  Object.fromEntries(Object.entries(names).map(([key, name]) => [`${prefix}${key}`, name])) as Record<`${P}${K}`, string>;

export const scenarioStrings = {
  "nav.scenarios": "情景模拟",
  "home.practice.title": "练案",
  "home.practice.who": "新任调解员",
  "home.practice.text": "在模拟的真实纠纷里做选择、看后果，结束后按评分标准逐项复盘。",
  "home.practice.action": "开始练习",

  // List and intro pages.
  "scenario.list.title": "情景模拟",
  "scenario.list.lead": "以调解员的身份处理一起模拟的真实纠纷：每一步选择都有后果和反馈，结束后按程序、关系、结果三项评分复盘。进度自动保存在本机。",
  "scenario.list.empty": "暂时还没有情景模拟。",
  "scenario.meta.difficulty": "难度：{level}",
  "scenario.meta.minutes": "约 {time}",
  "scenario.difficulty.1": "入门",
  "scenario.difficulty.2": "进阶",
  "scenario.difficulty.3": "较难",
  "scenario.disputeType.neighbour": "邻里纠纷",
  "scenario.disputeType.family": "婚姻家庭纠纷",
  "scenario.disputeType.land": "土地纠纷",
  "scenario.disputeType.labour": "劳动争议",
  "scenario.disputeType.property": "物业纠纷",
  "scenario.disputeType.consumer": "消费纠纷",
  "scenario.disputeType.excluded-matter": "不属于人民调解的事项",
  "scenario.disputeType.other": "其他纠纷",
  "scenario.intro.objectives": "学习目标",
  "scenario.intro.parties": "当事人",
  "scenario.intro.law": "本案涉及的法条",
  "scenario.intro.more": "怎么做、学习目标、当事人和本案涉及的法条",
  "scenario.intro.how": "你是调解员。每一步选择后会看到反馈和法律依据；进度保存在本机，关闭页面后再打开可以接着做。",
  "scenario.noscript": "情景模拟需要浏览器开启 JavaScript。可以先阅读上面的案情和法条。",

  // Moods, outcomes, rubric, agreement elements (shared by the page and the player).
  "scenario.mood.calm": "平静",
  "scenario.mood.guarded": "戒备",
  "scenario.mood.anxious": "焦虑",
  "scenario.mood.angry": "愤怒",
  "scenario.mood.aggrieved": "委屈",
  "scenario.mood.relieved": "释然",
  // Spelled once in src/lib/scenario, where the checker's messages to trainers need them too.
  ...keyed("scenario.outcome.", outcomeNames),
  ...keyed("scenario.rubric.", rubricNames),
  ...keyed("scenario.element.", elementNames),

  // The player.
  "scenario.player.heading": "模拟调解",
  "scenario.player.loading": "正在载入模拟……",
  "scenario.player.failed": "这个情景没能载入，请刷新页面再试。",
  "scenario.player.opening": "案情",
  "scenario.player.step": "第 {n} 步",
  "scenario.player.you": "你（调解员）",
  "scenario.player.youChose": "你的选择",
  "scenario.quality.good": "做得对",
  "scenario.quality.poor": "欠妥",
  "scenario.quality.harmful": "有害",
  "scenario.player.situationNow": "当前局面：{moods}",
  "scenario.player.partyMood": "{name} {mood}",
  "scenario.player.story": "案情经过（{n} 步），点开重看",
  "scenario.debrief.lastStep": "最后一步",
  "scenario.player.law": "依据：",
  "scenario.player.evidence": "新证据：{title}",
  "scenario.player.situation": "当前局面",
  "scenario.player.change": "{label} {delta}",
  "scenario.player.moodChange": "{name}：{mood}",
  "scenario.player.choices": "你怎么做？",
  "scenario.player.tools": "工具",
  "scenario.player.notes": "笔记与证据",
  "scenario.player.notesCount": "笔记与证据（{n}）",
  "scenario.player.evidenceList": "已掌握的证据",
  "scenario.player.noEvidence": "还没有掌握证据。",
  "scenario.player.notesLabel": "我的笔记",
  "scenario.player.notesHint": "笔记和进度一起保存在本机，重新开始时清空。",
  "scenario.player.lawPanel": "查法条",
  "scenario.player.lawCited": "本案涉及的法条",
  "scenario.player.lawSearch": "搜索全部法条和术语",
  "scenario.player.lawSearchPlaceholder": "例如：自愿、协议书、赡养",
  "scenario.player.lawFull": "在法条库中查看",
  "scenario.player.close": "关闭",
  "scenario.player.restart": "重新开始",
  "scenario.player.restarted": "已重新开始。",
  "scenario.player.restartConfirm": "放弃这次的进度，从头开始吗？",
  "scenario.player.restartYes": "从头开始",
  "scenario.player.restartNo": "继续这次的进度",
  "scenario.player.mood": "情绪：",
  "scenario.player.resumed": "已接着上次的进度继续（已走了 {n} 步）。",
  "scenario.player.resumedDropped": "这个情景的内容更新过，上次的进度只恢复了前 {n} 步。",
  "scenario.player.saveFailed": "进度没能保存在本机（存储空间已满或被浏览器禁用），刷新或关闭页面后要从头开始。",
  "scenario.player.saveFull": "本机存储空间已满，进度没能保存；刷新或关闭页面后要从头开始。",
  "scenario.player.ended": "模拟结束：{title}",

  // The agreement-drafting step.
  "scenario.agreement.heading": "起草调解协议书",
  "scenario.agreement.clauses": "可选条款",
  "scenario.agreement.parties": "当事人的基本情况",
  "scenario.agreement.partiesHint": "没有现成的条款写明当事人，请填写每位签字当事人的姓名和住所。",
  "scenario.agreement.name": "{party}的姓名",
  "scenario.agreement.address": "{party}的住所",
  "scenario.agreement.preview": "协议书预览",
  "scenario.agreement.document": "人民调解协议书",
  "scenario.agreement.previewEmpty": "还没有选择条款。",
  "scenario.agreement.partyLine": "{name}，住{address}",
  "scenario.agreement.checklist": "《人民调解法》第二十九条要求写明的内容",
  "scenario.agreement.has": "已写明",
  "scenario.agreement.lacks": "缺少",
  "scenario.agreement.missing": "还缺：{list}",
  "scenario.agreement.complete": "第二十九条要求的内容都已写明。",
  "scenario.agreement.submit": "提交协议书",
  "scenario.agreement.incomplete": "协议书还不完整，缺少：{list}。请补充后再提交。",
  "scenario.agreement.submitted": "你提交了一份协议书，共 {n} 条条款",
  "scenario.verdict.lawful": "协议合法、完整",
  "scenario.verdict.unlawful": "协议含有违法或被迫的条款",
  "scenario.verdict.incomplete": "协议内容不完整",

  // The debrief and replay.
  "scenario.debrief.heading": "复盘：{title}",
  "scenario.debrief.outcome": "结局：{outcome}",
  "scenario.debrief.why": "为什么会这样",
  "scenario.debrief.score": "评分",
  "scenario.debrief.dimension": "项目",
  "scenario.debrief.points": "得分",
  "scenario.debrief.about": "评分要点",
  "scenario.debrief.total": "总分 {score} / {max}",
  "scenario.debrief.scoreOf": "{score} / {max}",
  "scenario.debrief.path": "你走过的路",
  "scenario.debrief.mistakes": "需要改进的地方",
  "scenario.debrief.noMistakes": "这一次没有记录到失误。",
  "scenario.debrief.lawfulPath": "合法的做法",
  "scenario.debrief.interests": "当事人真正关心的",
  "scenario.debrief.replay": "逐步回放",
  "scenario.debrief.restart": "再做一次",
  "scenario.replay.heading": "回放：第 {n} 步，共 {total} 步",
  "scenario.replay.situation": "当时的情况",
  "scenario.replay.decision": "你的决定",
  "scenario.replay.after": "随后",
  "scenario.replay.previous": "上一步",
  "scenario.replay.next": "下一步",
  "scenario.replay.close": "结束回放",
} as const;

type ScenarioKey = keyof typeof scenarioStrings;

/** Keys the player uses in the browser (everything but the static pages' own strings). */
export type PlayerKey = Exclude<
  ScenarioKey,
  `nav.${string}` | `home.${string}` | `scenario.list.${string}` | `scenario.meta.${string}` | `scenario.difficulty.${string}` | `scenario.disputeType.${string}` | `scenario.intro.${string}` | "scenario.noscript"
>;

/** Also passed to the player: the site's look-up messages, reused by the 查法条 search. */
type LookupKey = "lookup.loading" | "lookup.failed" | "lookup.empty" | "lookup.count" | "search.kind.law" | "search.kind.term";

/** What <case-simulation> and its parts receive as `strings`. */
export type PlayerStrings = Record<PlayerKey | LookupKey, string>;

/** `pick` selectors for the player's strings: PlayerKey and LookupKey, as the page picks them. */
export const playerStringSelectors = [
  "scenario.*",
  ...["list", "meta", "difficulty", "disputeType", "intro"].map((part) => `!scenario.${part}.*`),
  "!scenario.noscript",
  "lookup.loading",
  "lookup.failed",
  "lookup.empty",
  "lookup.count",
  "search.kind.law",
  "search.kind.term",
];
