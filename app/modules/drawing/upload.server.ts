import type { Db } from "~/infra/db.server";
import { heavyImageWork } from "~/infra/image-work.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { compoundWhere } from "~/modules/site/access.server";
import { DrawingError } from "./errors";
import { DRAWING_LIMITS, type DrawingLimits } from "./limits";
import { type PlannedSheet, planSheets, type SetSpec, supersessionToken } from "./plan";
import { inspectSource, renderSource } from "./render.server";
import { type DrawingStorage, drawingKey } from "./storage.server";

type Viewer = Actor & { id: string };

export type DrawingUpload = {
  compoundId: string;
  workTypeId: string | null;
  issuedOn: Date;
  spec: SetSpec;
  file: { name: string; bytes: Buffer };
  /**
   * The supersessions the uploader confirmed (`supersessionToken` of the preview); required
   * to equal the plan's whenever a page would become a new revision of an existing sheet.
   */
  confirm?: string | null;
};

/** The upload would supersede existing sheets and the uploader has not confirmed exactly that. */
export class DrawingConfirmationNeeded extends DrawingError {
  constructor(
    readonly pages: PlannedSheet[],
    readonly token: string,
    changed: boolean,
  ) {
    super(
      changed
        ? "图纸版次在您确认后有变化，请核对后重新确认"
        : "以下图纸将成为已有图纸的新版次，请确认后上传",
      409,
    );
  }
}

type CurrentRevision = {
  id: string;
  revision: string;
  sourceSha256: string;
  pageIndex: number;
  imageSha256: string;
};

const identicalMessage = (hits: { number: string; revision: string }[]) =>
  `图纸 ${hits.map((h) => `${h.number}（现行 ${h.revision} 版）`).join("、")}与现行版次内容完全相同（SHA-256 一致），未上传任何内容；如有修改，请上传修改后的图纸`;

/**
 * Checks the file and plans each page's sheet and revision, storing nothing: a page identical
 * to its sheet's current revision (same source file and page) is refused.
 */
async function planUpload(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  input: DrawingUpload,
  limits: DrawingLimits,
) {
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
  const rows = await db.drawingSheet.findMany({
    where: { compoundId: compound.id },
    select: {
      id: true,
      number: true,
      revisions: {
        where: { status: "current" },
        select: {
          id: true,
          revision: true,
          sourceSha256: true,
          pageIndex: true,
          imageSha256: true,
        },
      },
    },
  });
  const sheets = rows.map((s) => ({
    id: s.id,
    number: s.number,
    current: (s.revisions[0] ?? null) as CurrentRevision | null,
  }));
  const currentByNumber = new Map(sheets.map((s) => [s.number, s.current?.revision ?? null]));
  const plan = planSheets(source.pages.length, input.spec, currentByNumber);
  const currentOf = (number: string) => sheets.find((s) => s.number === number)?.current ?? null;
  const sameSource = plan.flatMap((p) => {
    const c = currentOf(p.number);
    return c && c.sourceSha256 === source.sha256 && c.pageIndex === p.pageIndex
      ? [{ number: p.number, revision: c.revision }]
      : [];
  });
  if (sameSource.length > 0) throw new DrawingError(identicalMessage(sameSource), 409);
  return { compound, source, sheets, plan, currentOf, token: supersessionToken(plan) };
}

/**
 * What an upload would do, storing nothing: each page's sheet number and revision, the current
 * revision it would supersede, and the token a confirmed upload carries.
 */
export async function previewDrawings(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  input: DrawingUpload,
  options: { limits?: DrawingLimits } = {},
) {
  const { plan, token } = await planUpload(
    db,
    viewer,
    scope,
    input,
    options.limits ?? DRAWING_LIMITS,
  );
  return { pages: plan, token };
}

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
 * Uploads a PDF set or one image: check the file, plan each page's sheet and revision (refusing
 * pages identical to their current revision, and supersessions not confirmed), render,
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
  const { compound, source, sheets, plan, currentOf, token } = await planUpload(
    db,
    viewer,
    scope,
    input,
    limits,
  );
  if (token !== "" && input.confirm !== token)
    throw new DrawingConfirmationNeeded(plan, token, Boolean(input.confirm));
  const rendered = await heavyImageWork(() =>
    renderSource(
      input.file.bytes,
      input.file.name,
      source.format,
      plan.map((p) => p.pageIndex),
      limits,
    ),
  );
  // The same page image as the current revision (e.g. the page re-exported into another PDF).
  const sameImage = plan.flatMap((p) => {
    const c = currentOf(p.number);
    const r = rendered.find((x) => x.pageIndex === p.pageIndex);
    return c && r && c.imageSha256 === r.full.sha256
      ? [{ number: p.number, revision: c.revision }]
      : [];
  });
  if (sameImage.length > 0) throw new DrawingError(identicalMessage(sameImage), 409);
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
        const previous = existing?.current;
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
