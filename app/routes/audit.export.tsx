import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportChain } from "~/modules/audit/verify.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { isoDay } from "~/modules/i18n/dates";

/** The whole chain as JSON lines, for `npm run audit:verify -- --file`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "audit.view");
  const lines = exportChain(db);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const stamp = isoDay(new Date());
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="yanshou-audit-${stamp}.jsonl"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
