import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DrawingUploadForm, type DrawingUploadResult } from "~/components/drawing-upload-form";
import { FilterSelect } from "~/components/filter-select";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { parseMultipart } from "~/infra/multipart.server";
import { UploadError } from "~/infra/upload-error";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { dueOnIso } from "~/modules/defect/workflow";
import { drawingRegister, uploadDrawings } from "~/modules/drawing/drawings.server";
import { UploadFieldsSchema } from "~/modules/drawing/forms";
import { REVISION_STATUS_LABELS_ZH } from "~/modules/drawing/labels";
import { DRAWING_LIMITS } from "~/modules/drawing/limits";
import { nextFreeStart } from "~/modules/drawing/plan";
import { drawingStorage } from "~/modules/drawing/storage.server";
import { DrawingConfirmationNeeded } from "~/modules/drawing/upload.server";
import { formatDate } from "~/modules/site/labels";
import styles from "~/styles/drawings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `图纸 · ${data?.compound.name ?? "小区"} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "drawing.view");
  const register = await drawingRegister(db(), user, scope, params.compoundId ?? "");
  if (!register) notFound("compound");
  const canUpload = scopeFor(user.role, "drawing.upload") !== null;
  const workTypes = canUpload
    ? (await listWorkTypes(db())).map((w) => ({ id: w.id, nameZh: w.nameZh }))
    : [];
  // 按工程类别 / 专业 筛选: the choices are what the register holds.
  const url = new URL(request.url);
  const workType = url.searchParams.get("workType") || null;
  const discipline = url.searchParams.get("discipline") || null;
  const sheets = register.sheets.filter(
    (s) =>
      (!workType || s.workType?.code === workType) && (!discipline || s.discipline === discipline),
  );
  const filters = {
    workType,
    discipline,
    workTypes: [
      ...new Map(
        register.sheets.flatMap((s) => (s.workType ? [[s.workType.code, s.workType]] : [])),
      ).values(),
    ],
    disciplines: [...new Set(register.sheets.map((s) => s.discipline))],
    total: register.sheets.length,
  };
  // The default numbers continue after the register's 电施- sheets, never onto an existing one.
  const defaultStart = nextFreeStart(
    register.sheets.map((s) => s.number),
    "电施-",
  );
  return {
    ...register,
    sheets,
    filters,
    canUpload,
    workTypes,
    defaultStart,
    today: dueOnIso(new Date()),
  };
}

const tooLarge = () =>
  `文件超过 ${Math.round(DRAWING_LIMITS.maxFileBytes / 1024 / 1024)} MB 的上限，请拆分后上传`;

const answer = (result: DrawingUploadResult, status = 200) => data(result, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "drawing.upload");
  try {
    const { fields, files } = await parseMultipart(request, {
      fileBytes: DRAWING_LIMITS.maxFileBytes,
      requestBytes: DRAWING_LIMITS.maxFileBytes + 1024 * 1024,
      files: 1,
      fieldBytes: 16 * 1024,
      messages: { fileTooLarge: tooLarge, requestTooLarge: tooLarge },
    });
    const file = files[0];
    if (!file) return answer({ kind: "error", message: "请选择图纸文件（PDF 或图片）" }, 400);
    const parsed = UploadFieldsSchema.safeParse(fields);
    if (!parsed.success)
      return answer({ kind: "error", message: parsed.error.issues[0]!.message }, 400);
    const { issuedOn, workTypeId, confirm, ...spec } = parsed.data;
    const out = await uploadDrawings(db(), drawingStorage(), user, scope, {
      compoundId: params.compoundId ?? "",
      workTypeId,
      issuedOn,
      spec,
      file,
      confirm,
    });
    return answer({
      kind: "done",
      message: `已上传 ${out.length} 张图纸：${out.map((o) => `${o.number} ${o.revision}版`).join("、")}`,
    });
  } catch (error) {
    // Nothing stored yet: the user sees which sheets would be superseded and confirms.
    if (error instanceof DrawingConfirmationNeeded)
      return answer({
        kind: "confirm",
        message: error.message,
        token: error.token,
        pages: error.pages.map(({ number, revision, supersedes }) => ({
          number,
          revision,
          supersedes,
        })),
      });
    if (error instanceof UploadError)
      return answer({ kind: "error", message: error.message }, error.status);
    throw error;
  }
}

export default function DrawingRegister() {
  const { compound, sheets, filters, canUpload, workTypes, today, defaultStart } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Only while the upload itself runs: the reload of the register after it shows the result already.
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="图纸"
        crumbs={[
          { to: `/projects/${compound.project.id}`, label: compound.project.name },
          { to: `/compounds/${compound.id}`, label: compound.name },
        ]}
        subtitle={`${compound.name} 设计图纸目录 · ${filters.total} 张`}
      />
      {filters.total > 0 ? (
        <Form method="get" className="filters panel" aria-label="筛选图纸">
          <FilterSelect
            name="workType"
            label="工程类别"
            value={filters.workType}
            options={filters.workTypes.map((w) => ({ value: w.code, label: w.nameZh }))}
          />
          <FilterSelect
            name="discipline"
            label="专业"
            value={filters.discipline}
            options={filters.disciplines.map((d) => ({ value: d, label: d }))}
          />
          <button type="submit" className="button">
            筛选
          </button>
          {sheets.length !== filters.total ? (
            <span className="muted">显示 {sheets.length} 张</span>
          ) : null}
        </Form>
      ) : null}
      {sheets.length === 0 ? (
        <p className="empty">
          {filters.total === 0 ? "尚未上传图纸。" : "没有符合筛选条件的图纸。"}
        </p>
      ) : (
        <table className="table drawing-register">
          <thead>
            <tr>
              <th>图号</th>
              <th>图名</th>
              <th>专业</th>
              <th>版次</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((s) => {
              const current = s.revisions.find((r) => r.status === "current");
              return (
                <tr key={s.id}>
                  <td>
                    {current ? (
                      <Link className="button sheet-link" to={`/drawings/${current.id}`}>
                        {s.number}
                      </Link>
                    ) : (
                      s.number
                    )}
                  </td>
                  <td>
                    {s.title}
                    {s.workType ? <small className="muted"> · {s.workType.nameZh}</small> : null}
                  </td>
                  <td>{s.discipline}</td>
                  <td>
                    <div className="chips">
                      {s.revisions.map((r) => (
                        <Link
                          key={r.id}
                          to={`/drawings/${r.id}`}
                          className={`chip revision-${r.status}`}
                          title={`出图 ${formatDate(r.issuedOn)}${r._count.pins ? ` · ${r._count.pins} 个问题图钉` : ""}`}
                        >
                          {r.revision} 版 {REVISION_STATUS_LABELS_ZH[r.status]}
                          {r._count.pins ? ` · ${r._count.pins}` : ""}
                        </Link>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {canUpload ? (
        <DrawingUploadForm
          result={result}
          busy={busy}
          workTypes={workTypes}
          today={today}
          defaultStart={defaultStart}
        />
      ) : null}
    </>
  );
}
