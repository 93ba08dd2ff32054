import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { createDefect, transitionDefect } from "~/modules/defect/defects.server";
import { defaultDueOn } from "~/modules/defect/workflow";
import { createLot } from "~/modules/lot/create.server";
import { getLot, lotContentHash } from "~/modules/lot/lots.server";
import type { Shape } from "~/modules/photo/annotation";
import {
  annotatedDisplay,
  annotationPermission,
  saveAnnotation,
} from "~/modules/photo/annotation.server";
import { attachDefectPhoto } from "~/modules/photo/defect-photos.server";
import { attachLotPhoto } from "~/modules/photo/photos.server";
import { sha256Of } from "~/modules/photo/pipeline.server";
import { LocalPhotoStorage, photoKey } from "~/modules/photo/storage.server";
import { lotPhotosForPdf, thumbsForPdf } from "~/modules/report/photo-thumbs.server";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { testDb } from "../support/test-db";

const root = path.join(TMP_DIR, `annotation-${process.pid}-${Date.now()}`);
const storage = new LocalPhotoStorage(root);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const SHAPES: Shape[] = [
  { kind: "arrow", x1: 0.1, y1: 0.5, x2: 0.9, y2: 0.5, color: "red" },
  { kind: "text", x: 0.1, y: 0.2, text: "栏杆高度不足", color: "yellow" },
];

/** Share of strongly red pixels along the arrow's row. */
async function redShare(image: Buffer) {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const y = Math.round(info.height * 0.5);
  let red = 0;
  for (let x = Math.round(info.width * 0.2); x < Math.round(info.width * 0.8); x++) {
    const i = (y * info.width + x) * 3;
    if ((data[i] ?? 0) > 180 && (data[i + 1] ?? 255) < 90 && (data[i + 2] ?? 255) < 90) red++;
  }
  return red / (info.width * 0.6);
}

describe("photo markup", () => {
  const db = testDb({ seeded: true });
  type U = { id: string; role: "supervisor" | "contractor"; organizationId: string };
  let supervisor: U;
  let contractorA: U;
  let contractorB: U;
  let lotId: string;
  let photoId: string;
  let original: Buffer;

  beforeAll(async () => {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true },
    });
    const u = (name: string) => users.find((x) => x.username === name) as U;
    supervisor = u("jianli");
    contractorA = u("shigong1");
    contractorB = u("shigong2");
    const place = await db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "desc" },
    });
    const lot = await createLot(db, supervisor, "any", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    lotId = lot.id;
    original = await cameraJpeg({ width: 800, height: 600, seed: 7 });
    const { photo } = await attachLotPhoto(
      db,
      storage,
      supervisor,
      "any",
      { lotId, itemId: null },
      {
        bytes: original,
        name: "栏杆.jpg",
      },
    );
    photoId = photo.id;
  });

  it("saves the layer as a new version with its audit event; the original stays byte-exact", async () => {
    const before = await lotContentHash((await getLot(db, lotId, supervisor, "any"))!);
    const saved = await saveAnnotation(db, supervisor, "any", photoId, SHAPES);
    expect(saved.version).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "photo.annotate", entityId: photoId },
      select: { payload: true, actorId: true },
    });
    expect(event.actorId).toBe(supervisor.id);
    expect(JSON.parse(event.payload)).toMatchObject({
      version: 1,
      sha256: saved.sha256,
      shapes: 2,
    });

    const row = await db.photo.findUniqueOrThrow({
      where: { id: photoId },
      select: { sha256: true, displaySha256: true },
    });
    const onDisk = fs.readFileSync(path.join(root, photoKey("original", row.sha256)));
    expect(sha256Of(onDisk)).toBe(sha256Of(original));
    expect(row.sha256).toBe(sha256Of(original));

    // The signature covers the markup: the lot's content hash moves with it.
    const after = lotContentHash((await getLot(db, lotId, supervisor, "any"))!);
    expect(after).not.toBe(before);
    // The same layer again is no new version.
    expect((await saveAnnotation(db, supervisor, "any", photoId, SHAPES)).version).toBe(1);
    expect(lotContentHash((await getLot(db, lotId, supervisor, "any"))!)).toBe(after);
  });

  it("draws the layer on the display copy and on the PDF's copy; the plain display copy is unchanged", async () => {
    const row = await db.photo.findUniqueOrThrow({
      where: { id: photoId },
      select: { id: true, displaySha256: true },
    });
    const plain = fs.readFileSync(path.join(root, photoKey("display", row.displaySha256)));
    expect(sha256Of(plain)).toBe(row.displaySha256);
    const shown = await annotatedDisplay(db, row, storage);
    expect(await redShare(plain)).toBeLessThan(0.05);
    expect(await redShare(shown!.bytes)).toBeGreaterThan(0.9);
    const [pdfPhoto] = await lotPhotosForPdf(db, lotId, storage);
    expect(pdfPhoto?.label).toContain("已标注");
    expect(await redShare(pdfPhoto!.image)).toBeGreaterThan(0.9);
  });

  it("refuses another contractor (404) and any change once the lot is signed (409), changing nothing", async () => {
    const rows = await db.photoAnnotation.count();
    const events = await db.auditEvent.count();
    await expect(saveAnnotation(db, contractorB, "own", photoId, [])).rejects.toMatchObject({
      status: 404,
    });
    // The lot as signed: status accepted (the sign-off itself is tested in lots.test.ts).
    await db.inspectionLot.update({ where: { id: lotId }, data: { status: "accepted" } });
    const refused = saveAnnotation(db, supervisor, "any", photoId, []);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      status: 409,
      code: "photo:errors.lotAccepted",
    });
    expect(await db.photoAnnotation.count()).toBe(rows);
    expect(await db.auditEvent.count()).toBe(events);
  });

  describe("on a defect's photos: who may add them may mark them up, until the defect is closed", () => {
    let defectId: string;
    let beforeId: string;
    let afterId: string;
    let beforeOriginal: Buffer;
    const unchanged = async () => ({
      layers: await db.photoAnnotation.count(),
      events: await db.auditEvent.count(),
    });

    beforeAll(async () => {
      const nh = await db.compound.findFirstOrThrow({
        where: { code: "NH" },
        select: { id: true },
      });
      const defect = await createDefect(db, supervisor, {
        from: "compound",
        compoundId: nh.id,
        contractorOrgId: contractorA.organizationId,
        placeLabel: "3栋2单元 楼梯",
        title: "栏杆立杆间距过大",
        description: "",
        severity: "general",
        dueOn: defaultDueOn("general", new Date()),
      });
      defectId = defect.id;
      beforeOriginal = await cameraJpeg({ width: 800, height: 600, seed: 21 });
      const before = await attachDefectPhoto(
        db,
        storage,
        supervisor,
        "any",
        { defectId, role: "before" },
        { bytes: beforeOriginal, name: "整改前.jpg" },
      );
      beforeId = before.photo.id;
    });

    it("整改前: the supervisor marks it up, the contractor may not; the original and the plain thumbnail stay as they were", async () => {
      expect(await annotationPermission(db, beforeId)).toBe("defect.create");
      const was = await unchanged();
      await expect(saveAnnotation(db, contractorA, "own", beforeId, SHAPES)).rejects.toMatchObject({
        status: 403,
        message: "只有监理可以标注整改前照片",
      });
      expect(await unchanged()).toEqual(was);

      const saved = await saveAnnotation(db, supervisor, "any", beforeId, SHAPES);
      expect(saved.version).toBe(1);
      const row = await db.photo.findUniqueOrThrow({
        where: { id: beforeId },
        select: { sha256: true, thumbSha256: true },
      });
      const onDisk = fs.readFileSync(path.join(root, photoKey("original", row.sha256)));
      expect(sha256Of(onDisk)).toBe(sha256Of(beforeOriginal));
      const thumb = fs.readFileSync(path.join(root, photoKey("thumb", row.thumbSha256)));
      expect(sha256Of(thumb)).toBe(row.thumbSha256);
      expect(await redShare(thumb)).toBeLessThan(0.05);
      // The defect register and notice PDFs print these thumbnails: with the markup drawn on.
      const printed = await thumbsForPdf(db, [beforeId], storage);
      expect(await redShare(printed.get(beforeId)!)).toBeGreaterThan(0.8);
    });

    it("整改后: only the assigned contractor while rectifying; another contractor finds nothing", async () => {
      await transitionDefect(db, contractorA, "own", defectId, "acknowledge", null);
      const after = await attachDefectPhoto(
        db,
        storage,
        contractorA,
        "own",
        { defectId, role: "after" },
        { bytes: await cameraJpeg({ width: 800, height: 600, seed: 22 }), name: "整改后.jpg" },
      );
      afterId = after.photo.id;
      expect(await annotationPermission(db, afterId)).toBe("defect.rectify");
      const was = await unchanged();
      await expect(saveAnnotation(db, supervisor, "any", afterId, SHAPES)).rejects.toMatchObject({
        status: 403,
      });
      await expect(saveAnnotation(db, contractorB, "own", afterId, SHAPES)).rejects.toMatchObject({
        status: 404,
      });
      expect(await unchanged()).toEqual(was);
      expect((await saveAnnotation(db, contractorA, "own", afterId, SHAPES)).version).toBe(1);
    });

    it("once closed, no markup changes on either side (409) and nothing is written", async () => {
      await transitionDefect(db, contractorA, "own", defectId, "reply", "已按图纸加装立杆");
      // Replied: the 整改后 photos are what the supervisor reviews, no longer the contractor's to mark.
      await expect(saveAnnotation(db, contractorA, "own", afterId, [])).rejects.toMatchObject({
        status: 409,
      });
      await transitionDefect(db, supervisor, "any", defectId, "close", "复查合格");
      const was = await unchanged();
      for (const [who, scope, id] of [
        [supervisor, "any", beforeId],
        [contractorA, "own", afterId],
      ] as const)
        await expect(saveAnnotation(db, who, scope, id, [])).rejects.toMatchObject({
          status: 409,
          message: "质量问题已关闭，照片及其标注不能再修改",
        });
      expect(await unchanged()).toEqual(was);
    });
  });
});
