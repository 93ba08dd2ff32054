import fs from "node:fs";
import path from "node:path";
import * as mupdf from "mupdf";
import { describe, expect, it } from "vitest";
import { divisionRecordPdf, subItemRecordPdf } from "~/modules/division/pdf.server";
import { compoundDivisions } from "~/modules/division/records.server";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { TMP_DIR } from "../support/paths";
import { pdfImageCount, pdfText } from "../support/pdf-text";
import { testDb } from "../support/test-db";

/** The first page as a PNG under the test tmp dir, to look at. */
function firstPagePng(pdf: Buffer, name: string) {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  const pixmap = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(1.5, 1.5), mupdf.ColorSpace.DeviceRGB);
  const file = path.join(TMP_DIR, name);
  fs.writeFileSync(file, pixmap.asPNG());
  return file;
}

/** GB 50300-2013 附录F and 附录G, every field filled from the compound's data. */
describe("附录F/附录G records as PDF", () => {
  const db = testDb({ seeded: true });

  it("prints the 分项 record: unit work, 分部/子分部, lot rows, conclusions and both signatures", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "DP1", acceptLast: true });
    const electrical = (await compoundDivisions(db, fx.compoundId))[0]!;
    const s = electrical.subItems.find((x) => x.name === "导管敷设")!;
    const record = (await subItemRecordPdf(db, fx.compoundId, s.id))!;
    const text = pdfText(record.pdf);
    for (const field of [
      "分项工程质量验收记录",
      "GB 50300-2013 附录F",
      "城西老旧小区（验收演练）",
      "建筑电气（电气照明）",
      "导管敷设",
      "1栋1单元",
      s.places[0]!.lot!.number,
      "王建军", // 施工单位 项目负责人
      "刘志远", // 项目技术负责人 (signed)
      "田志刚", // 专业监理工程师 (signed)
      "所含检验批 1/1 已验收；质量验收记录完整。",
    ])
      expect(text).toContain(field);
    expect(pdfImageCount(record.pdf)).toBe(2);
    expect(fs.existsSync(firstPagePng(record.pdf, "subitem-record.png"))).toBe(true);
  });

  it("prints the 分部 record: 分项 rows, 质量控制资料/安全和功能检验/观感 rows, conclusion, seats", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "DP2", acceptLast: true });
    const record = (await divisionRecordPdf(db, fx.compoundId, "建筑电气"))!;
    // narrow cells wrap: read the text without line breaks
    const text = pdfText(record.pdf).replace(/\s+/g, "");
    for (const field of [
      "分部工程质量验收记录",
      "GB50300-2013附录G",
      "电气照明",
      "梯架、托盘和槽盒安装",
      "建筑照明通电试运行",
      "质量控制资料",
      "安全和功能检验结果",
      "观感质量检验结果",
      "配电箱（盘）：好",
      "观感质量综合评价：好",
      "施工单位项目负责人",
      "监理单位总监理工程师",
      "王振华", // 总监 (signed)
    ])
      expect(text).toContain(field);
    expect(pdfImageCount(record.pdf)).toBe(2);
    expect(fs.existsSync(firstPagePng(record.pdf, "division-record.png"))).toBe(true);
    expect(await divisionRecordPdf(db, fx.compoundId, "不存在的分部")).toBeNull();
  });
});
