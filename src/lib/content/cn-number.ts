const digits = "零一二三四五六七八九";
const units = ["", "十", "百", "千"];

/**
 * Chinese numeral as used in article numbers: 28 → 二十八, 105 → 一百零五,
 * 1067 → 一千零六十七, 10 → 十. Supports 1–9999, which covers every code we cite.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`unsupported article number ${n}`);
  const parts = String(n).split("").map(Number);
  let out = "";
  let pendingZero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i];
    if (d === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    // 10–19 read 十, 十一 … not 一十 when the number starts with the tens digit.
    out += d === 1 && unit === "十" && out === "" ? "十" : digits[d] + unit;
  });
  return out;
}

/** 第二十八条 */
export const articleLabel = (article: number): string => `第${toChineseNumeral(article)}条`;
