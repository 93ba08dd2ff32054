import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { createDefect } from "~/modules/defect/defects.server";
import {
  drawingRegister,
  findViewableRevision,
  previewDrawings,
  revisionView,
  uploadDrawings,
} from "~/modules/drawing/drawings.server";
import { DRAWING_LIMITS } from "~/modules/drawing/limits";
import {
  acknowledgeLotDrawingRef,
  addLotDrawingRef,
  lotDrawingRefs,
} from "~/modules/drawing/lot-refs.server";
import { pinDefect, pinOfDefect } from "~/modules/drawing/pins.server";
import { drawingKey } from "~/modules/drawing/storage.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { createLot } from "~/modules/lot/create.server";
import { getLot, lotContentHash, saveLotRecords, transitionLot } from "~/modules/lot/lots.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { fillEntries } from "../../prisma/seed/activity";
import { TMP_DIR } from "../support/paths";
import {
  corruptPdf,
  drawingSetPdf,
  encryptedPdf,
  enormousPagePdf,
  manyPagesPdf,
  zipNamedPdf,
} from "../support/pdfs";
import { testDb } from "../support/test-db";

const zh = fixedT("zh-CN");
/** A refusal's message as a Chinese reader sees it (DomainError carries a key and parameters). */
const inChinese = (error: unknown) => {
  if (error instanceof DomainError) throw new Error(error.text(zh));
  throw error;
};

const root = path.join(TMP_DIR, `drawings-${process.pid}-${Date.now()}`);
const storage = new LocalPhotoStorage(root);

function filesOnDisk(dir = root): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesOnDisk(full) : [path.relative(root, full)];
  });
}

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// Smaller renders keep the suite quick; the real resolution is measured by `npm run bench:drawings`.
const limits = { ...DRAWING_LIMITS, fullLongSidePx: 1600, previewLongSidePx: 400 };

const spec = (over: Partial<Parameters<typeof uploadDrawings>[4]["spec"]> = {}) => ({
  discipline: "电气",
  numberPrefix: "电施-",
  startNumber: 1,
  pageLines: [],
  defaultTitle: "照明平面图",
  revision: null,
  ...over,
});

describe("drawing register, revisions, pins and lots", () => {
  const db = testDb({ seeded: true });
  type U = { id: string; role: "supervisor" | "contractor" | "street"; organizationId: string };
  let supervisor: U;
  let contractorA: U;
  let contractorB: U;
  let compoundId: string;
  let otherCompoundId: string;
  let revA: Record<string, string> = {};

  const input = (bytes: Uint8Array | Buffer, s = spec(), name = "set.pdf") => ({
    compoundId,
    workTypeId: null,
    issuedOn: new Date("2021-06-01T00:00:00+08:00"),
    spec: s,
    file: { name, bytes: Buffer.from(bytes) },
  });
  /** The outcome as is: uploaded, or the supersessions to confirm first. */
  const attempt = (
    bytes: Uint8Array | Buffer,
    s = spec(),
    name = "set.pdf",
    who = supervisor,
    confirm: string | null = null,
  ) =>
    uploadDrawings(
      db,
      storage,
      who,
      "any",
      { ...input(bytes, s, name), confirm },
      // Rendered right after the commit (as the seed does); tests/integration/drawing-render-job
      // covers the same rendering through the job queue.
      { limits, renderNow: true },
    ).catch(inChinese);
  /** The stored sheets; an upload that asks for confirmation instead fails. */
  const upload = async (...args: Parameters<typeof attempt>) => {
    const out = await attempt(...args);
    if (out.kind !== "uploaded") throw new Error(`asks to confirm ${out.token}`);
    return out.sheets;
  };
  /** Uploads after confirming the new revisions the preview names, as the form's second step. */
  const confirmed = async (bytes: Uint8Array | Buffer, s = spec()) => {
    const { token } = await previewDrawings(db, supervisor, "any", input(bytes, s), { limits });
    return upload(bytes, s, "set.pdf", supervisor, token);
  };

  const counts = async () => ({
    sheets: await db.drawingSheet.count(),
    revisions: await db.drawingRevision.count(),
    events: await db.auditEvent.count({ where: { action: { startsWith: "drawing." } } }),
    files: filesOnDisk().filter((f) => !f.startsWith(".tmp")).length,
    temporaries: filesOnDisk().filter((f) => f.startsWith(".tmp")).length,
  });

  beforeAll(async () => {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true },
    });
    const u = (name: string) => users.find((x) => x.username === name) as U;
    supervisor = u("jianli");
    contractorA = u("shigong1");
    contractorB = u("shigong2");
    const nh = await db.compound.findFirstOrThrow({ where: { code: "NH" }, select: { id: true } });
    const other = await db.compound.findFirstOrThrow({
      where: { code: { not: "NH" } },
      select: { id: true },
    });
    compoundId = nh.id;
    otherCompoundId = other.id;
  });

  it("renders each page of a real 3-page PDF into a sheet with a sharp image and a preview", async () => {
    const pdf = await drawingSetPdf([
      { number: "E-01", title: "LIGHTING" },
      { number: "E-02", title: "POWER" },
      { number: "E-03", title: "RISER" },
    ]);
    const out = await upload(pdf, spec({ pageLines: ["", "电施-02 动力平面图"] }));
    expect(out.map((o) => `${o.number} ${o.revision}`)).toEqual([
      "电施-01 A",
      "电施-02 A",
      "电施-03 A",
    ]);
    revA = Object.fromEntries(out.map((o) => [o.number, o.revisionId]));
    const register = await drawingRegister(db, supervisor, "any", compoundId);
    expect(register!.sheets.map((s) => [s.number, s.title])).toEqual([
      ["电施-01", "照明平面图"],
      ["电施-02", "动力平面图"],
      ["电施-03", "照明平面图"],
    ]);
    const rev = await db.drawingRevision.findUniqueOrThrow({ where: { id: revA["电施-01"]! } });
    expect(rev.width).toBe(1600);
    expect(Math.abs(rev.height! - (1600 * 594) / 841)).toBeLessThanOrEqual(1);
    expect(rev.previewWidth).toBe(400);
    const full = await sharp(path.join(root, drawingKey("full", rev.imageSha256!))).metadata();
    expect([full.format, full.width, full.height]).toEqual(["png", rev.width, rev.height]);
    // The page is drawn: not a blank image.
    const stats = await sharp(path.join(root, drawingKey("full", rev.imageSha256!))).stats();
    expect(stats.channels[0]!.min).toBeLessThan(50);
    expect(fs.existsSync(path.join(root, drawingKey("source", rev.sourceSha256)))).toBe(true);
    const events = await db.auditEvent.count({ where: { action: "drawing.revision.upload" } });
    expect(events).toBe(3);
  });

  it("a second revision supersedes the first, which stays viewable and says so", async () => {
    const pdf = await drawingSetPdf([{ number: "E-01", title: "LIGHTING", revision: "B" }], {
      seed: 5,
    });
    const [b] = await confirmed(pdf, spec({ pageLines: ["电施-01 照明平面图（修改）"] }));
    expect(b!.revision).toBe("B");
    const old = await db.drawingRevision.findUniqueOrThrow({ where: { id: revA["电施-01"]! } });
    expect(old.status).toBe("superseded");
    expect(old.supersededById).toBe(b!.revisionId);
    const view = await revisionView(db, old.id, supervisor, "any", "any");
    expect(view!.revision.status).toBe("superseded");
    expect(view!.current?.id).toBe(b!.revisionId);
    expect(view!.revisions.map((r) => `${r.revision}:${r.status}`)).toEqual([
      "B:current",
      "A:superseded",
    ]);
    expect(await findViewableRevision(db, old.id, supervisor, "any")).not.toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: "drawing.revision.supersede", entityId: old.id },
      }),
    ).toBe(1);
  });

  it("takes a single image as one sheet", async () => {
    const png = await sharp({
      create: { width: 2400, height: 1600, channels: 3, background: "#fff" },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg width="2400" height="1600"><path d="M100 100 L2300 1500" stroke="black" stroke-width="6"/></svg>',
          ),
          top: 0,
          left: 0,
        },
      ])
      .png()
      .toBuffer();
    const [sheet] = await upload(
      png,
      spec({ numberPrefix: "总图-", discipline: "总图" }),
      "site.png",
    );
    const rev = await db.drawingRevision.findUniqueOrThrow({ where: { id: sheet!.revisionId } });
    expect([sheet!.number, rev.sourceFormat, rev.width, rev.height]).toEqual([
      "总图-01",
      "png",
      1600,
      1067,
    ]);
  });

  it("refuses an explicit revision that is not newer than the current one", async () => {
    const before = await counts();
    const pdf = await drawingSetPdf([{ number: "E-01", title: "LIGHTING" }]);
    await expect(upload(pdf, spec({ revision: "A" }))).rejects.toThrow(/现行版次为 B/);
    expect(await counts()).toEqual(before);
  });

  it("pins keep their revision and position when a newer revision appears", async () => {
    const pin = { revisionId: revA["电施-02"]!, x: 0.25, y: 0.75 };
    const defect = await createDefect(db, supervisor, {
      from: "compound",
      compoundId,
      contractorOrgId: contractorA.organizationId,
      placeLabel: "1栋 配电间",
      title: "配电箱位置与图纸不符",
      description: "",
      severity: "general",
      dueOn: new Date("2021-07-01T00:00:00+08:00"),
      pin,
    });
    const pdf = await drawingSetPdf([{ number: "E-02", title: "POWER", revision: "B" }], {
      seed: 9,
    });
    await confirmed(pdf, spec({ pageLines: ["电施-02 动力平面图"] }));
    const stored = await pinOfDefect(db, defect.id);
    expect(stored).toMatchObject({ x: 0.25, y: 0.75, revision: { id: pin.revisionId } });
    expect(stored!.revision.status).toBe("superseded");
    const view = await revisionView(db, pin.revisionId, supervisor, "any", "any");
    expect(view!.revision.pins.map((p) => [p.defect.id, p.x, p.y])).toEqual([
      [defect.id, 0.25, 0.75],
    ]);
    // contractor B sees the sheet (if its compound) but never another contractor's pins
    const viewB = await revisionView(db, pin.revisionId, contractorB, "own", "own");
    expect(viewB?.revision.pins ?? []).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "drawing.pin.place" } })).toBe(1);
  });

  it("pins an existing defect once, only on a sheet of its compound and inside the sheet", async () => {
    const defect = await createDefect(db, supervisor, {
      from: "compound",
      compoundId,
      contractorOrgId: contractorA.organizationId,
      placeLabel: "2栋",
      title: "灯具缺失",
      description: "",
      severity: "general",
      dueOn: new Date("2021-07-01T00:00:00+08:00"),
    });
    await expect(
      pinDefect(db, supervisor, "any", defect.id, {
        revisionId: revA["电施-03"]!,
        x: 1.2,
        y: 0.5,
      }).catch(inChinese),
    ).rejects.toThrow(/不在图纸范围/);
    await pinDefect(db, supervisor, "any", defect.id, {
      revisionId: revA["电施-03"]!,
      x: 0.5,
      y: 0.5,
    });
    await expect(
      pinDefect(db, supervisor, "any", defect.id, {
        revisionId: revA["电施-03"]!,
        x: 0.4,
        y: 0.5,
      }).catch(inChinese),
    ).rejects.toThrow(/已标注/);
    const otherOutcome = await uploadDrawings(
      db,
      storage,
      supervisor,
      "any",
      {
        compoundId: otherCompoundId,
        workTypeId: null,
        issuedOn: new Date(),
        spec: spec(),
        file: {
          name: "o.pdf",
          bytes: Buffer.from(await drawingSetPdf([{ number: "O-1", title: "O" }])),
        },
      },
      { limits },
    );
    if (otherOutcome.kind !== "uploaded") throw new Error("not uploaded");
    const otherSheet = otherOutcome.sheets;
    const d2 = await createDefect(db, supervisor, {
      from: "compound",
      compoundId,
      contractorOrgId: contractorA.organizationId,
      placeLabel: "3栋",
      title: "x",
      description: "",
      severity: "general",
      dueOn: new Date(),
    });
    await expect(
      pinDefect(db, supervisor, "any", d2.id, {
        revisionId: otherSheet[0]!.revisionId,
        x: 0.5,
        y: 0.5,
      }).catch(inChinese),
    ).rejects.toThrow(/同一小区/);
  });

  it("contractors see only their own compounds' drawings", async () => {
    const nhContract = await db.contract.findFirst({
      where: { compoundId, contractorOrgId: contractorB.organizationId },
    });
    expect(nhContract).toBeNull();
    expect(await findViewableRevision(db, revA["电施-03"]!, contractorB, "own")).toBeNull();
    expect(await drawingRegister(db, contractorB, "own", compoundId)).toBeNull();
    expect(await findViewableRevision(db, revA["电施-03"]!, contractorA, "own")).not.toBeNull();
  });

  describe("bad files are refused with a clear message and leave nothing behind", () => {
    const cases: [string, () => Promise<Buffer>, RegExp][] = [
      ["corrupt", async () => corruptPdf(), /已损坏|没有页面/],
      ["encrypted", encryptedPdf, /已加密/],
      ["300 pages", () => manyPagesPdf(300), /共 300 页，超过每次 60 页/],
      ["enormous page", enormousPagePdf, /幅面过大/],
      ["zip named .pdf", async () => zipNamedPdf(), /不是图纸文件/],
      [
        "png named .pdf",
        async () =>
          sharp({ create: { width: 800, height: 800, channels: 3, background: "#fff" } })
            .png()
            .toBuffer(),
        /扩展名是 .pdf，但内容不是 PDF/,
      ],
      ["empty", async () => Buffer.alloc(0), /空文件/],
    ];
    cases.push([
      "an image too small to be a drawing",
      async () =>
        sharp({ create: { width: 300, height: 200, channels: 3, background: "#fff" } })
          .png()
          .toBuffer(),
      /太小/,
    ]);
    for (const [label, make, message] of cases) {
      it(label, async () => {
        const before = await counts();
        const bytes = await make();
        const name = label.startsWith("an image") ? "plan.png" : "图纸.pdf";
        const error = await uploadDrawings(
          db,
          storage,
          supervisor,
          "any",
          input(bytes, spec(), name),
          { limits },
        ).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).text(zh)).toMatch(message);
        // In English too, naming the file (the words come from the catalogue, not the module).
        expect((error as DomainError).text(fixedT("en"))).toContain(`“${name}”`);
        expect(await counts()).toEqual({ ...before, temporaries: 0 });
      });
    }
  });

  it("a page that would supersede a sheet is stored only once the uploader confirms exactly that", async () => {
    const pdf = await drawingSetPdf([{ number: "E-01", title: "LIGHTING", revision: "C" }], {
      seed: 11,
    });
    const s = spec({ pageLines: ["电施-01 照明平面图"] });
    const before = await counts();
    const asked = await attempt(pdf, s);
    if (asked.kind !== "confirm") throw new Error("expected to be asked to confirm");
    const { pages, token, changed } = asked;
    expect(changed).toBe(false);
    expect(pages.map((p) => [p.number, p.supersedes, p.revision])).toEqual([["电施-01", "B", "C"]]);
    expect(token).toBe("电施-01:B>C");
    expect(await counts()).toEqual(before);
    // The preview computes the same, storing nothing.
    expect((await previewDrawings(db, supervisor, "any", input(pdf, s), { limits })).token).toBe(
      token,
    );
    // A confirmation of something else (an outdated preview) is asked again.
    expect(await attempt(pdf, s, "set.pdf", supervisor, "电施-01:A>B")).toMatchObject({
      kind: "confirm",
      changed: true,
    });
    expect(await counts()).toEqual(before);

    const [c] = await upload(pdf, s, "set.pdf", supervisor, token);
    expect([c!.number, c!.revision]).toEqual(["电施-01", "C"]);
    expect((await counts()).revisions).toBe(before.revisions + 1);
  });

  it("an upload identical to the sheet's current revision is refused and leaves no file and no row", async () => {
    const pdf = await drawingSetPdf([{ number: "E-01", title: "LIGHTING", revision: "C" }], {
      seed: 11,
    });
    const s = spec({ pageLines: ["电施-01 照明平面图"] });
    const before = await counts();
    // The same file: refused before any confirmation is asked.
    await expect(upload(pdf, s)).rejects.toThrow(
      "图纸 电施-01（现行 C 版）与现行版次内容完全相同（SHA-256 一致），未上传任何内容；如有修改，请上传修改后的图纸",
    );
    await expect(upload(pdf, s, "set.pdf", supervisor, "电施-01:C>D")).rejects.toThrow(
      /内容完全相同/,
    );
    expect(await counts()).toEqual(before);
    // The same page re-exported into another file is no longer refused: its image is only known
    // once the render job has run, after the revision was committed (decision 0021, amended).
  });

  it("a lot records its drawings; a newer revision blocks acceptance until the supervisor acknowledges", async () => {
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compoundId } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const lot = await createLot(db, contractorA, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    const detail = (await getLot(db, lot.id, contractorA, "own"))!;
    void detail;
    await fillEntries(db, contractorA, lot.id);
    await saveLotRecords(db, contractorA, "own", lot.id, {
      recordsComplete: true,
      selfCheckNote: "自检合格",
    });
    const before = lotContentHash((await getLot(db, lot.id, supervisor, "any"))!);
    await addLotDrawingRef(db, contractorA, "own", lot.id, revA["电施-03"]!);
    await expect(
      addLotDrawingRef(db, contractorA, "own", lot.id, revA["电施-01"]!).catch(inChinese),
    ).rejects.toThrow(/现行版次/);
    const after = lotContentHash((await getLot(db, lot.id, supervisor, "any"))!);
    expect(after).not.toBe(before);

    const pdf = await drawingSetPdf([{ number: "E-03", title: "RISER", revision: "B" }]);
    await confirmed(pdf, spec({ pageLines: ["电施-03"] }));
    const refs = await lotDrawingRefs(db, lot.id);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({
      revisionId: revA["电施-03"],
      status: "superseded",
      needsAcknowledgement: true,
      newer: { revision: "B" },
    });
    await transitionLot(db, contractorA, "own", lot.id, "submit", null);
    await expect(
      transitionLot(db, supervisor, "any", lot.id, "accept", null),
    ).rejects.toMatchObject({
      code: "lot:errors.drawingsUnacknowledged",
      params: { list: "电施-03 A" },
    });
    await expect(
      acknowledgeLotDrawingRef(db, contractorA, "own", lot.id, revA["电施-03"]!).catch(inChinese),
    ).rejects.toThrow(/监理/);
    await acknowledgeLotDrawingRef(db, supervisor, "any", lot.id, revA["电施-03"]!);
    const acked = await lotDrawingRefs(db, lot.id);
    expect(acked[0]).toMatchObject({
      needsAcknowledgement: false,
      acknowledgedBy: expect.any(String),
    });
    // The reference stays on the revision it was made against.
    expect(acked[0]!.revisionId).toBe(revA["电施-03"]);
    expect(await db.auditEvent.count({ where: { action: "lot.drawing.acknowledge" } })).toBe(1);
    await transitionLot(db, supervisor, "any", lot.id, "accept", null);

    // The signature binds the drawing references: verified clean, and a removed reference shows.
    const report = await verifyDatabase(db, storage, storage);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
    expect(report.signedRecords).toBe(1);
    await db.lotDrawingRef.deleteMany({ where: { lotId: lot.id } });
    const tampered = await verifyDatabase(db, storage, storage);
    expect(tampered.recordBreaks.map((b) => b.code)).toEqual([
      "audit:verify.lot.drawingsChanged",
      "audit:verify.lot.hashMismatch",
    ]);
  });

  it("the verifier notices a drawing image that was replaced on disk", async () => {
    const rev = await db.drawingRevision.findUniqueOrThrow({ where: { id: revA["电施-02"]! } });
    const file = path.join(root, drawingKey("full", rev.imageSha256!));
    fs.writeFileSync(file, "not the drawing");
    const report = await verifyDatabase(db, storage, storage);
    expect(report.recordBreaks.filter((b) => b.entityType === "DrawingRevision")).toEqual([
      {
        entityType: "DrawingRevision",
        entityId: rev.id,
        label: {
          code: "audit:verify.label.drawing",
          params: { number: "电施-02", revision: "A" },
        },
        code: "audit:verify.drawing.altered.full",
        params: { actual: expect.stringMatching(/^[0-9a-f]{16}$/) },
      },
    ]);
  });
});
