import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRenderPolling } from "~/components/drawing/render-state";
import type { MessageParams } from "~/infra/domain-error";
import { useFormat } from "~/modules/i18n/use-format";
import type { ExportKind } from "~/modules/report/export-kinds.server";

/**
 * A register page's export button: a POST (the filter travels as the page's query string).
 * A plain form post, so the browser follows the answer: a small export downloads at once, a
 * large one opens its page (decision 0038).
 */
export function ExportButton({ kind, label }: { kind: ExportKind; label: string }) {
  const { search } = useLocation();
  return (
    <Form method="post" action="/exports/start" reloadDocument className="export-form">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="query" value={search.replace(/^\?/, "")} />
      <button type="submit" className="button">
        {label}
      </button>
    </Form>
  );
}

/** The link to the exports list beside the export buttons. */
export function ExportsLink({ label }: { label: string }) {
  return (
    <Link className="button" to="/exports">
      {label}
    </Link>
  );
}

export type ExportRow = {
  id: string;
  kind: ExportKind;
  status: "queued" | "running" | "ready" | "failed";
  pending: boolean;
  stale: boolean;
  rowCount: number;
  bytes: number | null;
  error: { code: string; params: MessageParams } | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
};

/** 生成中 / 已完成 / 失败. */
export function ExportStatus({ row }: { row: ExportRow }) {
  const { t } = useTranslation("defect");
  const tone = row.status === "failed" ? " badge-danger" : row.pending ? " badge-warn" : "";
  return (
    <span className={`badge${tone}`} data-testid="export-status">
      {t(`exports.status.${row.status}`)}
    </span>
  );
}

/** 12.3 KB, 4.5 MB. */
export function useFileSize() {
  const f = useFormat();
  return (bytes: number | null) => {
    if (bytes === null) return "—";
    if (bytes < 1024 * 1024) return `${f.number(bytes / 1024, 1)} KB`;
    return `${f.number(bytes / 1024 / 1024, 1)} MB`;
  };
}

/** Revalidates every 2 s while any export shown is still being built. */
export function useExportPolling(rows: ExportRow[]) {
  useRenderPolling(rows.some((r) => r.pending));
}

/** The reason of a failed export, in the reader's language. */
export function useExportError() {
  const { t } = useTranslation("defect");
  return (row: ExportRow) =>
    row.error
      ? (t as unknown as (key: string, params: MessageParams) => string)(
          row.error.code,
          row.error.params,
        )
      : t("exports.errors.buildFailed");
}
