/**
 * Everyday words a village mediator types, with the words the law and the glossary use
 * for the same thing (收钱 → 收费, 两口子 → 夫妻, 调委会 → 人民调解委员会). A query that
 * contains the everyday word, and not already the formal one, is also searched for the
 * formal one. Only unambiguous pairs: each formal word must be what the everyday word
 * means in a mediation question.
 */
export const colloquialSynonyms: Readonly<Record<string, readonly string[]>> = {
  调委会: ["人民调解委员会"],
  村委会: ["村民委员会"],
  居委会: ["居民委员会"],
  收钱: ["收费"],
  要钱: ["收费"],
  老板: ["用人单位"],
  工资: ["劳动报酬"],
  欠薪: ["拖欠", "劳动报酬"],
  两口子: ["夫妻"],
  老伴: ["配偶"],
  儿女: ["子女"],
  孩子: ["子女"],
  养老: ["赡养"],
  家产: ["遗产", "继承"],
  分家: ["继承"],
  不给钱: ["不履行"],
  赖账: ["不履行"],
  反悔: ["不履行"],
  说好的: ["口头协议"],
  算数: ["效力", "生效"],
  骗: ["欺诈"],
  假货: ["欺诈"],
  逼: ["胁迫"],
  威胁: ["胁迫"],
  私了: ["和解"],
  打官司: ["起诉", "诉讼"],
  告状: ["起诉"],
  赔钱: ["赔偿"],
  阳光: ["采光", "日照"],
  挡光: ["采光", "日照"],
  宅子: ["宅基地"],
  地基: ["宅基地"],
  多长时间: ["期限", "时效"],
  多久: ["期限", "时效"],
  过期: ["时效"],
  打架: ["伤害"],
  不愿意: ["拒绝"],
  邻居: ["相邻"],
  遗产: ["继承"],
};

/** The formal words to search besides the query, each once, in the order of the table. */
export function formalWords(query: string): string[] {
  const text = query.normalize("NFKC");
  const out: string[] = [];
  for (const [everyday, formal] of Object.entries(colloquialSynonyms)) {
    if (!text.includes(everyday)) continue;
    for (const word of formal) if (!text.includes(word) && !out.includes(word)) out.push(word);
  }
  return out;
}
