import type { Db } from "~/infra/db.server";
import { heavyImageWork } from "~/infra/image-work.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { defectWhere } from "~/modules/defect/access.server";
import { compoundWhere } from "~/modules/site/access.server";
import { revisionWhere } from "./access.server";
import { DrawingError } from "./errors";
import { DRAWING_LIMITS, type DrawingLimits } from "./limits";
import { planSheets, type SetSpec } from "./plan";
import { inspectSource, renderSource } from "./render.server";
import { compareRevisions } from "./revision";
import { type DrawingStorage, drawingKey } from "./storage.server";

type Viewer = Actor & { id: string };

export type DrawingUpload = {
  compoundId: string;
  workTypeId: string | null;
  issuedOn: Date;
  spec: SetSpec;
  file: { name: string; bytes: Buffer };
};

async function removeUnreferenced(db: Db, storage: DrawingStorage, created: string[]) {
  for (const key of created) {
    const sha = key.slice(key.lastIndexOf("/") + 1);
    const used = await db.drawingRevision.count({
      where: { OR: [{ sourceSha256: sha }, { imageSha256: sha }, { previewSha256: sha }] },
    });
    if (used === 0) await storage.remove(key);
  }
}

/**
 * Uploads a PDF set or one image: check the file, plan each page's sheet and revision, render,
 * store the files, then in one transaction create sheets and revisions, supersede the previous
 * current revisions, and record every change. A refusal leaves no file and no row.
 */
export async function uploadDrawings(
  db: Db,
  storage: DrawingStorage,
  viewer: Viewer,
  scope: Scope,
  input: DrawingUpload,
  options: { now?: Date; limits?: DrawingLimits } = {},
) {
  const limits = options.limits ?? DRAWING_LIMITS;
  const compound = await db.compound.findFirst({
    where: { AND: [{ id: input.compoundId }, compoundWhere(viewer, scope)] },
    select: { id: true },
  });
  if (!compound) throw new DrawingError("小区不存在或您无权查看", 404);
  if (input.workTypeId) {
    const wt = await db.workType.count({ where: { id: input.workTypeId } });
    if (wt === 0) throw new DrawingError("工程类别不存在", 400);
  }
  if (input.file.bytes.length > limits.maxFileBytes)
    throw new DrawingError(
      `文件超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB 的上限`,
      413,
    );
  const source = await inspectSource(input.file.bytes, input.file.name, limits);
  const sheets = await db.drawingSheet.findMany({
    where: { compoundId: compound.id },
    select: {
      id: true,
      number: true,
      revisions: { where: { status: "current" }, select: { id: true, revision: true } },
    },
  });
  const currentByNumber = new Map(sheets.map((s) => [s.number, s.revisions[0]?.revision ?? null]));
  const plan = planSheets(source.pages.length, input.spec, currentByNumber);
  const rendered = await heavyImageWork(() =>
    renderSource(
      input.file.bytes,
      input.file.name,
      source.format,
      plan.map((p) => p.pageIndex),
      limits,
    ),
  );
  const now = options.now ?? new Date();
  const created: string[] = [];
  try {
    const files: [string, Buffer][] = [
      [drawingKey("source", source.sha256), input.file.bytes],
      ...rendered.flatMap((r): [string, Buffer][] => [
        [drawingKey("full", r.full.sha256), r.full.bytes],
        [drawingKey("preview", r.preview.sha256), r.preview.bytes],
      ]),
    ];
    for (const [key, bytes] of files)
      if ((await storage.put(key, bytes)).created) created.push(key);

    return await db.$transaction(async (tx) => {
      const out: { revisionId: string; number: string; revision: string }[] = [];
      for (const page of plan) {
        const r = rendered.find((x) => x.pageIndex === page.pageIndex)!;
        const existing = sheets.find((s) => s.number === page.number);
        const sheet = existing
          ? await tx.drawingSheet.update({
              where: { id: existing.id },
              data: { title: page.title, discipline: input.spec.discipline },
              select: { id: true },
            })
          : await tx.drawingSheet.create({
              data: {
                compoundId: compound.id,
                workTypeId: input.workTypeId,
                number: page.number,
                title: page.title,
                discipline: input.spec.discipline,
              },
              select: { id: true },
            });
        const revision = await tx.drawingRevision.create({
          data: {
            sheetId: sheet.id,
            revision: page.revision,
            issuedOn: input.issuedOn,
            status: "current",
            sourceSha256: source.sha256,
            sourceFormat: source.format,
            pageIndex: page.pageIndex,
            imageSha256: r.full.sha256,
            previewSha256: r.preview.sha256,
            width: r.full.width,
            height: r.full.height,
            previewWidth: r.preview.width,
            previewHeight: r.preview.height,
            uploadedById: viewer.id,
            uploadedAt: now,
          },
          select: { id: true },
        });
        const previous = existing?.revisions[0];
        if (previous) {
          // Guarded by status: a concurrent upload of the same sheet finds nothing to supersede.
          const { count } = await tx.drawingRevision.updateMany({
            where: { id: previous.id, status: "current" },
            data: { status: "superseded", supersededAt: now, supersededById: revision.id },
          });
          if (count !== 1)
            throw new DrawingError(`图纸 ${page.number} 刚被他人更新，请刷新后重试`, 409);
          await recordEvent(
            tx,
            {
              actorId: viewer.id,
              action: "drawing.revision.supersede",
              entityType: "DrawingRevision",
              entityId: previous.id,
              data: {
                number: page.number,
                revision: previous.revision,
                supersededById: revision.id,
              },
            },
            now,
          );
        }
        await recordEvent(
          tx,
          {
            actorId: viewer.id,
            action: "drawing.revision.upload",
            entityType: "DrawingRevision",
            entityId: revision.id,
            data: {
              compoundId: compound.id,
              number: page.number,
              title: page.title,
              discipline: input.spec.discipline,
              revision: page.revision,
              issuedOn: input.issuedOn.toISOString(),
              sourceSha256: source.sha256,
              pageIndex: page.pageIndex,
              imageSha256: r.full.sha256,
              previewSha256: r.preview.sha256,
              supersedes: previous?.id ?? null,
            },
          },
          now,
        );
        out.push({ revisionId: revision.id, number: page.number, revision: page.revision });
      }
      return out;
    });
  } catch (error) {
    await removeUnreferenced(db, storage, created);
    if (error instanceof Error && "code" in error && error.code === "P2002")
      throw new DrawingError("图号或版次与刚上传的图纸冲突，请刷新后重试", 409);
    throw error;
  }
}

/** A compound's drawing register: sheets by number, each with all its revisions, newest first. */
export async function drawingRegister(db: Db, viewer: Actor, scope: Scope, compoundId: string) {
  const compound = await db.compound.findFirst({
    where: { AND: [{ id: compoundId }, compoundWhere(viewer, scope)] },
    select: { id: true, name: true, code: true, project: { select: { id: true, name: true } } },
  });
  if (!compound) return null;
  const sheets = await db.drawingSheet.findMany({
    where: { compoundId },
    select: {
      id: true,
      number: true,
      title: true,
      discipline: true,
      workType: { select: { code: true, nameZh: true } },
      revisions: {
        select: {
          id: true,
          revision: true,
          status: true,
          issuedOn: true,
          uploadedAt: true,
          supersededAt: true,
          _count: { select: { pins: true } },
        },
      },
    },
    orderBy: { number: "asc" },
  });
  return {
    compound,
    sheets: sheets.map((s) => ({
      ...s,
      revisions: [...s.revisions].sort((a, b) => compareRevisions(b.revision, a.revision)),
    })),
  };
}

export const REVISION_FILE_SELECT = {
  id: true,
  imageSha256: true,
  previewSha256: true,
  sourceSha256: true,
} as const;

/** The stored file names of a revision, only if the viewer may see its compound. */
export async function findViewableRevision(
  db: Db,
  revisionId: string,
  viewer: Actor,
  scope: Scope,
) {
  return db.drawingRevision.findFirst({
    where: { AND: [{ id: revisionId }, revisionWhere(viewer, scope)] },
    select: REVISION_FILE_SELECT,
  });
}

/**
 * One revision for the viewer: sheet, its other revisions (the newest current one named), and
 * the pins of defects the viewer may see (none when the viewer may see no defects).
 */
export async function revisionView(
  db: Db,
  revisionId: string,
  viewer: Actor,
  scope: Scope,
  defectScope: Scope | null,
) {
  const revision = await db.drawingRevision.findFirst({
    where: { AND: [{ id: revisionId }, revisionWhere(viewer, scope)] },
    select: {
      id: true,
      revision: true,
      status: true,
      issuedOn: true,
      supersededAt: true,
      width: true,
      height: true,
      previewWidth: true,
      previewHeight: true,
      sheet: {
        select: {
          id: true,
          number: true,
          title: true,
          discipline: true,
          compound: { select: { id: true, name: true } },
          revisions: { select: { id: true, revision: true, status: true } },
        },
      },
      pins: {
        where: { defect: defectWhere(viewer, defectScope) },
        select: {
          id: true,
          x: true,
          y: true,
          defect: { select: { id: true, number: true, title: true, status: true } },
        },
      },
    },
  });
  if (!revision) return null;
  const revisions = [...revision.sheet.revisions].sort((a, b) =>
    compareRevisions(b.revision, a.revision),
  );
  const current = revisions.find((r) => r.status === "current") ?? null;
  return { revision, revisions, current: current && current.id !== revision.id ? current : null };
}
