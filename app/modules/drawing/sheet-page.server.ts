import type { Db } from "~/infra/db.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { revisionView } from "./drawings.server";
import { unpinnedDefects } from "./pins.server";
import { parseRenderError } from "./render-job.server";
import { renderStalled } from "./render-stall";

/**
 * One revision's page: the sheet, its revisions, the pins of defects the viewer may see, and for
 * whoever may raise defects the compound's unpinned ones. Null when not found or not visible.
 */
export async function sheetPage(db: Db, user: Actor & { id: string }, scope: Scope, id: string) {
  const view = await revisionView(db, id, user, scope, scopeFor(user.role, "defect.view"));
  if (!view) return null;
  const { revision } = view;
  const { width, height } = revision;
  const createScope = scopeFor(user.role, "defect.create");
  const unpinned = createScope
    ? await unpinnedDefects(db, user, createScope, revision.sheet.compound.id)
    : [];
  return {
    revision: {
      id: revision.id,
      revision: revision.revision,
      status: revision.status,
      issuedOn: revision.issuedOn,
      // Null until rendered: the page shows 预览生成中 / 渲染失败 instead of the sheet.
      image: revision.renderStatus === "ready" && width && height ? { width, height } : null,
      renderStatus: revision.renderStatus,
      renderError: parseRenderError(revision.renderError),
      // its render job was queued with the upload: still pending long after, no worker runs
      renderStalled: renderStalled(revision.renderStatus, revision.uploadedAt, new Date()),
    },
    sheet: revision.sheet,
    revisions: view.revisions,
    current: view.current,
    pins: revision.pins,
    canPin: createScope !== null,
    unpinned,
  };
}
