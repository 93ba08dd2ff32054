import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import { type ReactElement, useEffect, useRef, useState } from "react";
import { ErrorPage } from "~/components/error-page";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import {
  ChecklistEditSchema,
  type EditFormValues,
  editErrors,
  editValuesFromForm,
  emptyValues,
  type ItemField,
  type ItemValues,
  itemCode,
  QUANTITIES,
  QUANTITY_LABELS,
  valuesFromItem,
} from "~/modules/checklist/edit-schema";
import { ITEM_METHODS } from "~/modules/checklist/labels";
import {
  ChecklistPublishError,
  getChecklistForEdit,
  publishChecklistVersion,
} from "~/modules/checklist/publish.server";
import { msg } from "~/modules/lot/verdict-message";
import { verdictTextZh } from "~/modules/lot/verdict-text";
import { formatDate } from "~/modules/site/labels";
import styles from "~/styles/checklist-edit.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `编辑检查表 · ${data?.checklist.workType.nameZh ?? ""} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "checklist.publish");
  const checklist = await getChecklistForEdit(db(), params.code ?? "");
  if (!checklist) notFound("checklist");
  return { checklist };
}

type ActionResult = {
  values: EditFormValues;
  errors: Record<string, string>;
  message: string;
  stale: boolean;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request, "checklist.publish");
  const code = params.code ?? "";
  const values = editValuesFromForm(await request.formData());
  const parsed = ChecklistEditSchema.safeParse(values);
  if (!parsed.success) {
    const errors = editErrors(parsed.error);
    return data<ActionResult>(
      {
        values,
        errors,
        message: `有 ${Object.keys(errors).length} 处需要修改（见标红的栏目），未发布新版本。`,
        stale: false,
      },
      { status: 400 },
    );
  }
  try {
    const published = await publishChecklistVersion(db(), {
      workTypeCode: code,
      basedOnVersion: parsed.data.basedOnVersion,
      actorId: user.id,
      changeNote: parsed.data.changeNote,
      items: parsed.data.items,
    });
    return redirect(`/work-types/${encodeURIComponent(code)}?v=${published.version}`);
  } catch (error) {
    if (!(error instanceof ChecklistPublishError)) throw error;
    if (error.status === 404) notFound("checklist");
    return data<ActionResult>(
      { values, errors: {}, message: error.message, stale: error.status === 409 },
      { status: error.status },
    );
  }
}

type Kind = "main" | "general";
type Draft = {
  key: string;
  values: ItemValues;
  open: boolean;
  removed: boolean;
  hasLookupTable: boolean;
};

export default function EditChecklist() {
  const { checklist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workType, version } = checklist;
  return (
    <>
      <PageHeader
        title={`编辑检查表：${workType.nameZh}`}
        crumbs={[
          { to: "/work-types", label: "检查表库" },
          { to: `/work-types/${workType.code}`, label: workType.nameZh },
        ]}
        subtitle={`基于第 ${version} 版（${formatDate(checklist.publishedAt)} 发布 · ${checklist.changeNote}）`}
      />
      <EditForm checklist={checklist} answer={actionData ?? null} />
    </>
  );
}

type Checklist = ReturnType<typeof useLoaderData<typeof loader>>["checklist"];

function EditForm({ checklist, answer }: { checklist: Checklist; answer: ActionResult | null }) {
  const { workType, version } = checklist;
  // Item errors are keyed by position: adding, removing or moving an item drops them.
  const [errors, setErrors] = useState<Record<string, string>>(answer?.errors ?? {});
  const dropItemErrors = () =>
    setErrors((all) =>
      Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith("items"))),
    );
  const lookupCodes = new Set(checklist.items.filter((i) => i.hasLookupTable).map((i) => i.code));
  const [drafts, setDrafts] = useState<Draft[]>(() => {
    const start = answer?.values.items ?? checklist.items.map(valuesFromItem);
    // Keys are also element ids: the same on the server and in the browser.
    return start.map((values, index) => ({
      key: values.code || `new-${index}`,
      values,
      open: Object.keys(errors).some((k) => k.startsWith(`items.${index}.`)),
      removed: false,
      hasLookupTable: lookupCodes.has(values.code),
    }));
  });
  const added = useRef(0);
  const focusNew = useRef<string | null>(null);
  const busy = useNavigation().state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);

  // The form keeps what was typed (its inputs are the browser's); an answer with errors opens
  // the cards concerned, then the first wrong field gets the focus.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    setErrors(answer?.errors ?? {});
    if (!answer || Object.keys(answer.errors).length === 0) return;
    const wrong = (i: number) =>
      Object.keys(answer.errors).some((k) => k.startsWith(`items.${i}.`));
    setDrafts((all) => {
      const posted = (["main", "general"] as const).flatMap((kind) =>
        all.filter((d) => !d.removed && d.values.kind === kind),
      );
      const open = new Set(posted.filter((_, i) => wrong(i)).map((d) => d.key));
      return all.map((d) => (open.has(d.key) && !d.open ? { ...d, open: true } : d));
    });
    setFocusRequest((n) => n + 1);
  }, [answer]);
  useEffect(() => {
    if (focusRequest === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    first?.focus();
    first?.scrollIntoView({ block: "center" });
  }, [focusRequest]);

  useEffect(() => {
    if (!focusNew.current) return;
    const text = document.getElementById(`${focusNew.current}-textZh`);
    focusNew.current = null;
    text?.scrollIntoView({ block: "center" });
    text?.focus();
  });

  const update = (key: string, change: (d: Draft) => Draft) =>
    setDrafts((all) => all.map((d) => (d.key === key ? change(d) : d)));

  function move(key: string, direction: -1 | 1) {
    dropItemErrors();
    setDrafts((all) => {
      const index = all.findIndex((d) => d.key === key);
      const me = all[index];
      if (!me) return all;
      let other = index + direction;
      while (all[other] && (all[other]?.removed || all[other]?.values.kind !== me.values.kind)) {
        other += direction;
      }
      const target = all[other];
      if (!target) return all;
      const next = [...all];
      next[index] = target;
      next[other] = me;
      return next;
    });
  }

  function add(kind: Kind) {
    const key = `added-${++added.current}`;
    focusNew.current = key;
    dropItemErrors();
    setDrafts((all) => [
      ...all,
      {
        key,
        values: emptyValues({ kind, method: "observe", numericQuantity: "absolute" }),
        open: true,
        removed: false,
        hasLookupTable: false,
      },
    ]);
  }

  // Posted in display order: main items, then general ones (the server numbers them so too).
  const groups = (["main", "general"] as const).map((kind) => ({
    kind,
    drafts: drafts.filter((d) => d.values.kind === kind),
  }));
  let index = 0;
  const errorCount = Object.keys(errors).length;

  return (
    <Form method="post" noValidate ref={formRef} className="edit-form">
      <input type="hidden" name="basedOnVersion" value={answer?.values.basedOnVersion ?? version} />
      {answer ? (
        <div className="alert alert-error" role="alert">
          <p>{answer.message}</p>
          {answer.stale ? (
            <p>
              <a className="button" href={`/work-types/${workType.code}/edit`}>
                打开最新版本重新编辑
              </a>
            </p>
          ) : null}
          {errors.items ? <p>{errors.items}</p> : null}
        </div>
      ) : null}
      <section className="panel edit-intro">
        <p>
          发布后生成<b>第 {version + 1} 版</b>：第 {version} 版及更早版本保持不变，
          已开的检验批继续按其开立时的版本检查，之后新开的检验批使用新版本。
        </p>
        <label className="field">
          <span>修改说明（必填，记入版本记录）</span>
          <textarea
            name="changeNote"
            rows={2}
            maxLength={500}
            defaultValue={answer?.values.changeNote ?? ""}
            placeholder="例如：SR-M5 扶手高度下限按设计变更调整"
            aria-invalid={errors.changeNote ? true : undefined}
            aria-describedby={errors.changeNote ? "changeNote-error" : undefined}
          />
          {errors.changeNote ? (
            <em className="field-error" id="changeNote-error">
              {errors.changeNote}
            </em>
          ) : null}
        </label>
      </section>

      {groups.map((group) => {
        const live = group.drafts.filter((d) => !d.removed);
        let newCount = 0;
        return (
          <section key={group.kind} aria-label={verdictTextZh(msg(`kinds.${group.kind}`))}>
            <h2>
              {verdictTextZh(msg(`kinds.${group.kind}`))} <small>{live.length} 项</small>
            </h2>
            <ol className="edit-items">
              {group.drafts.map((draft) => {
                if (draft.removed) {
                  return (
                    <li key={draft.key} className="edit-removed">
                      <span>
                        已删除 <b>{draft.values.code}</b> {draft.values.textZh}
                      </span>
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          dropItemErrors();
                          update(draft.key, (d) => ({ ...d, removed: false }));
                        }}
                      >
                        恢复
                      </button>
                    </li>
                  );
                }
                const i = index++;
                const position = live.indexOf(draft);
                const provisional = draft.values.code
                  ? null
                  : itemCode(checklist.prefix, group.kind, checklist.next[group.kind] + newCount++);
                return (
                  <ItemCard
                    key={draft.key}
                    draft={draft}
                    index={i}
                    number={position + 1}
                    provisional={provisional}
                    errors={errors}
                    canUp={position > 0}
                    canDown={position < live.length - 1}
                    onMove={(direction) => move(draft.key, direction)}
                    onRemove={() => {
                      dropItemErrors();
                      if (draft.values.code) update(draft.key, (d) => ({ ...d, removed: true }));
                      else setDrafts((all) => all.filter((d) => d.key !== draft.key));
                    }}
                    onToggle={(open) =>
                      draft.open !== open && update(draft.key, (d) => ({ ...d, open }))
                    }
                    onTextChange={(textZh) =>
                      update(draft.key, (d) => ({ ...d, values: { ...d.values, textZh } }))
                    }
                  />
                );
              })}
            </ol>
            <button type="button" className="button edit-add" onClick={() => add(group.kind)}>
              ＋ 新增{verdictTextZh(msg(`kinds.${group.kind}`))}
            </button>
          </section>
        );
      })}

      <div className="edit-actions">
        {errorCount > 0 ? (
          <span className="field-error">有 {errorCount} 处需要修改</span>
        ) : (
          <span className="muted">基于第 {version} 版</span>
        )}
        <Link className="button" to={`/work-types/${workType.code}`}>
          取消
        </Link>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "正在发布…" : `发布第 ${version + 1} 版`}
        </button>
      </div>
    </Form>
  );
}

function ItemCard({
  draft,
  index,
  number,
  provisional,
  errors,
  canUp,
  canDown,
  onMove,
  onRemove,
  onTextChange,
  onToggle,
}: {
  draft: Draft;
  index: number;
  number: number;
  provisional: string | null;
  errors: Record<string, string>;
  canUp: boolean;
  canDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onTextChange: (text: string) => void;
  onToggle: (open: boolean) => void;
}) {
  const { values } = draft;
  const name = (field: ItemField) => `items.${index}.${field}`;
  const hasErrors = Object.keys(errors).some((k) => k.startsWith(`items.${index}.`));
  const label = values.code || `新增项目 ${provisional ?? ""}`.trim();
  const field = (
    f: ItemField,
    text: string,
    input: (props: {
      name: string;
      id: string;
      "aria-invalid"?: true;
      "aria-describedby"?: string;
    }) => ReactElement,
    className = "",
  ) => {
    const error = errors[name(f)];
    const id = `${draft.key}-${f}`;
    return (
      <div className={`field ${className}`}>
        <label htmlFor={id}>{text}</label>
        {input({
          name: name(f),
          id,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${id}-error` : undefined,
        })}
        {error ? (
          <em className="field-error" id={`${id}-error`}>
            {error}
          </em>
        ) : null}
      </div>
    );
  };
  return (
    <li className={`edit-item edit-item-${values.kind}`} data-code={values.code || undefined}>
      <input type="hidden" name={name("code")} value={values.code} />
      <input type="hidden" name={name("kind")} value={values.kind} />
      <div className="edit-item-tools">
        <button
          type="button"
          className="button"
          onClick={() => onMove(-1)}
          disabled={!canUp}
          aria-label={`上移 ${label}`}
        >
          上移
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onMove(1)}
          disabled={!canDown}
          aria-label={`下移 ${label}`}
        >
          下移
        </button>
        <button
          type="button"
          className="button button-remove"
          onClick={onRemove}
          aria-label={`删除 ${label}`}
        >
          删除
        </button>
      </div>
      <details open={draft.open} onToggle={(e) => onToggle(e.currentTarget.open)}>
        <summary>
          <span className="item-no">
            {number}
            <small>{values.code || "新增"}</small>
          </span>
          <span className="edit-summary-text">
            {values.textZh || (provisional ? `新项目，发布后编号 ${provisional}` : "（未填写）")}
          </span>
          {hasErrors ? <span className="badge badge-danger">需修改</span> : null}
        </summary>
        <div className="edit-grid">
          {field(
            "textZh",
            "检查内容",
            (p) => (
              <textarea
                {...p}
                rows={3}
                defaultValue={values.textZh}
                onChange={(e) => onTextChange(e.currentTarget.value)}
              />
            ),
            "span-all",
          )}
          {field(
            "textEn",
            "英文说明（可不填，默认用中文）",
            (p) => (
              <input {...p} defaultValue={values.textEn} />
            ),
            "span-all",
          )}
          {field("method", "检查方法", (p) => (
            <select {...p} defaultValue={values.method}>
              {ITEM_METHODS.map((value) => (
                <option key={value} value={value}>
                  {verdictTextZh(msg(`methods.${value}`))}
                </option>
              ))}
            </select>
          ))}
          {field("tolerance", "允许偏差/限值（文字）", (p) => (
            <input {...p} defaultValue={values.tolerance} />
          ))}
          <fieldset className="edit-numeric span-all">
            <legend>自动判定（填写单位和上、下限后，实测值由系统判定；不判定则单位留空）</legend>
            {field("numericUnit", "单位", (p) => (
              <input {...p} defaultValue={values.numericUnit} placeholder="如 m、mm、MΩ" />
            ))}
            {field("numericMin", "下限", (p) => (
              <input {...p} inputMode="decimal" defaultValue={values.numericMin} />
            ))}
            {field("numericMax", "上限", (p) => (
              <input {...p} inputMode="decimal" defaultValue={values.numericMax} />
            ))}
            {field("numericQuantity", "判定对象", (p) => (
              <select {...p} defaultValue={values.numericQuantity || "absolute"}>
                {QUANTITIES.map((q) => (
                  <option key={q} value={q}>
                    {QUANTITY_LABELS[q]}
                  </option>
                ))}
              </select>
            ))}
            {field("numericTarget", "设计值", (p) => (
              <input {...p} inputMode="decimal" defaultValue={values.numericTarget} />
            ))}
            {field("numericCondition", "适用条件", (p) => (
              <input {...p} defaultValue={values.numericCondition} />
            ))}
            {field(
              "numericNote",
              "判定备注",
              (p) => (
                <input {...p} defaultValue={values.numericNote} />
              ),
              "span-all",
            )}
          </fieldset>
          {field(
            "samplePlan",
            "检查数量",
            (p) => (
              <input {...p} defaultValue={values.samplePlan} />
            ),
            "span-all",
          )}
          {field(
            "source",
            "依据（规范及条文）",
            (p) => (
              <textarea {...p} rows={2} defaultValue={values.source} />
            ),
            "span-all",
          )}
          <label className="edit-check span-all">
            <input
              type="checkbox"
              name={name("verified")}
              defaultChecked={values.verified === "on"}
            />
            <span>依据已核实（已对照规范原文）</span>
          </label>
          {draft.hasLookupTable ? (
            <p className="muted span-all">
              此项目含查表数据（如按管径的允许渗水量），发布时沿用上一版。
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
