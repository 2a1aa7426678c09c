/**
 * Choosing what and how to read aloud. The browser's speech engine cuts long utterances
 * on some platforms, so text is read paragraph by paragraph.
 */

export interface VoiceLike {
  lang: string;
  name: string;
  localService?: boolean;
  default?: boolean;
}

/** Best zh-CN voice: exact zh-CN first, then any Mandarin (zh, cmn), local voices preferred. */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  const norm = (lang: string) => lang.toLowerCase().replace("_", "-");
  const score = (v: V) => {
    const lang = norm(v.lang);
    let s = 0;
    if (lang === "zh-cn" || lang === "cmn-hans-cn" || lang === "zh-hans-cn") s += 4;
    else if (lang.startsWith("zh") || lang.startsWith("cmn")) s += 2;
    else return -1;
    if (lang.includes("hk") || lang.includes("tw") || lang.includes("yue")) s -= 1;
    if (v.localService) s += 1;
    return s;
  };
  return [...voices].filter((v) => score(v) >= 0).sort((a, b) => score(b) - score(a))[0];
}

/** Split text into speakable chunks of at most `max` characters, breaking after 。！？；. */
export function speechChunks(paragraphs: readonly string[], max = 180): string[] {
  const chunks: string[] = [];
  for (const raw of paragraphs) {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!text) continue;
    if (text.length <= max) {
      chunks.push(text);
      continue;
    }
    let current = "";
    for (const sentence of text.split(/(?<=[。！？；!?;])/)) {
      if (current && current.length + sentence.length > max) {
        chunks.push(current);
        current = "";
      }
      current += sentence;
      while (current.length > max) {
        chunks.push(current.slice(0, max));
        current = current.slice(max);
      }
    }
    if (current.trim()) chunks.push(current);
  }
  return chunks;
}
