export const ITEM_KIND_LABELS: Record<string, string> = { main: "主控项目", general: "一般项目" };

export const METHOD_LABELS: Record<string, string> = {
  observe: "观察",
  measure: "实测",
  test: "试验/检测",
  document: "查资料",
};

type NumericLike = {
  numericUnit: string | null;
  numericMin: number | null;
  numericMax: number | null;
  numericQuantity: string | null;
  numericTarget: number | null;
};

/** The machine-judged limit of an item in words, e.g. "≥ 1.05 m", "−10 ~ +10 mm（相对设计值）". */
export function numericLimitZh(item: NumericLike): string | null {
  const unit = item.numericUnit;
  if (!unit) return null;
  const relative = item.numericQuantity === "deviationFromDesign";
  const sign = (n: number) => (relative && n > 0 ? `+${n}` : String(n));
  const { numericMin: min, numericMax: max } = item;
  let text: string;
  if (min !== null && max !== null) text = `${sign(min)} ~ ${sign(max)} ${unit}`;
  else if (min !== null) text = `≥ ${sign(min)} ${unit}`;
  else if (max !== null) text = `≤ ${sign(max)} ${unit}`;
  else if (item.numericTarget !== null)
    text = `设计值 ${item.numericTarget} ${unit}（无规范允许偏差）`;
  else return null;
  if (relative) text += "（相对设计值）";
  if (item.numericQuantity === "aboveUpstreamCrown") text += "（高出上游管顶内壁）";
  return text;
}
