/**
 * Demo 隐蔽工程验收 records (GB 50300-2013 §3.0.6-5), built through the module functions: signed
 * where the demo's lots covering concealed work are submitted or accepted (the lot guard needs
 * them before those lots are submitted), and one still waiting for the supervisor.
 */
import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import { createConcealed } from "~/modules/concealed/notify.server";
import { CONCEALED_STEPS, concealedStepOf } from "~/modules/concealed/rules";
import { signChecked } from "~/modules/concealed/sign.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { demoPhoto } from "./demo-photo";

export type ConcealedPlace = {
  compoundId: string;
  workTypeCode: string;
  placeKind: string;
  placeId: string;
};

/** A drawn signature as the pad sends it: one stroke of ink on a transparent canvas. */
export async function demoSignature() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 120 110, 180 40 S 260 90, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return readSignature(`data:image/png;base64,${png.toString("base64")}`);
}

const CONTENT: Record<string, string> = {
  "stairwell-wiring":
    "墙内暗敷 PVC 导管 Φ20，剔槽深度满足保护层 ≥15mm，接线盒固定牢靠，M10 水泥砂浆抹面保护。",
  "rain-sewer-network": "HDPE 双壁波纹管 DN300，砂石基础厚 150mm，承插接口，闭水试验合格。",
  "septic-tank": "池底 C15 垫层 100mm，底板及池壁钢筋 HRB400 Φ12@200，防水砂浆抹面。",
};

/**
 * The contractor holding the compound's contract notifies with a photo; with `sign` the
 * supervisor (jianli) signs it. Returns the record's id.
 */
export async function concealedRecordAt(
  db: Db,
  storage: PhotoStorage,
  place: ConcealedPlace,
  options: { sign: boolean; at?: Date; seed?: number; supervisor?: string },
) {
  const contract = await db.contract.findFirstOrThrow({
    where: { compoundId: place.compoundId },
    select: { contractorOrgId: true },
    orderBy: { name: "asc" },
  });
  const contractor = await db.user.findFirstOrThrow({
    where: { organizationId: contract.contractorOrgId, role: "contractor", active: true },
    select: { id: true, organizationId: true },
    orderBy: { username: "asc" },
  });
  const at = options.at ?? new Date();
  const record = await createConcealed(
    db,
    storage,
    { ...contractor, role: "contractor" },
    {
      ...place,
      content: CONTENT[place.workTypeCode] ?? concealedStepOf(place.workTypeCode)?.work ?? "",
    },
    { bytes: await demoPhoto("after", options.seed ?? 0), name: "concealed.jpg" },
    at,
  );
  if (options.sign) {
    const supervisor = await db.user.findUniqueOrThrow({
      where: { username: options.supervisor ?? "jianli" },
      select: { id: true, organizationId: true },
    });
    await signChecked(
      db,
      { ...supervisor, role: "supervisor" },
      "any",
      record.id,
      { image: await demoSignature(), opinion: "" },
      new Date(at.getTime() + 86_400_000),
    );
  }
  return record.id;
}

type DemoLot = {
  compound: string;
  building: number;
  unit: number;
  workType: string;
  step: string;
  on: string;
};

/**
 * For the demo's lots (the approved plan of 县农行老旧小区 asks for them): a signed record at
 * every 单元 whose concealed step a submitted or accepted lot depends on, dated ten days before
 * the first such lot; then one record still waiting for the supervisor at its last planned 单元.
 */
export async function seedDemoConcealed(db: Db, storage: PhotoStorage, lots: DemoLot[]) {
  const plans = await db.inspectionPlan.findMany({
    where: { status: "approved" },
    select: { compoundId: true, lots: { select: { workTypeCode: true, placeId: true } } },
  });
  const compounds = await db.compound.findMany({
    where: { id: { in: plans.map((p) => p.compoundId) } },
    select: { id: true, code: true },
  });
  const signed = new Set<string>();
  let seed = 0;
  for (const lot of lots) {
    const compound = compounds.find((c) => c.code === lot.compound);
    if (!compound || lot.step === "draft") continue;
    // the lot's own concealed step, or the one its work covers (wall finishing → conduits)
    const steps = CONCEALED_STEPS.filter(
      (s) => s.workTypeCode === lot.workType || s.coveredBy.includes(lot.workType),
    );
    if (steps.length === 0) continue;
    const stairwell = await db.stairwell.findFirstOrThrow({
      where: { seq: lot.unit, building: { seq: lot.building, compoundId: compound.id } },
      select: { id: true },
    });
    for (const { workTypeCode } of steps) {
      const key = `${workTypeCode}|${stairwell.id}`;
      if (signed.has(key)) continue;
      signed.add(key);
      const at = new Date(`${lot.on}T09:00:00+08:00`);
      await concealedRecordAt(
        db,
        storage,
        { compoundId: compound.id, workTypeCode, placeKind: "stairwell", placeId: stairwell.id },
        { sign: true, at: new Date(at.getTime() - 10 * 86_400_000), seed: seed++ },
      );
    }
  }
  // one waiting for the supervisor: the demo compound's last planned 单元 (its wiring is not started)
  const nh = compounds.find((c) => c.code === "NH");
  const plan = plans.find((p) => p.compoundId === nh?.id);
  const next = plan?.lots
    .filter(
      (l) => l.workTypeCode === "stairwell-wiring" && !signed.has(`stairwell-wiring|${l.placeId}`),
    )
    .at(-1);
  if (nh && next)
    await concealedRecordAt(
      db,
      storage,
      {
        compoundId: nh.id,
        workTypeCode: "stairwell-wiring",
        placeKind: "stairwell",
        placeId: next.placeId,
      },
      { sign: false, at: new Date("2021-07-20T09:00:00+08:00"), seed: seed++ },
    );
}
