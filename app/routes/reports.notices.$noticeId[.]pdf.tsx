import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { noticePdf } from "~/modules/report/notice-pdf.server";
import { pdfResponse } from "~/modules/report/pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "report.export");
  const scope = scopeFor(user.role, "notice.view") ?? forbidden("notice.view");
  const result = await noticePdf(db(), user, scope, params.noticeId ?? "");
  if (!result) notFound("notice");
  return pdfResponse(result.pdf, `监理通知单-${result.number}.pdf`);
}
