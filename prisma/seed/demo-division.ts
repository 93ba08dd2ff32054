/**
 * Demo 分项/分部 records (decision 0029): in 县农行老旧小区 (approved plan), the 分部 whose lots
 * are all accepted is recorded in full — its 分项 records signed by the 施工单位 项目技术负责人 and
 * the 专业监理工程师, 观感 rated by the 总监, the 分部 record signed — and the other 分部 are left
 * in progress. Also used by tests to bring a compound's 分部 records to 合格.
 */
import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import {
  rateAppearance,
  recordDivisionSignature,
  recordSubItemSignature,
} from "~/modules/division/commands.server";
import { compoundDivisions } from "~/modules/division/records.server";

/** A drawn signature (a stroke on a transparent canvas), as the signature pad sends it. */
export async function drawnSignature(seed = 40) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 120 110, 180 ${seed} S 260 90, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return readSignature(`data:image/png;base64,${png.toString("base64")}`);
}

type Person = { id: string; role: string; title: string; organizationId: string };
const PERSON = { id: true, role: true, title: true, organizationId: true } as const;

/** The contractor's 项目技术负责人 (created like its colleagues, same password, if missing). */
export async function contractorTechLead(db: Db, organizationId: string): Promise<Person> {
  const found = await db.user.findFirst({
    where: { organizationId, role: "contractor", title: { contains: "技术负责人" } },
    select: PERSON,
  });
  if (found) return found;
  const colleague = await db.user.findFirstOrThrow({
    where: { organizationId, role: "contractor" },
    select: { passwordHash: true, username: true },
    orderBy: { username: "asc" },
  });
  const n = (await db.user.count({ where: { username: { startsWith: "jishu" } } })) + 1;
  return db.user.create({
    data: {
      username: `jishu${n}`,
      displayName: n === 1 ? "刘志远" : `技术负责人${n}`,
      role: "contractor",
      title: "项目技术负责人",
      organizationId,
      passwordHash: colleague.passwordHash,
    },
    select: PERSON,
  });
}

async function person(db: Db, where: { role: string; title: string; organizationId?: string }) {
  return db.user.findFirstOrThrow({
    where: {
      role: where.role,
      title: { contains: where.title },
      organizationId: where.organizationId,
    },
    select: PERSON,
    orderBy: { username: "asc" },
  });
}

/**
 * Signs every 分项 record of the given 分部 (all of them when none is named) whose lots allow it,
 * rates 观感 好 throughout and signs the 分部 records that may be signed. Returns the 分部 signed.
 */
export async function recordDivisions(
  db: Db,
  compoundId: string,
  options: { divisions?: string[]; at?: Date } = {},
) {
  const at = options.at ?? new Date();
  const supervisor = await person(db, { role: "supervisor", title: "专业监理工程师" });
  const chief = await person(db, { role: "supervisor", title: "总监理工程师" });
  const image = await drawnSignature();
  const chosen = (await compoundDivisions(db, compoundId)).filter(
    (d) => !options.divisions || options.divisions.includes(d.division),
  );
  const signed: string[] = [];
  for (const d of chosen) {
    for (const s of d.subItems) {
      if (!s.ready || s.passed) continue;
      const org = s.contractors[0]?.id;
      if (!org) continue;
      const tech = await contractorTechLead(db, org);
      const conclusion = "所含检验批均验收合格，质量验收记录完整。";
      await recordSubItemSignature(db, tech, compoundId, s.id, { conclusion, image }, at);
      await recordSubItemSignature(db, supervisor, compoundId, s.id, { conclusion, image }, at);
    }
    const now = (await compoundDivisions(db, compoundId)).find((x) => x.division === d.division);
    if (!now || now.subItems.some((s) => !s.passed) || now.signatures.length > 0) continue;
    const points = Object.fromEntries(now.points.map((p) => [p.code, "good"]));
    await rateAppearance(db, chief, compoundId, d.division, { points, conclusion: "good" }, at);
    const lead = await person(db, {
      role: "contractor",
      title: "项目负责人",
      organizationId: now.contractors[0]?.id,
    });
    const input = { conclusion: "所含分项工程均验收合格，观感质量好，同意验收。", image };
    const reasons = () => "";
    const after = (await compoundDivisions(db, compoundId)).find((x) => x.division === d.division);
    if (after?.readiness.length) continue; // evidence gaps: left in progress
    await recordDivisionSignature(db, lead, compoundId, d.division, input, reasons, at);
    await recordDivisionSignature(db, chief, compoundId, d.division, input, reasons, at);
    signed.push(d.division);
  }
  return signed;
}

/** The demo: 县农行老旧小区's first 分部 whose 分项 can all be signed, recorded in full (after
 * its road lots, accepted in June 2021). */
export async function seedDemoDivisions(db: Db, at = new Date("2021-06-28T10:00:00+08:00")) {
  const nh = await db.compound.findUnique({ where: { code: "NH" }, select: { id: true } });
  if (!nh) return { signed: [] as string[] };
  const divisions = await compoundDivisions(db, nh.id);
  const full = divisions.find((d) => d.subItems.every((s) => s.ready));
  if (full) return { signed: await recordDivisions(db, nh.id, { divisions: [full.division], at }) };
  // No 分部 has all its lots accepted: sign the 分项 that can be, the rest stays in progress.
  const partial = divisions.find((d) => d.subItems.some((s) => s.ready));
  if (partial) await recordDivisions(db, nh.id, { divisions: [partial.division], at });
  return { signed: [] as string[] };
}
