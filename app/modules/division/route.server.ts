/**
 * The loaders and actions of the two record pages (分部 附录G, 分项 附录F): authorise the viewer,
 * find the record the URL names through the site access rules (a 404 when the viewer may not see
 * it), then build the page, or parse the form and call the command. The routes only pick which.
 */
import type { Params } from "@remix-run/react";
import type { Db } from "~/infra/db.server";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import type { z } from "~/infra/zod";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import type { Scope } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import type { CurrentUser } from "~/modules/auth/session.server";
import { divisionAction, signSubItemFromForm } from "./actions.server";
import { divisionForms } from "./forms";
import { divisionPage, subItemPage } from "./page.server";

type RecordPage<P, S extends z.ZodType<{ intent: string }>> = {
  find: (db: Db, user: CurrentUser, scope: Scope, params: Params) => Promise<P | null>;
  title: (t: AnyT, page: P) => string;
  form: (t: AnyT) => S;
  act: (db: Db, user: CurrentUser, page: P, input: z.output<S>, t: AnyT) => Promise<string>;
};

async function viewed<P>(
  request: Request,
  params: Params,
  find: RecordPage<P, z.ZodType<{ intent: string }>>["find"],
) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const page = await find(db, user, scope, params);
  if (!page) notFound();
  return { user, db, page };
}

function recordRoute<P extends object, S extends z.ZodType<{ intent: string }>>(
  r: RecordPage<P, S>,
) {
  return {
    async loader(request: Request, params: Params) {
      const { page } = await viewed(request, params, r.find);
      const t: AnyT = await requestT(request);
      return { ...page, title: r.title(t, page) };
    },
    async action(request: Request, params: Params) {
      const { user, db, page } = await viewed(request, params, r.find);
      const t = await requestT(request);
      const w: AnyT = t;
      const submission = parseSubmission(await request.formData(), r.form(w), t);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const input = submission.value;
        return { done: await r.act(db, user, page, input, w), intent: input.intent };
      } catch (error) {
        return replyError(submission, error, t);
      }
    },
  };
}

/** 分部工程质量验收记录: the 总监's 观感 rating and the seats' signatures. */
export const divisionRecord = recordRoute({
  find: (db, user, scope, p) => divisionPage(db, user, scope, p.compoundId ?? "", p.division ?? ""),
  title: (t, page) => t("division:meta.division", { name: page.record.division }),
  form: (t) => divisionForms(t).action,
  act: (db, user, page, input, t) =>
    divisionAction(db, user, page.compound.id, page.record.division, input, t),
});

/** 分项工程质量验收记录: the two seats' signatures. */
export const subItemRecord = recordRoute({
  find: (db, user, scope, p) => subItemPage(db, user, scope, p.compoundId ?? "", p.subItemId ?? ""),
  title: (t, page) => t("division:meta.subItem", { name: page.record.name }),
  form: (t) => divisionForms(t).sign,
  act: async (db, user, page, input, t) => {
    await signSubItemFromForm(db, user, page.compound.id, page.record.id, input);
    return t("division:sign.done");
  },
});
