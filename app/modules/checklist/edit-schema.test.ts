import { describe, expect, it } from "vitest";
import { parseSubmission } from "~/infra/submission.server";
import { serverI18n } from "~/modules/i18n/i18n.server";
import {
  checklistEditSchema,
  type EditFormValues,
  emptyValues,
  type ItemValues,
  itemCode,
  nextCodeNumbers,
  parseDecimal,
  valuesFromItem,
} from "./edit-schema";

const ChecklistEditSchema = checklistEditSchema(
  serverI18n("zh-CN").getFixedT("zh-CN", "checklist"),
);

const m5: ItemValues = emptyValues({
  code: "SR-M5",
  kind: "main",
  textZh: "楼梯扶手高度不应小于0.90m。",
  textEn: "Stair handrail height ≥0.90 m.",
  method: "measure",
  tolerance: "≥0.90 m",
  numericUnit: "m",
  numericMin: "0.9",
  numericQuantity: "absolute",
  samplePlan: "全数检查",
  source: "GB 50352-2019 6.8.8",
  verified: "on",
});

const form = (items: ItemValues[], changeNote = "调整扶手高度下限"): EditFormValues => ({
  basedOnVersion: "1",
  changeNote,
  items,
});

function errorsOf(values: EditFormValues) {
  const result = ChecklistEditSchema.safeParse(values);
  if (result.success) throw new Error("expected the form to be invalid");
  // The first message per field, keyed by path ("changeNote", "items.3.numericMin").
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
  return errors;
}

describe("ChecklistEditSchema", () => {
  it("accepts a complete item and normalises it to the stored shape", () => {
    const result = ChecklistEditSchema.parse(form([m5]));
    expect(result.basedOnVersion).toBe(1);
    expect(result.changeNote).toBe("调整扶手高度下限");
    expect(result.items[0]).toEqual({
      code: "SR-M5",
      kind: "main",
      textZh: "楼梯扶手高度不应小于0.90m。",
      textEn: "Stair handrail height ≥0.90 m.",
      method: "measure",
      tolerance: "≥0.90 m",
      numericUnit: "m",
      numericMin: 0.9,
      numericMax: null,
      numericQuantity: "absolute",
      numericTarget: null,
      numericCondition: null,
      numericNote: null,
      samplePlan: "全数检查",
      source: "GB 50352-2019 6.8.8",
      verified: true,
    });
  });

  it("requires a change note, in Chinese", () => {
    expect(errorsOf(form([m5], "   "))).toEqual({ changeNote: "请填写修改说明" });
  });

  it("requires the Chinese text, the sample plan and the source clause", () => {
    const errors = errorsOf(form([{ ...m5, textZh: " ", samplePlan: "", source: "" }]));
    expect(errors).toEqual({
      "items.0.textZh": "请填写检查内容",
      "items.0.samplePlan": "请填写检查数量",
      "items.0.source": "请填写依据的规范条文",
    });
  });

  it("uses the Chinese text when the English one is left empty (the data file needs one)", () => {
    const result = ChecklistEditSchema.parse(form([{ ...m5, textEn: "  " }]));
    expect(result.items[0]?.textEn).toBe(m5.textZh);
  });

  it("refuses a lower limit above the upper one", () => {
    expect(errorsOf(form([{ ...m5, numericMin: "6", numericMax: "3" }]))).toEqual({
      "items.0.numericMin": "下限不能大于上限",
    });
  });

  it("accepts equal limits and negative deviations typed with a typographic minus", () => {
    const result = ChecklistEditSchema.parse(
      form([{ ...m5, numericMin: "−6", numericMax: "0", numericQuantity: "deviationFromDesign" }]),
    );
    expect(result.items[0]).toMatchObject({
      numericMin: -6,
      numericMax: 0,
      numericQuantity: "deviationFromDesign",
    });
    expect(ChecklistEditSchema.parse(form([{ ...m5, numericMax: "0.9" }])).items[0]).toMatchObject({
      numericMin: 0.9,
      numericMax: 0.9,
    });
  });

  it("requires a unit when a limit or a design value is given", () => {
    expect(errorsOf(form([{ ...m5, numericUnit: "" }]))).toEqual({
      "items.0.numericUnit": "填写了限值时请填写单位",
    });
    expect(
      errorsOf(form([{ ...m5, numericUnit: "", numericMin: "", numericTarget: "300" }])),
    ).toEqual({ "items.0.numericUnit": "填写了限值时请填写单位" });
    expect(
      errorsOf(form([{ ...m5, numericUnit: "", numericMin: "", numericCondition: "≥24m" }])),
    ).toEqual({ "items.0.numericUnit": "填写了适用条件或判定备注时请填写单位" });
  });

  it("stores no numeric limit for an item without a unit", () => {
    const item = ChecklistEditSchema.parse(
      form([{ ...m5, numericUnit: "", numericMin: "", numericQuantity: "absolute" }]),
    ).items[0];
    expect(item).toMatchObject({
      numericUnit: null,
      numericMin: null,
      numericMax: null,
      numericQuantity: null,
      numericTarget: null,
    });
  });

  it("says which number is not a number", () => {
    expect(errorsOf(form([{ ...m5, numericMin: "0.9m", numericMax: "abc" }]))).toEqual({
      "items.0.numericMin": "请输入数字，如 1.05 或 -6",
      "items.0.numericMax": "请输入数字，如 1.05 或 -6",
    });
  });

  it("requires a known method and kind", () => {
    expect(errorsOf(form([{ ...m5, method: "guess", kind: "" }]))).toEqual({
      "items.0.kind": "请选择主控项目或一般项目",
      "items.0.method": "请选择检查方法",
    });
  });

  it("keeps an existing item's kind (its code says main or general)", () => {
    expect(errorsOf(form([{ ...m5, kind: "general" }]))).toEqual({
      "items.0.kind": "已有项目不能改变主控/一般类别；如需改变，请删除后新增",
    });
  });

  it("accepts new items without a code, refuses malformed and duplicate codes", () => {
    const added = { ...m5, code: "", kind: "general", verified: "" };
    const parsed = ChecklistEditSchema.parse(form([m5, added]));
    expect(parsed.items[1]).toMatchObject({ code: null, kind: "general", verified: false });
    expect(errorsOf(form([m5, { ...m5 }, { ...m5, code: "sr-m5" }]))).toEqual({
      "items.1.code": "项目编号重复",
      "items.2.code": "项目编号格式不正确",
    });
  });

  it("needs at least one item", () => {
    expect(errorsOf(form([]))).toEqual({ items: "检查表至少需要一个检查项目" });
  });

  it("reports every wrong field at once", () => {
    const errors = errorsOf(form([{ ...m5, textZh: "", numericMin: "9", numericMax: "1" }], ""));
    expect(Object.keys(errors).sort()).toEqual([
      "changeNote",
      "items.0.numericMin",
      "items.0.textZh",
    ]);
  });
});

describe("the posted form (conform's names)", () => {
  const words = serverI18n("zh-CN").getFixedT("zh-CN");
  const post = (items: Partial<ItemValues>[]) => {
    const data = new FormData();
    data.set("basedOnVersion", "3");
    data.set("changeNote", "新增一项");
    items.forEach((item, i) => {
      for (const [field, value] of Object.entries(item)) data.set(`items[${i}].${field}`, value);
    });
    return parseSubmission(data, ChecklistEditSchema, words);
  };

  it("reads items[<index>].<field> in index order", () => {
    const submission = post([m5, { ...m5, code: "", kind: "general", textZh: "二", verified: "" }]);
    if (submission.status !== "success") throw new Error("expected a valid form");
    expect(submission.value.items.map((i) => [i.code, i.textZh, i.verified])).toEqual([
      ["SR-M5", m5.textZh, true],
      [null, "二", false],
    ]);
  });

  it("names each wrong field as the form does, so its message shows beside it", () => {
    const submission = post([m5, { kind: "general", method: "observe", textZh: "二" }]);
    if (submission.status !== "error") throw new Error("expected an invalid form");
    expect(submission.error?.["items[1].samplePlan"]).toEqual(["请填写检查数量"]);
    expect(Object.keys(submission.error ?? {}).sort()).toEqual([
      "items[1].samplePlan",
      "items[1].source",
    ]);
  });
});

describe("valuesFromItem", () => {
  it("round-trips a stored item through the form unchanged", () => {
    const stored = {
      code: "SR-G3",
      kind: "general",
      textZh: "栏杆间距允许偏差0，−6mm。",
      textEn: "Baluster spacing deviation 0 to −6 mm.",
      method: "measure",
      tolerance: "0, −6 mm",
      numericUnit: "mm",
      numericMin: -6,
      numericMax: 0,
      numericQuantity: "deviationFromDesign",
      numericTarget: null,
      numericCondition: null,
      numericNote: "note",
      samplePlan: "全数检查",
      source: "GB 50210-2018 表14.5.7",
      verified: false,
    };
    const parsed = ChecklistEditSchema.parse(form([valuesFromItem(stored)]));
    expect(parsed.items[0]).toEqual(stored);
  });
});

describe("item codes", () => {
  it("continues after the highest code ever used, per kind", () => {
    expect(nextCodeNumbers(["SR-M1", "SR-M10", "SR-M2", "SR-G7", "SR-G3", "junk"])).toEqual({
      main: 11,
      general: 8,
    });
    expect(nextCodeNumbers([])).toEqual({ main: 1, general: 1 });
    expect(itemCode("SR", "main", 11)).toBe("SR-M11");
    expect(itemCode("SR", "general", 8)).toBe("SR-G8");
  });

  it("parses decimals as typed on a tablet", () => {
    expect(parseDecimal(" 1,05 ")).toBe(1.05);
    expect(parseDecimal("+6")).toBe(6);
    expect(parseDecimal("−6")).toBe(-6);
    expect(parseDecimal(".5")).toBe(0.5);
    expect(parseDecimal("1.2.3")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });
});
