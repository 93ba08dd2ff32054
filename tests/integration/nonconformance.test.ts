import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadedFile } from "~/infra/multipart.server";
import { spooledFile } from "~/infra/upload-spool.server";
import { parseSignatureDataUrl } from "~/modules/acceptance/signature-image.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { documentKey, documentStorage } from "~/modules/files/document-store.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { recordAcceptRoute, routeAcceptedLots } from "~/modules/lot/acceptance-route.server";
import { createLot } from "~/modules/lot/create.server";
import {
  getLot,
  lotContentHash,
  saveLotRecords,
  signatureStatus,
  transitionLot,
} from "~/modules/lot/lots.server";
import { completionRemark } from "~/modules/lot/nonconformance-view";
import { lotRecordPage, lotRecordPdfInput } from "~/modules/lot/record-page.server";
import type { RecordT } from "~/modules/lot/record-view";
import { signLot } from "~/modules/lot/sign.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { lotRecordPdf } from "~/modules/report/records-pdf.server";
import { fillEntries } from "../../prisma/seed/activity";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { pdfText } from "../support/pdf-text";
import { drawingSetPdf } from "../support/pdfs";
import { leaveTemporary, sweepDocumentStore } from "../support/stores";
import { testDb } from "../support/test-db";

const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "route-documents-"));

async function drawn() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 120 110, 180 40 S 260 90, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const image = await parseSignatureDataUrl(`data:image/png;base64,${png.toString("base64")}`);
  if ("error" in image) throw new Error(image.error);
  return image;
}

type Signer = Parameters<typeof signLot>[1];

/** 验收签认 with the demo password and a drawn signature. */
async function accept(
  db: Parameters<typeof signLot>[0],
  who: Signer,
  lotId: string,
  conclusion: string,
) {
  return signLot(db, who, "any", lotId, "accept", {
    password: DEMO_PASSWORD,
    image: await drawn(),
    conclusion,
    confirmed: true,
  });
}

/** A document as the upload parser hands it on: spooled to a file (left for the test's folder). */
async function uploaded(name: string, bytes: Buffer): Promise<UploadedFile> {
  const { createHash } = await import("node:crypto");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "route-doc-")), "upload.part");
  fs.writeFileSync(file, bytes);
  return spooledFile(name, file, bytes.length, createHash("sha256").update(bytes).digest("hex"));
}

const ROUTE = {
  route: "testing" as const,
  body: "县建设工程质量检测中心",
  reportNumber: "JC-2026-0118",
  note: "栏杆水平推力现场检测，满足设计要求",
};

// GB 50300-2013 §5.0.6: a lot whose verdict fails is reworked and re-inspected (-1), or accepted
// after 检测鉴定 by a qualified testing body (-2) or on the original designer's 核算 (-3).
describe("nonconformance routes (GB 50300-2013 §5.0.6, decision 0032)", () => {
  const db = testDb({ seeded: true });
  // The document store's route folder, in this file's own directory (the sweep test walks it).
  beforeAll(() => {
    (globalThis as { yanshouDocumentStores?: unknown }).yanshouDocumentStores = {
      route: new LocalPhotoStorage(storeDir),
    };
  });
  afterAll(() => {
    delete (globalThis as { yanshouDocumentStores?: unknown }).yanshouDocumentStores;
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  async function people() {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true, title: true },
    });
    const u = (name: string) => {
      const r = users.find((x) => x.username === name)!;
      return { ...r, role: r.role as "supervisor" | "contractor" };
    };
    return { contractor: u("shigong1"), supervisor: u("jianli"), chief: u("zongjian") };
  }

  /** A stair-railing lot in 南湖 submitted with one main item failed (or all passing). */
  async function submittedLot(index: number, fail = true) {
    const { contractor, supervisor, chief } = await people();
    const stairwells = await db.stairwell.findMany({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: stairwells[index]!.id },
    });
    let failed = false;
    await fillEntries(db, contractor, lot.id, (item) => {
      if (!fail || failed || item.kind !== "main") return undefined;
      failed = true;
      return {
        itemId: item.itemId,
        result: "fail",
        note: "栏杆水平推力试验未达要求",
        designValue: null,
        points: [],
      };
    });
    await saveLotRecords(db, contractor, "own", lot.id, {
      recordsComplete: true,
      selfCheckNote: null,
    });
    await transitionLot(db, contractor, "own", lot.id, "submit", null);
    return { lot, contractor, supervisor, chief };
  }

  const counts = async (lotId: string) => ({
    routes: await db.lotAcceptanceRoute.count({ where: { lotId } }),
    events: await db.auditEvent.count({ where: { entityId: lotId } }),
  });

  it("§5.0.6-2: accepted after 检测鉴定 with a real PDF; the verdict stays failed; the record and its PDF show the route; the hash binds the document", async () => {
    const { lot, supervisor } = await submittedLot(6);
    const before = (await getLot(db, lot.id, supervisor, "any"))!;
    expect(before.verdict.canAccept).toBe(false);
    // Without a route the failing lot cannot be accepted.
    await expect(accept(db, supervisor, lot.id, "同意验收")).rejects.toMatchObject({ status: 409 });

    const pdf = Buffer.from(await drawingSetPdf([{ number: "JC-01", title: "TEST REPORT" }]));
    const file = await uploaded("检测报告JC-2026-0118.pdf", pdf);
    await recordAcceptRoute(db, supervisor, "any", lot.id, ROUTE, file);
    expect(await documentStorage("route").has(documentKey("route", file.sha256))).toBe(true);

    await accept(db, supervisor, lot.id, "经检测鉴定达到设计要求，同意验收。");
    const after = (await getLot(db, lot.id, supervisor, "any"))!;
    expect(after.lot.status).toBe("accepted");
    expect(after.verdict.canAccept).toBe(false); // never rewritten
    const status = await signatureStatus(db, after);
    expect(status?.matches).toBe(true);
    // The signed content covers the route and the document's hash: without them it differs.
    expect(lotContentHash({ ...after, lot: { ...after.lot, acceptanceRoutes: [] } })).not.toBe(
      status?.signed,
    );
    const acceptEvent = await db.auditEvent.findFirstOrThrow({
      where: { entityId: lot.id, action: "lot.accept" },
      select: { payload: true },
    });
    expect(JSON.parse(acceptEvent.payload).route).toMatchObject({
      route: "testing",
      documentSha256: file.sha256,
    });
    expect((await verifyDatabase(db)).recordBreaks).toEqual([]);

    const page = (await lotRecordPage(db, supervisor, "any", lot.id))!;
    const text = page.nonconformance.join("\n");
    expect(text).toContain("按 GB 50300-2013 第5.0.6条第2款 经检测鉴定予以验收");
    expect(text).toContain("检测报告JC-2026-0118.pdf");
    expect(text).toContain(file.sha256);
    expect(text).toContain("JC-2026-0118");
    expect(page.verdict.status).toBe("fail");

    const input = (await lotRecordPdfInput(db, supervisor, "any", lot.id))!;
    const printed = pdfText(
      await lotRecordPdf(input.detail, input.signature, input.photos, input.extras),
    ).replace(/\s+/g, "");
    expect(printed).toContain("按GB50300-2013第5.0.6条第2款经检测鉴定予以验收");
    expect(printed).toContain(file.sha256);

    // The 竣工验收 record's remarks list it (it counts as accepted; listed, not blocking).
    const compound = await db.inspectionLot.findUniqueOrThrow({
      where: { id: lot.id },
      select: { compoundId: true },
    });
    const listed = await routeAcceptedLots(db, compound.compoundId);
    expect(listed).toContainEqual({
      number: after.lot.number,
      route: "testing",
      reportNumber: "JC-2026-0118",
    });
    expect(completionRemark(listed, fixedT("zh-CN") as RecordT)).toContain(
      `${after.lot.number} 检测鉴定 JC-2026-0118`,
    );

    // Tampering with the route (its document hash) breaks the signature check.
    await db.lotAcceptanceRoute.updateMany({
      where: { lotId: lot.id },
      data: { documentSha256: "0".repeat(64) },
    });
    const breaks = (await verifyDatabase(db)).recordBreaks.map((b) => b.code);
    expect(breaks).toContain("audit:verify.lot.hashMismatch");
    await db.lotAcceptanceRoute.updateMany({
      where: { lotId: lot.id },
      data: { documentSha256: file.sha256 },
    });
  });

  it("refuses without a document, a non-document file, a contractor, a passing lot; §5.0.6-3 needs the 总监; nothing is stored", async () => {
    const { lot, contractor, supervisor, chief } = await submittedLot(7);
    const start = await counts(lot.id);
    await expect(
      recordAcceptRoute(db, supervisor, "any", lot.id, ROUTE, null),
    ).rejects.toMatchObject({ status: 400, code: "nonconformance:errors.documentRequired" });
    const text = await uploaded("report.pdf", Buffer.from("not a pdf at all, just text"));
    await expect(
      recordAcceptRoute(db, supervisor, "any", lot.id, ROUTE, text),
    ).rejects.toMatchObject({ status: 415 });
    expect(await documentStorage("route").has(documentKey("route", text.sha256))).toBe(false);
    const pdf = await uploaded(
      "r.pdf",
      Buffer.from(await drawingSetPdf([{ number: "R-1", title: "RECALCULATION" }])),
    );
    await expect(
      recordAcceptRoute(db, contractor, "own", lot.id, ROUTE, pdf),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      recordAcceptRoute(db, supervisor, "any", lot.id, { ...ROUTE, reportNumber: " " }, pdf),
    ).rejects.toMatchObject({ status: 400, field: "reportNumber" });
    await expect(
      recordAcceptRoute(db, supervisor, "any", lot.id, { ...ROUTE, route: "recalculation" }, pdf),
    ).rejects.toMatchObject({ status: 403, code: "nonconformance:errors.chiefRequired" });
    expect(await counts(lot.id)).toEqual(start);
    expect(await documentStorage("route").has(documentKey("route", pdf.sha256))).toBe(false);

    // The 总监 records §5.0.6-3 (设计核算) from a photo of the recalculation and accepts.
    const photo = await uploaded(
      "核算.jpg",
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#ddd" } })
        .jpeg()
        .toBuffer(),
    );
    await recordAcceptRoute(
      db,
      chief,
      "any",
      lot.id,
      { ...ROUTE, route: "recalculation", body: "县建筑设计院" },
      photo,
    );
    // A 专业监理工程师 may not sign the acceptance by §5.0.6-3; the 总监 may.
    await expect(accept(db, supervisor, lot.id, "同意验收")).rejects.toMatchObject({
      status: 409,
      code: "nonconformance:errors.chiefRequired",
    });
    await accept(db, chief, lot.id, "经原设计单位核算满足安全和使用功能，同意验收。");
    const page = (await lotRecordPage(db, chief, "any", lot.id))!;
    expect(page.nonconformance.join("\n")).toContain("第5.0.6条第3款");

    // A passing lot is accepted normally: no route.
    const passing = await submittedLot(8, false);
    await expect(
      recordAcceptRoute(db, supervisor, "any", passing.lot.id, ROUTE, pdf),
    ).rejects.toMatchObject({ status: 409, code: "nonconformance:errors.verdictPasses" });
  });

  it("§5.0.6-1: a returned lot is reworked, resubmitted and accepted normally; the record lists the round; a route recorded before the return no longer applies", async () => {
    const { lot, contractor, supervisor } = await submittedLot(9);
    const pdf = await uploaded(
      "r.pdf",
      Buffer.from(await drawingSetPdf([{ number: "R-2", title: "TEST" }])),
    );
    await recordAcceptRoute(db, supervisor, "any", lot.id, ROUTE, pdf);
    await transitionLot(db, supervisor, "any", lot.id, "reject", "栏杆推力不足，返工加固");
    await fillEntries(db, contractor, lot.id);
    await transitionLot(db, contractor, "own", lot.id, "submit", null);
    const resubmitted = (await getLot(db, lot.id, supervisor, "any"))!;
    expect(resubmitted.verdict.canAccept).toBe(true);
    await accept(db, supervisor, lot.id, "返工后重新验收合格，同意验收。");
    const page = (await lotRecordPage(db, supervisor, "any", lot.id))!;
    const text = page.nonconformance.join("\n");
    expect(text).toContain("返工或返修后重新验收");
    expect(text).toContain("栏杆推力不足，返工加固");
    expect(text).toContain("重新提交");
    expect(text).not.toContain("第5.0.6条第2款");
    expect(
      (await db.lotAcceptanceRoute.findFirstOrThrow({ where: { lotId: lot.id } })).lotAcceptedAt,
    ).toBeNull();
  });

  it("a lot accepted without a route hashes exactly as before routes existed, and verifies", async () => {
    const { lot, supervisor } = await submittedLot(10, false);
    await transitionLot(db, supervisor, "any", lot.id, "accept", null);
    const detail = (await getLot(db, lot.id, supervisor, "any"))!;
    expect(detail.lot.acceptanceRoutes).toEqual([]);
    // The lot as read before this table existed (no acceptanceRoutes field) hashes the same.
    const { acceptanceRoutes: _none, ...before } = detail.lot;
    expect(lotContentHash({ ...detail, lot: before })).toBe(lotContentHash(detail));
    expect((await signatureStatus(db, detail))?.matches).toBe(true);
    const report = await verifyDatabase(db);
    expect(report.recordBreaks.filter((b) => b.code.startsWith("audit:verify.lot"))).toEqual([]);
  });

  it("the start-up sweep removes a route document no row names (a crash before its row) and a temporary; every recorded route's document stays, bound or not", async () => {
    const storage = documentStorage("route") as LocalPhotoStorage;
    const routes = await db.lotAcceptanceRoute.findMany({
      select: { documentSha256: true, lotAcceptedAt: true },
    });
    // Bound to an acceptance, and the one recorded before §5.0.6-1's return (still named).
    expect(routes.some((r) => r.lotAcceptedAt)).toBe(true);
    expect(routes.some((r) => !r.lotAcceptedAt)).toBe(true);
    const stray = await uploaded(
      "stray.pdf",
      Buffer.from(await drawingSetPdf([{ number: "R-9", title: "LEFT BY A CRASH" }])),
    );
    const key = documentKey("route", stray.sha256);
    expect((await storage.put(key, await stray.readBytes())).created).toBe(true);
    leaveTemporary(storage);

    const swept = await sweepDocumentStore(db, "route", storage, path.join(storeDir, "x"));
    expect(swept.temporaries).toBe(1);
    expect(swept.byKind).toEqual({ photo: 0, drawing: 0, evidence: 0, route: 1 });
    expect(await storage.has(key)).toBe(false);
    for (const r of routes)
      expect(await storage.has(documentKey("route", r.documentSha256))).toBe(true);
    expect(await db.lotAcceptanceRoute.count()).toBe(routes.length);
  });
});
