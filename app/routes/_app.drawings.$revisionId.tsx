import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { DrawingViewer } from "~/components/drawing-viewer";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { decimalNumber } from "~/infra/zod-zh";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import {
  DEFECT_STATE_LABELS_ZH,
  DEFECT_STATES,
  type DefectState,
  isDefectState,
} from "~/modules/defect/workflow";
import type { Point } from "~/modules/drawing/coords";
import { revisionView } from "~/modules/drawing/drawings.server";
import { DrawingError } from "~/modules/drawing/errors";
import { REVISION_STATUS_LABELS_ZH } from "~/modules/drawing/labels";
import { pinDefect, unpinnedDefects } from "~/modules/drawing/pins.server";
import { formatDate } from "~/modules/site/labels";
import styles from "~/styles/drawings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.sheet.number} ${data.revision.revision}版 · 图纸 · 验收` : "图纸 · 验收",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "drawing.view");
  const view = await revisionView(
    db(),
    params.revisionId ?? "",
    user,
    scope,
    scopeFor(user.role, "defect.view"),
  );
  if (!view) notFound("drawing");
  const { revision } = view;
  const createScope = scopeFor(user.role, "defect.create");
  const unpinned = createScope
    ? await unpinnedDefects(db(), user, createScope, revision.sheet.compound.id)
    : [];
  return {
    revision: {
      id: revision.id,
      revision: revision.revision,
      status: revision.status,
      issuedOn: revision.issuedOn,
      width: revision.width,
      height: revision.height,
    },
    sheet: revision.sheet,
    revisions: view.revisions,
    current: view.current,
    pins: revision.pins,
    canPin: createScope !== null,
    unpinned,
  };
}

const PinExistingSchema = z.object({
  defectId: z.string().min(1, "请选择质量问题"),
  x: decimalNumber("标注位置不在图纸范围内"),
  y: decimalNumber("标注位置不在图纸范围内"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "defect.create");
  const parsed = parseForm(PinExistingSchema, await request.formData());
  if (!parsed.ok) return data({ message: Object.values(parsed.errors)[0] }, { status: 400 });
  try {
    await pinDefect(db(), user, scope, parsed.data.defectId, {
      revisionId: params.revisionId ?? "",
      x: parsed.data.x,
      y: parsed.data.y,
    });
    return redirect(`/drawings/${params.revisionId}`);
  } catch (error) {
    if (error instanceof DrawingError)
      return data({ message: error.message }, { status: error.status });
    throw error;
  }
}

export default function DrawingPage() {
  const { revision, sheet, revisions, current, pins, canPin, unpinned } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [placing, setPlacing] = useState(false);
  const [placed, setPlaced] = useState<Point | null>(null);
  const [shown, setShown] = useState<Set<string>>(new Set(DEFECT_STATES));
  const superseded = revision.status === "superseded";
  const counts = Object.fromEntries(
    DEFECT_STATES.map((s) => [s, pins.filter((p) => p.defect.status === s).length]),
  );
  const toggle = (s: string) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  const xy = placed ? `x=${placed.x.toFixed(5)}&y=${placed.y.toFixed(5)}` : "";
  return (
    <>
      <PageHeader
        title={`${sheet.number} ${sheet.title}`}
        crumbs={[
          { to: `/compounds/${sheet.compound.id}`, label: sheet.compound.name },
          { to: `/compounds/${sheet.compound.id}/drawings`, label: "图纸" },
        ]}
        subtitle={
          <>
            {sheet.discipline} · <strong>{revision.revision} 版</strong> ·{" "}
            <span className={`badge revision-${revision.status}`}>
              {REVISION_STATUS_LABELS_ZH[revision.status] ?? revision.status}
            </span>{" "}
            · 出图日期 {formatDate(revision.issuedOn)}
          </>
        }
      />
      {superseded ? (
        <p className="alert alert-error" role="alert">
          此版次已作废（superseded）。
          {current ? (
            <>
              现行版次为 <Link to={`/drawings/${current.id}`}>{current.revision} 版</Link>。
            </>
          ) : null}
          已标注在本版次上的问题仍留在本版次。
        </p>
      ) : null}
      {result?.message ? (
        <p className="alert alert-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <nav className="chips revision-chips" aria-label="版次">
        {revisions.map((r) => (
          <Link
            key={r.id}
            to={`/drawings/${r.id}`}
            className={`chip${r.id === revision.id ? " chip-active" : ""} revision-${r.status}`}
            aria-current={r.id === revision.id ? "page" : undefined}
          >
            {r.revision} 版{r.status === "superseded" ? "（已作废）" : "（现行）"}
          </Link>
        ))}
      </nav>
      <fieldset className="pin-filter">
        <legend>问题图钉</legend>
        {DEFECT_STATES.map((s) => (
          <label key={s} className={`chip pin-filter-${s}`}>
            <input type="checkbox" checked={shown.has(s)} onChange={() => toggle(s)} />
            <span className={`pin-dot pin-${s}`} aria-hidden="true" />
            {DEFECT_STATE_LABELS_ZH[s as DefectState]} {counts[s]}
          </label>
        ))}
      </fieldset>
      <DrawingViewer
        previewSrc={`/drawings/${revision.id}/preview`}
        fullSrc={`/drawings/${revision.id}/full`}
        width={revision.width}
        height={revision.height}
        pins={pins
          .filter((p) => shown.has(p.defect.status))
          .map((p) => ({
            id: p.id,
            x: p.x,
            y: p.y,
            status: p.defect.status,
            label: `${p.defect.number} ${p.defect.title}（${isDefectState(p.defect.status) ? DEFECT_STATE_LABELS_ZH[p.defect.status] : p.defect.status}）`,
            href: `/defects/${p.defect.id}`,
          }))}
        placing={placing}
        placed={placed}
        overlay={
          placing ? (
            <section className="panel place-panel" aria-live="polite">
              {!placed ? (
                <p>点按图纸上的位置放置图钉（可先放大）。</p>
              ) : (
                <>
                  <p>
                    已选位置。{superseded ? "注意：此版次已作废，问题将标注在作废版次上。" : ""}
                  </p>
                  <div className="workflow-buttons">
                    <Link
                      className="button button-primary"
                      to={`/defects/new?revisionId=${revision.id}&${xy}`}
                    >
                      登记新的质量问题
                    </Link>
                  </div>
                  {unpinned.length > 0 ? (
                    <Form method="post" className="form-row">
                      <input type="hidden" name="x" value={placed.x} />
                      <input type="hidden" name="y" value={placed.y} />
                      <label>
                        或标注已有问题
                        <select name="defectId" defaultValue="">
                          <option value="" disabled>
                            选择本小区未标注的问题
                          </option>
                          {unpinned.map((d) => (
                            <option key={d.id} value={d.id}>
                              {d.number} {d.title}
                            </option>
                          ))}
                        </select>
                      </label>
                      <button type="submit" className="button" disabled={busy}>
                        标注
                      </button>
                    </Form>
                  ) : null}
                </>
              )}
            </section>
          ) : null
        }
        onPlace={setPlaced}
        toolbar={
          canPin ? (
            <button
              type="button"
              className={`button${placing ? " button-primary" : ""}`}
              aria-pressed={placing}
              onClick={() => {
                setPlacing(!placing);
                setPlaced(null);
              }}
            >
              {placing ? "取消标注" : "在图纸上标注问题"}
            </button>
          ) : null
        }
      />
    </>
  );
}
