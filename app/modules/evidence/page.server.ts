import type { Db } from "~/infra/db.server";
import zh from "~/locales/zh-CN/evidence";
import { can, type Scope } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { DOCUMENT_MAX_BYTES } from "~/modules/files/document-store.server";
import { getPlan } from "~/modules/plan/plan.server";
import { getCompound } from "~/modules/site/queries.server";
import { testPlaces } from "./assemble";
import { divisionEvidence } from "./evidence.server";
import { ruleWords } from "./judge";
import { CONCEALED_KIND, requirementFor } from "./requirements";
import { judgeSpecOf } from "./specs.server";

const KIND_OF = new Map(Object.entries(zh.kinds).map(([k, v]) => [v, k as keyof typeof zh.kinds]));
const TEST_OF = new Map(
  Object.entries(zh.testNames).map(([k, v]) => [v, k as keyof typeof zh.testNames]),
);

/**
 * The compound's evidence page for the viewer: each 分部 of the plan with its documents, tests,
 * gaps, the forms' choices (kinds to upload, places to test) and what the viewer may do. Null
 * when the compound is not theirs to see.
 */
export async function evidencePage(db: Db, user: CurrentUser, scope: Scope, compoundId: string) {
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) return null;
  const plan = await getPlan(db, compound.id);
  const evidence = await divisionEvidence(db, compound.id);
  const divisionOf = new Map(plan?.subItems.map((s) => [s.id, s.division]) ?? []);
  const places = (plan?.lots ?? []).map((l) => ({
    ...l,
    division: divisionOf.get(l.subItemId) ?? "",
  }));
  const divisions = evidence.map((d) => {
    const req = requirementFor(d.division);
    return {
      ...d,
      // the catalogue keys of the Chinese names a gap carries, to word them in the reader's language
      gapWords: d.gaps.map((g) => ({
        kind: "kind" in g.params ? (KIND_OF.get(g.params.kind) ?? null) : null,
        test: "test" in g.params ? (TEST_OF.get(g.params.test) ?? null) : null,
      })),
      uploadKinds: req.documents.filter((k) => k !== CONCEALED_KIND),
      testForms: req.tests.map((t) => {
        const spec = judgeSpecOf(t.item);
        return {
          code: t.code,
          clause: `${spec.standard} §${spec.clause}`,
          verified: !spec.unverified,
          rule: ruleWords(spec),
          attributes: t.attributes,
          needsDesign: spec.comparison === "statistic",
          places: testPlaces(places, d.division, t.workTypes),
        };
      }),
    };
  });
  return {
    compound: { id: compound.id, name: compound.name },
    planStatus: plan ? (plan.status === "approved" ? "approved" : "draft") : null,
    divisions,
    maxMb: DOCUMENT_MAX_BYTES / 1024 / 1024,
    canUpload: can(user, "lot.record"),
    canReview: can(user, "lot.review"),
    canTest: can(user, "lot.record"),
  };
}
export type EvidencePageData = NonNullable<Awaited<ReturnType<typeof evidencePage>>>;
