import type { LoaderFunctionArgs } from "@remix-run/node";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { noticePdf } from "~/modules/report/notice-pdf.server";
import { pdfResponse } from "~/modules/report/pdf.server";

/** The signed 监理通知单 and its 回复单, in the language of record (decision 0024). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "notice.view") ?? forbidden("notice.view");
  const result = await noticePdf(db, user, scope, params.noticeId ?? "");
  if (!result) notFound("notice");
  return pdfResponse(result.pdf, result.file);
}
