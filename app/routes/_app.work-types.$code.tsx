import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChecklistItems } from "~/components/checklist/checklist-items";
import { DataName } from "~/components/checklist/data-text";
import { PageHeader } from "~/components/page-header";
import { z } from "~/infra/zod";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { getWorkTypeChecklist } from "~/modules/checklist/queries.server";
import { requestChecklistT } from "~/modules/checklist/words.server";
import { useFormat } from "~/modules/i18n/use-format";

export const handle = { i18n: ["checklist"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const QuerySchema = z.object({ v: z.coerce.number().int().positive().optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "workType.view");
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const checklist = await getWorkTypeChecklist(
    db,
    params.code ?? "",
    query.success ? query.data.v : undefined,
  );
  if (!checklist) notFound("checklist");
  const { lng, t } = await requestChecklistT(request);
  const name = lng === "en" ? checklist.workType.nameEn : checklist.workType.nameZh;
  return {
    title: t("workType.pageTitle", { name }),
    checklist,
    canPublish: scopeFor(user.role, "checklist.publish") !== null,
  };
}

export default function WorkTypeChecklist() {
  const { checklist, canPublish } = useLoaderData<typeof loader>();
  const { t } = useTranslation("checklist");
  const format = useFormat();
  const { workType, template, versions, isCurrent } = checklist;
  return (
    <>
      <PageHeader
        title={<DataName zh={workType.nameZh} en={workType.nameEn} />}
        crumbs={[{ to: "/work-types", label: t("library.title") }]}
        actions={
          canPublish ? (
            <Link className="button button-primary" to={`/work-types/${workType.code}/edit`}>
              {t("workType.edit")}
            </Link>
          ) : null
        }
      />
      <section className="panel">
        <p>
          <b>{t("workType.standards")}</b>
          <span translate="no">{workType.standards.join(t("library.listSeparator"))}</span>
        </p>
        <p>
          <b>{t("workType.division")}</b>
          <span translate="no">{workType.division}</span>
        </p>
        <p>
          <b>{t("workType.lotDivision")}</b>
          <span translate="no">{workType.lotDivision}</span>
        </p>
      </section>
      <section className="version-bar" aria-label={t("workType.versions")}>
        <span>
          {t("workType.published", {
            version: template.version,
            date: format.date(template.publishedAt),
          })}
          {template.publishedBy ? (
            <>
              {" · "}
              <span translate="no">{template.publishedBy.displayName}</span>
            </>
          ) : null}
          {" · "}
          <span translate="no">{template.changeNote}</span>
        </span>
        {!isCurrent ? <span className="badge badge-warn">{t("workType.oldVersion")}</span> : null}
        {versions.length > 1 ? (
          <span className="chips">
            {versions.map((v) => (
              <Link
                key={v.version}
                className={v.version === template.version ? "chip chip-active" : "chip"}
                to={`?v=${v.version}`}
              >
                {t("workType.version", { version: v.version })}
              </Link>
            ))}
          </span>
        ) : null}
      </section>
      <ChecklistItems items={template.items} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
