import type { Db } from "~/infra/db.server";
import type { Role } from "~/modules/auth/permissions";
import { previewDrawings, uploadDrawings } from "~/modules/drawing/drawings.server";
import { DRAWING_LIMITS } from "~/modules/drawing/limits";
import type { DrawingStorage } from "~/modules/drawing/storage.server";
import { drawingSetPdf } from "./drawing-pdf";

const SET = [
  { number: "电施-01", title: "楼道照明平面图", en: "STAIRWELL LIGHTING PLAN", discipline: "电气" },
  { number: "电施-02", title: "楼道配电系统图", en: "DISTRIBUTION SYSTEM", discipline: "电气" },
  {
    number: "水施-01",
    title: "室外排水管网平面图",
    en: "OUTDOOR DRAINAGE PLAN",
    discipline: "给排水",
  },
];

/**
 * Demo drawings for a fresh database: per compound a small A1 set issued by the design institute
 * (revision A), then a revision B of 电施-01, so the register shows a superseded revision.
 * Rendered at 3000 px instead of 5000 so a fresh start stays quick (real uploads use the full size).
 */
const DEMO_LIMITS = { ...DRAWING_LIMITS, fullLongSidePx: 3000 };

export async function seedDemoDrawings(db: Db, storage: DrawingStorage) {
  const designer = await db.user.findUniqueOrThrow({
    where: { username: "sheji" },
    select: { id: true, role: true, organizationId: true },
  });
  const viewer = { ...designer, role: designer.role as Role };
  const compounds = await db.compound.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  let sheets = 0;
  for (const [i, compound] of compounds.entries()) {
    const upload = async (
      bytes: Uint8Array,
      lines: string[],
      discipline: string,
      issued: string,
    ) => {
      const input = {
        compoundId: compound.id,
        workTypeId: null,
        issuedOn: new Date(`${issued}T00:00:00+08:00`),
        spec: {
          discipline,
          numberPrefix: "",
          startNumber: 1,
          pageLines: lines,
          defaultTitle: "",
          revision: null,
        },
        file: { name: "施工图.pdf", bytes: Buffer.from(bytes) },
      };
      // The designer confirms the new revisions the preview names (as the form asks a user to).
      const { token } = await previewDrawings(db, viewer, "any", input, { limits: DEMO_LIMITS });
      const out = await uploadDrawings(
        db,
        storage,
        viewer,
        "any",
        { ...input, confirm: token },
        // Rendered at once: the demo's sheets are complete on the first page view.
        { limits: DEMO_LIMITS, renderNow: true },
      );
      if (out.kind !== "uploaded") throw new Error("demo drawings: the preview was not confirmed");
      return out.sheets;
    };
    for (const discipline of ["电气", "给排水"]) {
      const part = SET.filter((s) => s.discipline === discipline);
      const pdf = await drawingSetPdf(
        part.map((s) => ({ number: s.number, title: s.en })),
        { detail: 8, seed: i * 10 + part.length },
      );
      const lines = part.map((s) => `${s.number} ${s.title}`);
      sheets += (await upload(pdf, lines, discipline, "2021-04-20")).length;
    }
    const revB = await drawingSetPdf(
      [{ number: SET[0]!.number, title: SET[0]!.en, revision: "B" }],
      { detail: 9, seed: i * 10 + 5 },
    );
    await upload(revB, [`${SET[0]!.number} ${SET[0]!.title}`], "电气", "2021-06-15");
  }
  return sheets;
}
