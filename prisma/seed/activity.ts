import type { Db } from "~/infra/db.server";
import type { Actor } from "~/modules/auth/permissions";
import { createDefect, transitionDefect } from "~/modules/defect/defects.server";
import { createLot } from "~/modules/lot/create.server";
import type { EntryInput } from "~/modules/lot/entry-types";
import {
  getLot,
  saveEntry,
  saveLotPlaceData,
  saveLotRecords,
  transitionLot,
} from "~/modules/lot/lots.server";
import { FIXTURE_ATTRIBUTES, FIXTURE_QUANTITIES, passingEntry } from "~/modules/lot/passing-values";
import type { LotItemInput } from "~/modules/lot/verdict";
import { attachDefectPhoto } from "~/modules/photo/defect-photos.server";
import { type PhotoStorage, photoStorage } from "~/modules/photo/storage.server";
import { approvePlan, generateCompoundPlan } from "~/modules/plan/plan.server";
import { seedDemoConcealed } from "./demo-concealed";
import { seedDemoDivisions } from "./demo-division";
import { seedDemoEvidence } from "./demo-evidence";
import { seedDemoLadder } from "./demo-ladder";
import { demoPhoto } from "./demo-photo";

/**
 * Demo activity for the dashboards: lots and defects in both compounds, spread over the weeks
 * of the 2021 works (Apr–Jul), built through the module functions so the audit chain is real;
 * only the dates are moved back to 2021 afterwards.
 */
const day = (iso: string) => new Date(`${iso}T09:00:00+08:00`);

type Step = "draft" | "submitted" | "accepted";
const LOTS: {
  compound: string;
  contractor: string;
  building: number;
  unit: number;
  /** an outdoor zone (a road section…) instead of the 单元 */
  zone?: string;
  workType: string;
  step: Step;
  on: string;
}[] = [];
for (const [unit, on] of [
  [1, "2021-05-06"],
  [2, "2021-05-13"],
  [3, "2021-05-20"],
  [4, "2021-05-27"],
] as const) {
  LOTS.push({
    compound: "NH",
    contractor: "shigong1",
    building: 1,
    unit,
    workType: "stairwell-wiring",
    step: "accepted",
    on,
  });
  LOTS.push({
    compound: "NH",
    contractor: "shigong1",
    building: 1,
    unit,
    workType: "stair-railing",
    step: unit <= 3 ? "accepted" : "submitted",
    on: on.replace("-05-", "-06-"),
  });
  if (unit >= 3)
    LOTS.push({
      compound: "NH",
      contractor: "shigong1",
      building: 2,
      unit,
      workType: "stairwell-sound-light",
      step: unit === 3 ? "submitted" : "draft",
      on: on.replace("-05-", "-07-"),
    });
}
for (const [unit, on] of [
  [1, "2021-05-11"],
  [2, "2021-06-08"],
] as const) {
  LOTS.push({
    compound: "WZB",
    contractor: "shigong2",
    building: 1,
    unit,
    workType: "stairwell-wiring",
    step: "accepted",
    on,
  });
  LOTS.push({
    compound: "WZB",
    contractor: "shigong2",
    building: 1,
    unit,
    workType: "wall-finishing",
    step: unit === 1 ? "accepted" : "submitted",
    on: on.replace(/-0(\d)-/, (_, m) => `-0${Number(m) + 1}-`),
  });
}

// 县农行's two road sections (one road lot each covers 路基, 基层, 面层 and 路缘石): accepted, so
// the 路基 分部 can be recorded in full (demo-division.ts)
for (const [zone, on] of [
  ["主干道 A 段（小区大门—3栋）", "2021-06-17"],
  ["宅间道路 B 段（4栋—9栋）", "2021-06-24"],
] as const)
  LOTS.push({
    compound: "NH",
    contractor: "shigong1",
    building: 0,
    unit: 0,
    zone,
    workType: "road-repair",
    step: "accepted",
    on,
  });

type DefectStep = "open" | "in_progress" | "submitted" | "closed";
const DEFECTS: {
  compound: string;
  contractor: string;
  place: string;
  title: string;
  severity: "general" | "major" | "critical";
  step: DefectStep;
  on: string;
  closedOn?: string;
}[] = [
  {
    compound: "NH",
    contractor: "shigong1",
    place: "1栋1单元",
    title: "楼道线管未固定",
    severity: "general",
    step: "closed",
    on: "2021-05-07",
    closedOn: "2021-05-12",
  },
  {
    compound: "NH",
    contractor: "shigong1",
    place: "1栋2单元",
    title: "接线盒缺盖板",
    severity: "general",
    step: "closed",
    on: "2021-05-14",
    closedOn: "2021-05-19",
  },
  {
    compound: "NH",
    contractor: "shigong1",
    place: "1栋3单元",
    title: "扶手立杆松动",
    severity: "major",
    step: "closed",
    on: "2021-06-03",
    closedOn: "2021-06-15",
  },
  {
    compound: "NH",
    contractor: "shigong1",
    place: "2栋1单元",
    title: "声控灯不亮",
    severity: "general",
    step: "closed",
    on: "2021-06-10",
    closedOn: "2021-06-18",
  },
  {
    compound: "NH",
    contractor: "shigong1",
    place: "1栋4单元",
    title: "栏杆高度不足 1.05 m",
    severity: "critical",
    step: "submitted",
    on: "2021-06-24",
  },
  {
    compound: "NH",
    contractor: "shigong1",
    place: "2栋3单元",
    title: "灯具安装不牢固",
    severity: "major",
    step: "in_progress",
    on: "2021-07-08",
  },
  {
    compound: "NH",
    contractor: "shigong1",
    place: "2栋4单元",
    title: "线槽接缝不严",
    severity: "general",
    step: "open",
    on: "2021-07-15",
  },
  {
    compound: "WZB",
    contractor: "shigong2",
    place: "1栋1单元",
    title: "墙面空鼓",
    severity: "major",
    step: "closed",
    on: "2021-05-20",
    closedOn: "2021-06-01",
  },
  {
    compound: "WZB",
    contractor: "shigong2",
    place: "1栋2单元",
    title: "腻子开裂",
    severity: "general",
    step: "in_progress",
    on: "2021-06-29",
  },
  {
    compound: "WZB",
    contractor: "shigong2",
    place: "1栋2单元",
    title: "配电箱未接地",
    severity: "critical",
    step: "open",
    on: "2021-07-13",
  },
];

async function demoLotPlace(db: Db, spec: (typeof LOTS)[number]) {
  if (spec.zone) {
    const zone = await db.zone.findFirstOrThrow({
      where: { name: spec.zone, compound: { code: spec.compound } },
      select: { id: true },
    });
    return { place: { kind: "zone" as const, id: zone.id }, capacity: 1, capacityUnit: "段" };
  }
  const stairwell = await db.stairwell.findFirstOrThrow({
    where: { seq: spec.unit, building: { seq: spec.building, compound: { code: spec.compound } } },
    select: { id: true },
  });
  return {
    place: { kind: "stairwell" as const, id: stairwell.id },
    capacity: 14,
    capacityUnit: "跑",
  };
}

export async function seedDemoActivity(
  db: Db,
  storage: PhotoStorage = photoStorage(),
  /** where the demo's evidence documents go (the app's evidence store unless given) */
  documents?: PhotoStorage,
) {
  const users = await db.user.findMany({
    select: { id: true, username: true, role: true, organizationId: true },
  });
  const u = (name: string) => {
    const found = users.find((x) => x.username === name);
    if (!found) throw new Error(`no demo user ${name}`);
    return found;
  };
  const supervisor = { ...u("jianli"), role: "supervisor" as const };
  // 检验批划分方案 of 县农行老旧小区, generated from its register and approved by the 总监 before
  // work (GB 50300 §4.0.7); the 隐蔽工程验收 its lots depend on are signed before they are submitted
  const chief = { ...u("zongjian"), role: "supervisor" as const, title: "总监理工程师" };
  const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
  await generateCompoundPlan(db, chief, nh.id);
  await approvePlan(db, chief, nh.id);
  await seedDemoConcealed(db, storage, LOTS);
  for (const spec of LOTS) {
    const contractor = { ...u(spec.contractor), role: "contractor" as const };
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: spec.workType,
      ...(await demoLotPlace(db, spec)),
    });
    const at = day(spec.on);
    if (spec.step !== "draft") {
      await fillPassing(db, contractor, lot.id);
      await transitionLot(db, contractor, "own", lot.id, "submit", null);
      if (spec.step === "accepted")
        await transitionLot(db, supervisor, "any", lot.id, "accept", null);
    }
    await db.inspectionLot.update({
      where: { id: lot.id },
      data: {
        createdAt: new Date(at.getTime() - 3 * 86_400_000),
        submittedAt: spec.step === "draft" ? null : new Date(at.getTime() - 86_400_000),
        acceptedAt: spec.step === "accepted" ? at : null,
      },
    });
  }
  for (const spec of DEFECTS) {
    const contractor = { ...u(spec.contractor), role: "contractor" as const };
    const compound = await db.compound.findUniqueOrThrow({
      where: { code: spec.compound },
      select: { id: true },
    });
    const created = day(spec.on);
    const severityDays = { general: 7, major: 10, critical: 3 }[spec.severity];
    const defect = await createDefect(db, supervisor, {
      from: "compound",
      compoundId: compound.id,
      contractorOrgId: contractor.organizationId,
      placeLabel: spec.place,
      title: spec.title,
      description: `${spec.place}：${spec.title}，请按期整改。`,
      severity: spec.severity,
      dueOn: new Date(created.getTime() + severityDays * 86_400_000),
    });
    const steps: [typeof contractor | typeof supervisor, "acknowledge" | "reply" | "close"][] = [];
    if (spec.step !== "open") steps.push([contractor, "acknowledge"]);
    if (spec.step === "submitted" || spec.step === "closed") steps.push([contractor, "reply"]);
    if (spec.step === "closed") steps.push([supervisor, "close"]);
    const photo = async (who: typeof contractor | typeof supervisor, role: "before" | "after") =>
      attachDefectPhoto(
        db,
        storage,
        who,
        who === supervisor ? "any" : "own",
        { defectId: defect.id, role },
        { bytes: await demoPhoto(role, DEFECTS.indexOf(spec)), name: `${role}.jpg` },
      );
    await photo(supervisor, "before");
    for (const [actor, action] of steps) {
      // A reply brings its 整改后 photo, as on site.
      if (action === "reply") await photo(contractor, "after");
      await transitionDefect(
        db,
        actor,
        actor === supervisor ? "any" : "own",
        defect.id,
        action,
        action === "reply" ? "已按要求整改，请复查" : action === "close" ? "复查合格" : null,
      );
    }
    await db.defect.update({
      where: { id: defect.id },
      data: { createdAt: created, closedAt: spec.closedOn ? day(spec.closedOn) : null },
    });
  }
  await seedDemoEvidence(db, documents);
  await seedDemoLadder(db);
  await seedDemoDivisions(db);
  return { lots: LOTS.length, defects: DEFECTS.length };
}

/**
 * Records every item of a lot as passing: the lot's quantities (one of each, so the sample plans
 * are sized), checks pass, measured values at an allowed value. `override` replaces an item's entry.
 */
export async function fillEntries(
  db: Db,
  contractor: Actor & { id: string },
  lotId: string,
  override?: (item: LotItemInput) => EntryInput | undefined,
) {
  await saveLotPlaceData(db, contractor, "own", lotId, {
    quantities: FIXTURE_QUANTITIES as Record<string, number>,
    attributes: FIXTURE_ATTRIBUTES,
  });
  const detail = await getLot(db, lotId, contractor, "own");
  if (!detail) throw new Error("no lot");
  for (const item of detail.items) {
    const required =
      detail.verdict.items.find((v) => v.itemId === item.itemId)?.requiredPoints ?? 1;
    const entry = override?.(item) ?? passingEntry(item, detail.place.attributes, required);
    await saveEntry(db, contractor, "own", lotId, entry);
  }
}

export async function fillPassing(
  db: Db,
  contractor: { id: string; role: "contractor"; organizationId: string },
  lotId: string,
) {
  await fillEntries(db, contractor, lotId);
  const after = await getLot(db, lotId, contractor, "own");
  const bad = after?.verdict.items.filter((v) => v.status !== "pass" && v.status !== "na");
  if (bad?.length)
    throw new Error(
      `fixture cannot pass ${JSON.stringify(bad)} ${JSON.stringify(after?.items.filter((i) => bad.some((b) => b.itemId === i.itemId)))}`,
    );
  await saveLotRecords(db, contractor, "own", lotId, {
    recordsComplete: true,
    selfCheckNote: "自检合格",
  });
}
