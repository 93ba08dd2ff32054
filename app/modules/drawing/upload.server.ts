import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { UploadedFile } from "~/infra/multipart.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { compoundWhere } from "~/modules/site/access.server";
import { DRAWING_LIMITS, type DrawingLimits } from "./limits";
import { type PlannedSheet, planSheets, type SetSpec, supersessionToken } from "./plan";
import { inspectSource } from "./render.server";
import { enqueueRender, markRenderFailed, renderRevision } from "./render-job.server";
import { type DrawingStorage, drawingKey, putDrawing, removeUnreferenced } from "./storage.server";

type Viewer = Actor & { id: string };

export type DrawingUpload = {
  compoundId: string;
  workTypeId: string | null;
  issuedOn: Date;
  spec: SetSpec;
  /** a spooled upload (checked from disk, stored with putFile), or bytes in hand (seed, scripts) */
  file: UploadedFile | { name: string; bytes: Buffer };
  /**
   * The supersessions the uploader confirmed (`supersessionToken` of the preview); required
   * to equal the plan's whenever a page would become a new revision of an existing sheet.
   */
  confirm?: string | null;
};

/**
 * What an upload did: stored these sheets, or stored nothing because it would supersede existing
 * sheets and the uploader has not confirmed exactly that (`changed`: a confirmation was given but
 * the plan is no longer what was confirmed).
 */
export type UploadOutcome =
  | { kind: "uploaded"; sheets: { revisionId: string; number: string; revision: string }[] }
  | { kind: "confirm"; pages: PlannedSheet[]; token: string; changed: boolean };

type CurrentRevision = { id: string; revision: string; sourceSha256: string; pageIndex: number };

/** Pages identical to their sheet's current revision: refused, naming them (409). */
function identical(hits: { number: string; revision: string }[]) {
  const [first] = hits;
  return hits.length === 1 && first
    ? new DomainError("drawing:errors.identical", { params: { ...first } })
    : new DomainError("drawing:errors.identicalMany", {
        params: { numbers: hits.map((h) => h.number).join(", ") },
      });
}

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
  if (!compound) throw new DomainError("drawing:errors.compoundNotFound", { status: 404 });
  if (input.workTypeId) {
    const wt = await db.workType.count({ where: { id: input.workTypeId } });
    if (wt === 0)
      throw new DomainError("drawing:errors.unknownWorkType", { status: 400, field: "workTypeId" });
  }
  const file = input.file;
  if (("bytes" in file ? file.bytes.length : file.size) > limits.maxFileBytes)
    throw new DomainError("drawing:errors.tooLarge", {
      status: 413,
      params: { mb: Math.round(limits.maxFileBytes / 1024 / 1024) },
    });
  const source = await inspectSource("bytes" in file ? file.bytes : file, file.name, limits);
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
  if (sameSource.length > 0) throw identical(sameSource);
  return { compound, source, sheets, plan, token: supersessionToken(plan) };
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

/** Renders the revisions in this process; a failure is recorded on the revision (渲染失败). */
async function renderAll(
  db: Db,
  storage: DrawingStorage,
  sheets: { revisionId: string }[],
  limits: DrawingLimits,
) {
  for (const { revisionId } of sheets)
    await renderRevision(db, storage, revisionId, { limits }).catch((error: unknown) =>
      db.$transaction((tx) => markRenderFailed(tx, revisionId, error)),
    );
}

/**
 * Uploads a PDF set or one image: check the file, plan each page's sheet and revision (refusing
 * pages identical to their current revision, and supersessions not confirmed), store the source
 * file, then in one transaction create sheets and revisions (pending: 预览生成中), supersede the
 * previous current revisions, record every change and enqueue each page's `drawing.render` job
 * (render-job.server.ts). A refusal leaves no file and no row. `renderNow` (seed, scripts)
 * renders right after the commit in this process; the queued jobs then find nothing to do.
 */
export async function uploadDrawings(
  db: Db,
  storage: DrawingStorage,
  viewer: Viewer,
  scope: Scope,
  input: DrawingUpload,
  options: { now?: Date; limits?: DrawingLimits; renderNow?: boolean } = {},
): Promise<UploadOutcome> {
  const limits = options.limits ?? DRAWING_LIMITS;
  const { compound, source, sheets, plan, token } = await planUpload(
    db,
    viewer,
    scope,
    input,
    limits,
  );
  if (token !== "" && input.confirm !== token)
    return { kind: "confirm", pages: plan, token, changed: Boolean(input.confirm) };
  const now = options.now ?? new Date();
  const created: string[] = [];
  try {
    const sourceKey = drawingKey("source", source.sha256);
    if ((await putDrawing(storage, sourceKey, input.file)).created) created.push(sourceKey);

    const outcome = await db.$transaction(async (tx) => {
      const out: { revisionId: string; number: string; revision: string }[] = [];
      for (const page of plan) {
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
            renderStatus: "pending",
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
            throw new DomainError("drawing:errors.changedMeanwhile", {
              params: { number: page.number },
            });
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
              supersedes: previous?.id ?? null,
            },
          },
          now,
        );
        await enqueueRender(tx, revision.id);
        out.push({ revisionId: revision.id, number: page.number, revision: page.revision });
      }
      return { kind: "uploaded" as const, sheets: out };
    });
    if (options.renderNow) await renderAll(db, storage, outcome.sheets, limits);
    return outcome;
  } catch (error) {
    await removeUnreferenced(db, storage, created);
    if (error instanceof Error && "code" in error && error.code === "P2002")
      throw new DomainError("drawing:errors.conflict", { status: 409 });
    throw error;
  }
}
