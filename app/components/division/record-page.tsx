import type { SubmissionResult } from "@conform-to/react";
import { useActionData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Crumb, PageHeader } from "~/components/page-header";

type Outcome = { done: string; intent: string } | SubmissionResult<string[]>;

/** The record pages' action outcome: a confirmation, or the failed form's result and intent. */
export function useRecordOutcome() {
  const result = useActionData<Outcome>();
  const busy = useNavigation().state !== "idle";
  const done = result && "done" in result ? result.done : null;
  const failed = result && !("done" in result) ? result : undefined;
  return { busy, done, failed, failedIntent: failed?.initialValue?.intent };
}

/**
 * The top of a 分部 or 分项 record: the header (crumbs back to the compound and its 分部 list),
 * the action's confirmation, the record's facts (`children`: <dt>/<dd> pairs) and its PDF.
 */
export function RecordHeader({
  compound,
  crumbs = [],
  title,
  subtitle,
  done,
  pdfHref,
  children,
}: {
  compound: { id: string; name: string };
  crumbs?: Crumb[];
  title: ReactNode;
  subtitle: string;
  done: string | null;
  pdfHref: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("division");
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { to: `/compounds/${compound.id}`, label: compound.name, data: true },
          { to: `/compounds/${compound.id}/divisions`, label: t("list.title") },
          ...crumbs,
        ]}
        subtitle={subtitle}
      />
      {done ? (
        <p className="alert" role="status">
          {done}
        </p>
      ) : null}
      <section className="panel">
        <dl className="facts">
          <dt>{t("facts.compound")}</dt>
          <dd translate="no">{compound.name}</dd>
          {children}
        </dl>
        <a className="button" href={pdfHref} download>
          {t("pdf.download")}
        </a>
      </section>
    </>
  );
}
