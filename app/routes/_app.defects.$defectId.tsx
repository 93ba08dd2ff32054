import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  type ClientActionFunctionArgs,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DefectFacts, DefectHistory } from "~/components/defect/defect-panels";
import { DefectWorkflow } from "~/components/defect/defect-workflow";
import { DefectPhotos } from "~/components/defect-photos";
import { usePhotoViewer } from "~/components/lot-photos";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireSignedIn, requireUser } from "~/modules/auth/require-user.server";
import { defectPageTransition } from "~/modules/defect/defect-transition-command.server";
import { transitionSchema } from "~/modules/defect/forms";
import { defectPage } from "~/modules/defect/pages.server";
import { pagePostKey } from "~/modules/lot/command-form.server";
import { useOutdatedSince } from "~/modules/offline/hooks";
import { keepDataAfterOfflinePost } from "~/modules/offline/revalidate";
import type { PhotoView } from "~/modules/photo/view";
import drawingStyles from "~/styles/drawings.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect", "photo"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: drawingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "defect.view");
  const page = await defectPage(db, user, scope, params.defectId ?? "");
  if (!page) notFound("defect");
  const t = await requestT(request);
  return { ...page, title: t("page.meta", { ns: "defect", number: page.defect.number }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireSignedIn(request); // before the body: the intent inside picks the permission
  const t = await requestT(request);
  const form = await request.formData();
  const submission = parseSubmission(form, transitionSchema(t), t);
  if (submission.status !== "success") return replyInvalid(submission);
  const { intent, comment } = submission.value;
  const { user, scope, db } = await requireUser(
    request,
    intent === "close" || intent === "return" ? "defect.review" : "defect.rectify",
  );
  try {
    const next = await defectPageTransition(
      db,
      user,
      scope,
      params.defectId ?? "",
      { action: intent, comment },
      pagePostKey(form),
    );
    return {
      ...submission.reply({ resetForm: true }),
      done: t("page.updated", { ns: "defect", state: next }),
    };
  } catch (error) {
    return replyError(submission, error, t);
  }
}

// An answer the browser gave itself offline: the page keeps its data (a fetch would fail).
export const shouldRevalidate = keepDataAfterOfflinePost;

export async function clientAction({ request, params, serverAction }: ClientActionFunctionArgs) {
  // Its code not to be had (offline before the service worker kept it): the post goes as before.
  const post = await import("~/modules/defect/offline-post.client").catch(() => null);
  if (!post) return serverAction<typeof action>();
  return post.defectPagePost(request, params.defectId ?? "", serverAction<typeof action>);
}

type ServerAnswer = ReturnType<typeof useActionData<typeof action>>;

export default function DefectPage() {
  const { defect, actions, history, photos, pin } = useLoaderData<typeof loader>();
  const { t } = useTranslation("defect");
  const markable = new Set(
    [photos.before, photos.after].flatMap((side) =>
      side.canUpload ? side.photos.map((p) => p.id) : [],
    ),
  );
  const { openViewer, viewer } = usePhotoViewer({ canMarkup: (id) => markable.has(id) });
  const bySha = new Map<string, PhotoView>(
    [...photos.before.photos, ...photos.after.photos].map((p) => [p.sha256, p]),
  );
  const answer = useActionData<typeof clientAction>();
  const offline = answer && "offlinePost" in answer ? answer : null;
  const result = offline ? undefined : (answer as ServerAnswer);
  const busy = useNavigation().state !== "idle";
  const queuedSent = useOutdatedSince(offline, defect.base);
  const done: string | null =
    result && "done" in result
      ? String(result.done)
      : offline?.offlinePost === "queued" && !queuedSent
        ? t("workflow.queued", { action: offline.action })
        : null;
  // With no buttons left (the defect moved on meanwhile) the refusal has no form to sit in.
  const orphaned = actions.length === 0 && result?.error ? Object.values(result.error).flat() : [];
  return (
    <>
      <PageHeader
        title={<span translate="no">{defect.title}</span>}
        crumbs={[
          { to: "/defects", label: t("list.title") },
          { to: `/compounds/${defect.compound.id}`, label: defect.compound.name, data: true },
        ]}
        subtitle={
          <>
            {t("page.subtitle", { number: defect.number })}
            <span translate="no">{defect.contractor}</span>
          </>
        }
        actions={
          <span
            className={`badge defect-status defect-${defect.status}`}
            data-testid="defect-status"
          >
            {t(`status.${defect.status}`)}
          </span>
        }
      />
      {done ? (
        <p className="alert" role="status">
          {done}
        </p>
      ) : offline ? (
        <p className="alert alert-error" role="alert">
          {t(
            offline.offlinePost === "photosFirst"
              ? "workflow.photosFirst"
              : `errors.transition.commentRequired.${offline.action === "reply" ? "reply" : "return"}`,
          )}
        </p>
      ) : orphaned.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {orphaned.join(" ")}
        </p>
      ) : null}
      <DefectFacts defect={defect} pin={pin} />
      <DefectPhotos
        defectId={defect.id}
        offline={{ label: `${defect.number} ${defect.title}`, base: defect.base }}
        before={photos.before}
        after={photos.after}
        maxFileBytes={photos.maxFileBytes}
        onOpen={openViewer}
      />
      {actions.length > 0 ? (
        <DefectWorkflow
          defect={defect}
          actions={actions}
          unreplied={photos.unreplied}
          busy={busy}
          lastResult={result}
        />
      ) : null}
      <DefectHistory history={history} bySha={bySha} onOpen={openViewer} />
      {viewer}
    </>
  );
}
