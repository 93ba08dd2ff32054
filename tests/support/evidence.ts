import type { Db } from "~/infra/db.server";
import { testPlaces } from "~/modules/evidence/assemble";
import {
  reviewEvidenceDocument,
  uploadEvidenceDocument,
} from "~/modules/evidence/documents.server";
import { CONCEALED_KIND, kindNameZh, requirementFor } from "~/modules/evidence/requirements";
import { recordFunctionTest } from "~/modules/evidence/tests.server";
import { documentStorage } from "~/modules/files/document-store.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { getPlan } from "~/modules/plan/plan.server";
import { drawingSetPdf } from "../../prisma/seed/drawing-pdf";

/**
 * Values that pass each stairwell test of the data table (GB 50303-2015 §17.1.2 绝缘电阻 ≥ 0.5 MΩ,
 * §21.1.2 住宅照明 8 h; GB 50009 §5.5.2 栏杆顶部水平荷载 1.0 kN/m). Outdoor tests are not needed by
 * the fixture compounds, which have no zones.
 */
const PASSING: Record<string, string> = {
  insulation: "5.2 3.8",
  lightingTrial: "24",
  railingLoad: "1.2",
};

/**
 * 质量控制资料 and 安全和功能检验 complete for every 分部 of the compound's plan: one checked PDF per
 * required kind (the 隐蔽工程验收记录 come from the concealed-work records) and one passing test
 * at every place a test is required, through the module functions.
 */
export async function completeEvidence(
  db: Db,
  compoundId: string,
  storage: PhotoStorage = documentStorage("evidence"),
) {
  const user = (username: string) =>
    db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const [contractor, supervisor] = await Promise.all([user("shigong1"), user("jianli")]);
  const plan = await getPlan(db, compoundId);
  if (!plan) throw new Error("no plan");
  const divisionOf = new Map(plan.subItems.map((s) => [s.id, s.division]));
  const places = plan.lots.map((l) => ({ ...l, division: divisionOf.get(l.subItemId) ?? "" }));
  let seed = 1;
  for (const division of new Set(plan.subItems.map((s) => s.division))) {
    const req = requirementFor(division);
    for (const kind of req.documents.filter((k) => k !== CONCEALED_KIND)) {
      const bytes = await drawingSetPdf([{ number: `QC-${seed}`, title: kind }], {
        size: { width: 595, height: 842 },
        detail: 1,
        seed: seed++,
      });
      const form = new FormData();
      form.set("division", division);
      form.set("kind", kind);
      form.set("title", kindNameZh(kind));
      form.set("file", new Blob([new Uint8Array(bytes)]), `${kind}.pdf`);
      const request = new Request("http://localhost/fixture", { method: "POST", body: form });
      const doc = await uploadEvidenceDocument(db, storage, contractor, compoundId, request);
      await reviewEvidenceDocument(db, supervisor, compoundId, {
        intent: "check",
        documentId: doc.id,
      });
    }
    for (const test of req.tests)
      for (const place of testPlaces(places, division, test.workTypes)) {
        const values = PASSING[test.code];
        if (!values) throw new Error(`no passing values for ${test.code}`);
        await recordFunctionTest(db, contractor, compoundId, {
          division,
          code: test.code,
          place: place.key,
          values,
          testedOn: new Date(),
          tester: "德江县建设工程质量检测站",
        });
      }
  }
}
