/**
 * The trainers' branching graph as an SVG string, made at build time: no script, no
 * runtime library. Colour never carries meaning alone: every node says its kind in words,
 * endings also show their outcome's name and a distinct shape, problems are written out,
 * and conditional links are dashed. All colours meet WCAG contrast on their background
 * (text 4.5:1 on the light fills, borders and lines 3:1 on white). The words come from the
 * caller (`GraphWords`): rules never import src/i18n.
 */
import { outcomeNames, type Outcome } from "../scenario/schema.ts";
import type { Layout, LayoutEdgeInput, LayoutNodeInput, Point } from "./layout.ts";
import type { GraphLink, GraphNode, ScenarioGraph } from "./model.ts";
import { escapeXml, fitText, textWidth } from "./text.ts";

export type Shape = "circle" | "diamond" | "cross" | "triangle" | "square";

export const outcomeStyles: Record<Outcome, { stroke: string; fill: string; shape: Shape }> = {
  "lawful-agreement": { stroke: "#2e6b34", fill: "#e6f2e7", shape: "circle" },
  "correct-referral": { stroke: "#1f4f8f", fill: "#e4ecf7", shape: "diamond" },
  "unlawful-agreement": { stroke: "#a3261b", fill: "#fbe4e1", shape: "cross" },
  escalation: { stroke: "#8a4b00", fill: "#fcebd2", shape: "triangle" },
  breakdown: { stroke: "#5d3a86", fill: "#eee7f6", shape: "square" },
};

export const colors = {
  text: "#1d1d1f",
  decisionStroke: "#8a2b0b",
  autoFill: "#f3f1ec",
  autoStroke: "#6b6b70",
  problem: "#a3261b",
  choiceLine: "#3d3d42",
  autoLine: "#6b6b70",
  labelBg: "#ffffff",
} as const;

/** Node box and text metrics, in SVG user units (px at 100 %). */
export const metrics = {
  nodeWidth: 196,
  padX: 10,
  padY: 8,
  lineHeight: 17,
  idSize: 13,
  textSize: 12,
  labelSize: 11,
  labelLineHeight: 14,
  labelMaxWidth: 128,
  labelMaxLines: 3,
  shapeRadius: 5,
} as const;

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A small filled shape centred on (cx, cy), for an ending's outcome. */
export function shapeSvg(shape: Shape, cx: number, cy: number, r: number, color: string): string {
  const [x, y] = [r1(cx), r1(cy)];
  switch (shape) {
    case "circle":
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}"/>`;
    case "square":
      return `<rect x="${r1(x - r * 0.9)}" y="${r1(y - r * 0.9)}" width="${r1(r * 1.8)}" height="${r1(r * 1.8)}" fill="${color}"/>`;
    case "diamond":
      return `<path d="M${x} ${r1(y - r * 1.2)}L${r1(x + r * 1.2)} ${y}L${x} ${r1(y + r * 1.2)}L${r1(x - r * 1.2)} ${y}Z" fill="${color}"/>`;
    case "triangle":
      return `<path d="M${x} ${r1(y - r * 1.15)}L${r1(x + r * 1.2)} ${r1(y + r * 0.95)}L${r1(x - r * 1.2)} ${r1(y + r * 0.95)}Z" fill="${color}"/>`;
    case "cross":
      return `<path d="M${r1(x - r)} ${r1(y - r)}L${r1(x + r)} ${r1(y + r)}M${r1(x + r)} ${r1(y - r)}L${r1(x - r)} ${r1(y + r)}" stroke="${color}" stroke-width="2.6" stroke-linecap="round"/>`;
  }
}

interface NodeText {
  /** Each line with its font size, weight and colour. */
  lines: { text: string; size: number; bold?: boolean; color?: string; indent?: number }[];
  height: number;
}

/**
 * The words the graph shows, picked by the caller: the `trainers.kind.*`, `trainers.tag.*`
 * and `trainers.edge.*` strings (`pick(...)` from src/i18n/pick.ts) and src/i18n's `fill`
 * for the `{n}` in `trainers.edge.more`.
 */
export interface GraphWords {
  strings: Readonly<Record<string, string>>;
  fill: (template: string, values: Record<string, string | number>) => string;
}

/** A word by key; a missing key shows the key rather than "undefined", so the gap is visible. */
const say = (words: GraphWords, key: string, values?: Record<string, number>) => {
  const text = words.strings[key] ?? key;
  return values ? words.fill(text, values) : text;
};

const kindName = (words: GraphWords, kind: GraphNode["kind"]) => say(words, `trainers.kind.${kind}`);

function nodeText(node: GraphNode, words: GraphWords): NodeText {
  const { nodeWidth, padX, padY, lineHeight, idSize, textSize, shapeRadius } = metrics;
  const inner = nodeWidth - 2 * padX;
  const lines: NodeText["lines"] = [{ text: fitText(node.id, inner, idSize, true), size: idSize, bold: true }];
  if (node.kind === "ending" && node.outcome) {
    const indent = shapeRadius * 2 + 6;
    lines.push({ text: fitText(outcomeNames[node.outcome], inner - indent, textSize, true), size: textSize, bold: true, indent });
    lines.push({ text: fitText(node.summary, inner, textSize), size: textSize });
  } else {
    lines.push({ text: fitText(`${kindName(words, node.kind)}：${node.summary}`, inner, textSize), size: textSize });
  }
  const tags: string[] = [];
  if (!node.reachable) tags.push(say(words, "trainers.tag.unreachable"));
  else if (!node.reachesEnding) tags.push(say(words, "trainers.tag.deadEnd"));
  if (tags.length) lines.push({ text: fitText(tags.join(" · "), inner, textSize, true), size: textSize, bold: true, color: colors.problem });
  if (node.start) lines.unshift({ text: say(words, "trainers.tag.start"), size: textSize, bold: true, color: colors.decisionStroke });
  return { lines, height: 2 * padY + lines.length * lineHeight };
}

/** What a link's label calls each of its choices: the choice's text (its id when the text is missing), or the agreement verdict. */
function linkNames(link: GraphLink, words: GraphWords): string[] {
  return link.labels.map((l, k) =>
    link.kind === "agreement" ? say(words, l === "unlawful" ? "trainers.edge.unlawful" : "trainers.edge.lawful") : (link.texts?.[k] ?? l),
  );
}

/** The hover text of a link's label: every choice in full with its id, separated by "；". */
export function linkTitle(link: GraphLink, words: GraphWords): string {
  const names = linkNames(link, words);
  return link.labels.map((l, k) => (link.kind === "choice" && names[k] !== l ? `${names[k]}（${l}）` : names[k])).join("；");
}

function linkLabel(link: GraphLink, words: GraphWords): string[] {
  const names = linkNames(link, words);
  const { labelMaxLines, labelMaxWidth, labelSize } = metrics;
  const shown = names.length > labelMaxLines ? names.slice(0, labelMaxLines - 1) : names;
  const lines = shown.map((n) => fitText(n, labelMaxWidth, labelSize));
  if (names.length > shown.length) lines.push(say(words, "trainers.edge.more", { n: names.length }));
  return lines;
}

/** Path data through `points`, with vertical tangents at each point (S-curves where a run is slanted). */
export function edgePath(points: readonly Point[]): string {
  const p = points.map((q) => `${r1(q.x)} ${r1(q.y)}`);
  let d = `M${p[0]}`;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (Math.abs(a.x - b.x) < 0.5) d += `L${p[i]}`;
    else {
      const my = r1((a.y + b.y) / 2);
      d += `C${r1(a.x)} ${my} ${r1(b.x)} ${my} ${p[i]}`;
    }
  }
  return d;
}

export interface RenderedGraph {
  svg: string;
  width: number;
  height: number;
  layout: Layout;
}

export interface RenderOptions {
  /** Accessible name of the figure (the SVG's <title>). */
  title: string;
  /** The words nodes and links show. */
  words: GraphWords;
  /** Prefix for ids inside the SVG (markers, title), unique on the page. */
  idPrefix?: string;
  /**
   * When set, the SVG may shrink to fit its container down to this fraction of its natural
   * size (and never grows beyond it); below that, the container has to scroll.
   */
  minScale?: number;
  /**
   * The layout; by default elkjs's (layout.ts, loaded only then: the browser passes the
   * light simple-layout.ts instead).
   */
  layout?: (nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[]) => Promise<Layout>;
}

/** What the layout is given for a graph: box sizes from the text each node shows, label sizes. */
export function layoutInput(graph: ScenarioGraph, words: GraphWords): { nodes: LayoutNodeInput[]; edges: LayoutEdgeInput[] } {
  const { nodeWidth, labelSize, labelLineHeight } = metrics;
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, width: nodeWidth, height: nodeText(n, words).height })),
    edges: graph.links.map((l, i) => {
      const lines = linkLabel(l, words);
      return {
        id: String(i),
        from: l.from,
        to: l.to,
        label: lines.length ? { width: Math.max(...lines.map((s) => textWidth(s, labelSize))) + 10, height: lines.length * labelLineHeight + 4 } : undefined,
      };
    }),
  };
}

export async function renderGraphSvg(graph: ScenarioGraph, { title, words, idPrefix = "sg", minScale, layout: lay }: RenderOptions): Promise<RenderedGraph> {
  const { padX, padY, lineHeight, labelSize, labelLineHeight, shapeRadius } = metrics;
  const texts = new Map(graph.nodes.map((n) => [n.id, nodeText(n, words)]));
  const labels = graph.links.map((l) => linkLabel(l, words));
  const input = layoutInput(graph, words);
  const layout = await (lay ?? (await import("./layout.ts")).layeredLayout)(input.nodes, input.edges);
  const arrow = (name: string) => `${idPrefix}-arrow-${name}`;
  const marker = (name: string, color: string) =>
    `<marker id="${arrow(name)}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0 0L10 5L0 10Z" fill="${color}"/></marker>`;

  const out: string[] = [];
  const W = Math.ceil(layout.width);
  const H = Math.ceil(layout.height);
  const style = minScale === undefined ? undefined : `min-width:${Math.round(W * minScale)}px;max-width:${W}px`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="scenario-graph" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"${style ? ` style="${escapeXml(style)}"` : ""} role="img" aria-labelledby="${idPrefix}-title">`,
    `<title id="${idPrefix}-title">${escapeXml(title)}</title>`,
    `<defs>${marker("choice", colors.choiceLine)}${marker("auto", colors.autoLine)}</defs>`,
  );

  out.push(`<g class="edges" fill="none">`);
  layout.edges.forEach((e, i) => {
    const link = graph.links[i];
    const auto = link.kind === "auto";
    const color = auto ? colors.autoLine : colors.choiceLine;
    const dash = link.conditional ? ` stroke-dasharray="6 4"` : "";
    out.push(
      `<path class="edge edge--${link.kind}${link.conditional ? " edge--conditional" : ""}" data-from="${escapeXml(link.from)}" data-to="${escapeXml(link.to)}" d="${edgePath(e.points)}" stroke="${color}" stroke-width="${auto ? 1.2 : 1.6}"${dash} marker-end="url(#${arrow(auto ? "auto" : "choice")})"/>`,
    );
  });
  out.push(`</g>`);

  out.push(`<g class="edge-labels" font-size="${labelSize}" fill="${colors.text}" text-anchor="middle">`);
  layout.edges.forEach((e, i) => {
    const lines = labels[i];
    if (!e.label || !lines.length) return;
    const w = Math.max(...lines.map((s) => textWidth(s, labelSize))) + 8;
    const h = lines.length * labelLineHeight + 2;
    const top = e.label.y - h / 2;
    out.push(
      `<g class="edge-label"><title>${escapeXml(linkTitle(graph.links[i], words))}</title><rect x="${r1(e.label.x - w / 2)}" y="${r1(top)}" width="${r1(w)}" height="${r1(h)}" rx="3" fill="${colors.labelBg}" fill-opacity="0.94"/>`,
      ...lines.map((s, k) => `<text x="${r1(e.label!.x)}" y="${r1(top + 1 + labelLineHeight * (k + 0.78))}">${escapeXml(s)}</text>`),
      `</g>`,
    );
  });
  out.push(`</g>`);

  out.push(`<g class="nodes">`);
  for (const placed of layout.nodes) {
    const node = graph.nodes.find((n) => n.id === placed.id)!;
    const text = texts.get(node.id)!;
    const left = placed.x - placed.width / 2;
    const top = placed.y - placed.height / 2;
    const problem = !node.reachable || !node.reachesEnding;
    const decision = node.kind === "choice" || node.kind === "agreement";
    const style = node.outcome ? outcomeStyles[node.outcome] : undefined;
    const fill = style?.fill ?? (decision ? "#ffffff" : colors.autoFill);
    const stroke = problem ? colors.problem : (style?.stroke ?? (decision ? colors.decisionStroke : colors.autoStroke));
    const strokeWidth = style ? 3 : decision ? 2.2 : 1.2;
    const classes = ["node", `node--${node.kind}`, node.outcome ? `node--${node.outcome}` : "", node.start ? "node--start" : "", problem ? "node--problem" : ""]
      .filter(Boolean)
      .join(" ");
    const tooltip = `${node.id} · ${node.outcome ? outcomeNames[node.outcome] : kindName(words, node.kind)}：${node.summary}`;
    out.push(
      `<g class="${classes}" data-node="${escapeXml(node.id)}">`,
      `<title>${escapeXml(tooltip)}</title>`,
      `<rect x="${r1(left)}" y="${r1(top)}" width="${r1(placed.width)}" height="${r1(placed.height)}" rx="${style ? 14 : 5}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"${problem ? ` stroke-dasharray="5 3"` : ""}/>`,
    );
    text.lines.forEach((line, k) => {
      const baseline = top + padY + lineHeight * (k + 0.78);
      const x = left + padX + (line.indent ?? 0);
      if (line.indent && style) out.push(shapeSvg(style.shape, left + padX + shapeRadius, baseline - line.size * 0.36, shapeRadius, style.stroke));
      out.push(
        `<text x="${r1(x)}" y="${r1(baseline)}" font-size="${line.size}"${line.bold ? ` font-weight="700"` : ""} fill="${line.color ?? colors.text}">${escapeXml(line.text)}</text>`,
      );
    });
    out.push(`</g>`);
  }
  out.push(`</g>`, `</svg>`);
  return { svg: out.join(""), width: W, height: H, layout };
}

/** A small picture for the legend, drawn with the same colours and shapes as the graph (and its words). */
export function legendSwatch(kind: "start" | "choice" | "auto" | "problem" | "choiceEdge" | "autoEdge" | "conditional" | Outcome, words: GraphWords): string {
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 24" width="40" height="24" aria-hidden="true" focusable="false">`;
  const box = (fill: string, stroke: string, width: number, extra = "", rx = 4) =>
    `<rect x="2" y="3" width="36" height="18" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${extra}/>`;
  const line = (color: string, width: number, dash = "") =>
    `<path d="M2 12H32" stroke="${color}" stroke-width="${width}"${dash}/><path d="M30 7L38 12L30 17Z" fill="${color}"/>`;
  let body: string;
  switch (kind) {
    case "start":
      body =
        box(colors.autoFill, colors.autoStroke, 1.2) +
        `<text x="20" y="16" font-size="10" font-weight="700" text-anchor="middle" fill="${colors.decisionStroke}">${escapeXml(say(words, "trainers.tag.start"))}</text>`;
      break;
    case "choice":
      body = box("#ffffff", colors.decisionStroke, 2.2);
      break;
    case "auto":
      body = box(colors.autoFill, colors.autoStroke, 1.2);
      break;
    case "problem":
      body = box("#ffffff", colors.problem, 2, ` stroke-dasharray="5 3"`);
      break;
    case "choiceEdge":
      body = line(colors.choiceLine, 1.6);
      break;
    case "autoEdge":
      body = line(colors.autoLine, 1.2);
      break;
    case "conditional":
      body = line(colors.choiceLine, 1.6, ` stroke-dasharray="6 4"`);
      break;
    default: {
      const style = outcomeStyles[kind];
      body = box(style.fill, style.stroke, 2.5, "", 9) + shapeSvg(style.shape, 20, 12, 5, style.stroke);
    }
  }
  return `${open}${body}</svg>`;
}
