import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import {
  reviewEvidenceDocument,
  uploadEvidenceDocument,
} from "~/modules/evidence/documents.server";
import { evidenceStorage } from "~/modules/evidence/storage.server";
import { recordFunctionTest } from "~/modules/evidence/tests.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { drawingSetPdf } from "./drawing-pdf";

/**
 * Demo evidence of 县农行老旧小区 (whose plan is approved): the 分部 路基 complete (every document
 * checked, compaction passing at both road sections), 建筑电气 partial (certificates checked, the
 * insulation record awaiting its check, insulation tested at two 单元, one failing then retested).
 * Built through the module functions, so files, rows and audit events are real.
 */
const SUBGRADE = "路基";
const ELECTRICAL = "建筑电气";

async function demoPdf(title: string, seed: number) {
  return drawingSetPdf([{ number: `QC-${seed}`, title }], {
    size: { width: 595, height: 842 },
    detail: 2,
    seed,
  });
}

async function demoJpeg(seed: number) {
  return sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 190 + seed, b: 170 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function seedDemoEvidence(db: Db, storage: PhotoStorage = evidenceStorage()) {
  const user = (username: string) =>
    db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const [contractor, supervisor] = await Promise.all([user("shigong1"), user("jianli")]);
  const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
  const plan = await db.inspectionPlan.findUniqueOrThrow({
    where: { compoundId: nh.id },
    select: { lots: { select: { workTypeCode: true, placeKind: true, placeId: true } } },
  });
  const upload = async (
    division: string,
    kind: string,
    title: string,
    bytes: Uint8Array,
    name: string,
  ) => {
    const form = new FormData();
    form.set("division", division);
    form.set("kind", kind);
    form.set("title", title);
    form.set("file", new Blob([new Uint8Array(bytes)]), name);
    const request = new Request("http://localhost/seed", { method: "POST", body: form });
    return uploadEvidenceDocument(db, storage, contractor, nh.id, request);
  };
  const check = (documentId: string) =>
    reviewEvidenceDocument(db, supervisor, nh.id, { intent: "check", documentId });

  // 路基: all four kinds checked, compaction ≥ 90 % (CJJ 1-2008 §6.8.1) at both road sections
  const subgradeDocs: [string, string][] = [
    ["certificates", "路基填料及石灰进场检验记录"],
    ["retest", "石灰有效钙镁含量复验报告"],
    ["witnessSampling", "路基填料见证取样检测报告"],
    ["compactionReport", "路基压实度检测报告（环刀法）"],
  ];
  for (const [i, [kind, title]] of subgradeDocs.entries()) {
    const bytes = i % 2 === 0 ? await demoPdf(kind, i) : await demoJpeg(i);
    const doc = await upload(
      SUBGRADE,
      kind,
      title,
      bytes,
      i % 2 === 0 ? `${kind}.pdf` : `${kind}.jpg`,
    );
    await check(doc.id);
  }
  const roads = plan.lots.filter((l) => l.workTypeCode === "road-repair");
  const roadPlaces = [...new Set(roads.map((l) => `${l.placeKind}:${l.placeId}`))];
  for (const [i, place] of roadPlaces.entries()) {
    await recordFunctionTest(db, contractor, nh.id, {
      division: SUBGRADE,
      code: "subgradeCompaction",
      place,
      values: i === 0 ? "93 94 92" : "91 95 93",
      roadClass: "branch",
      testedOn: new Date(`2021-06-1${i}T00:00:00+08:00`),
      tester: "铜仁市建设工程质量检测中心",
    });
  }

  // 建筑电气: partial
  const cert = await upload(
    ELECTRICAL,
    "certificates",
    "导管、电线电缆合格证及CCC证书",
    await demoPdf("cert", 7),
    "cert.pdf",
  );
  await check(cert.id);
  await upload(ELECTRICAL, "insulationRecord", "1栋绝缘电阻测试记录", await demoJpeg(9), "ir.jpg");
  const wired = [
    ...new Set(
      plan.lots
        .filter((l) => l.workTypeCode === "stairwell-wiring")
        .map((l) => `${l.placeKind}:${l.placeId}`),
    ),
  ].slice(0, 2);
  const insulation = (place: string, values: string, day: string) =>
    recordFunctionTest(db, contractor, nh.id, {
      division: ELECTRICAL,
      code: "insulation",
      place,
      values,
      testedOn: new Date(`${day}T00:00:00+08:00`),
      tester: "德江县鑫安电气安装有限公司",
    });
  for (const [i, place] of wired.entries()) {
    if (i === 1) await insulation(place, "5.2 0.4 3.8", "2021-05-28");
    await insulation(place, "5.2 2.6 3.8", "2021-06-02");
  }
}
