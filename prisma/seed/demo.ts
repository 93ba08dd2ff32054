import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "~/infra/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import {
  type ChecklistData,
  parseChecklistData,
  WorkTypePlacesSchema,
} from "~/modules/checklist/data-file";
import { importChecklistData } from "~/modules/checklist/import.server";
import { COMPOUNDS, DEMO_PASSWORD, ORGANIZATIONS, type OrgKey, PROJECT, USERS } from "./demo-data";
import { seedDemoFunds } from "./demo-funds";
import { seedResidents } from "./demo-residents";

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../data");

export function readChecklistData(): ChecklistData {
  return parseChecklistData(
    JSON.parse(fs.readFileSync(path.join(dataDir, "checklists.json"), "utf8")),
  );
}

export function readWorkTypePlaces() {
  const raw: unknown = JSON.parse(
    fs.readFileSync(path.join(dataDir, "work-type-places.json"), "utf8"),
  );
  return WorkTypePlacesSchema.parse(raw);
}

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.project.count()) > 0;
}

/** Seeds the demo programme into an empty database. */
export async function seedDemo(db: Db, options: { password?: string } = {}) {
  const checklists = await importChecklistData(db, readChecklistData(), readWorkTypePlaces());
  const passwordHash = await hashPassword(options.password ?? DEMO_PASSWORD);

  await db.$transaction(async (tx) => {
    const orgIds = {} as Record<OrgKey, string>;
    for (const org of ORGANIZATIONS) {
      const { id } = await tx.organization.create({
        data: { name: org.name, shortName: org.shortName, kind: org.kind },
        select: { id: true },
      });
      orgIds[org.key] = id;
    }
    const street: Record<string, string> = {};
    for (const u of USERS) {
      const { id } = await tx.user.create({
        data: {
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          title: u.title,
          organizationId: orgIds[u.org],
          passwordHash,
        },
        select: { id: true },
      });
      if (u.role === "street") street[u.username] = id;
    }
    const households = COMPOUNDS.flatMap((c) => c.buildings).reduce(
      (sum, b) => sum + b.floors * b.units * b.perFloor,
      0,
    );
    if (households !== PROJECT.households) {
      throw new Error(
        `demo buildings hold ${households} households, project says ${PROJECT.households}`,
      );
    }
    const project = await tx.project.create({
      data: {
        code: PROJECT.code,
        name: PROJECT.name,
        county: PROJECT.county,
        budgetYuan: PROJECT.budgetYuan,
        households: PROJECT.households,
        description: PROJECT.description,
        // 方案 五(二): 县住建局 is the responsible unit that tenders, builds and organises the joint
        // acceptance, i.e. the 建设单位 (a setting: a compound may name another owner organisation)
        ownerOrgId: orgIds.bureau,
        phases: {
          create: PROJECT.phases.map((p) => ({
            seq: p.seq,
            name: p.name,
            startsOn: new Date(`${p.startsOn}T00:00:00+08:00`),
            endsOn: p.endsOn ? new Date(`${p.endsOn}T00:00:00+08:00`) : null,
          })),
        },
      },
      select: { id: true },
    });
    for (const c of COMPOUNDS) {
      await tx.compound.create({
        data: {
          projectId: project.id,
          code: c.code,
          name: c.name,
          address: c.address,
          builtYear: c.builtYear,
          households: c.buildings.reduce((s, b) => s + b.floors * b.units * b.perFloor, 0),
          streetOfficeOrgId: orgIds[c.street],
          contracts: {
            create: {
              contractorOrgId: orgIds[c.contractor],
              name: c.contractName,
              scopeZh: "小区内全部改造内容",
              projectManager: c.projectManager,
              subcontractorName: c.subcontractor?.name ?? null,
              subcontractorManager: c.subcontractor?.manager ?? null,
            },
          },
          buildings: {
            create: c.buildings.map((b, i) => ({
              seq: i + 1,
              name: `${i + 1}栋`,
              floors: b.floors,
              builtYear: b.year,
              structure: b.structure,
              stairwells: {
                create: Array.from({ length: b.units }, (_, u) => ({
                  seq: u + 1,
                  name: `${u + 1}单元`,
                  floors: b.floors,
                  households: b.floors * b.perFloor,
                })),
              },
            })),
          },
          zones: {
            create: c.zones.map((z, i) => ({ seq: i + 1, ...z, ...zoneAttributes(z) })),
          },
        },
      });
    }
    await seedResidents(tx, { street }, passwordHash);
  });
  await seedDemoFunds(db);
  return checklists;
}

/** Place attributes that select limits (issue 14), read from a demo zone's description. */
export function zoneAttributes(z: { kind: string; description: string }) {
  const d = z.description;
  const width = /宽\s*(\d+(?:\.\d+)?)\s*m/.exec(d);
  const dn = /DN\s*(\d+)/.exec(d);
  return {
    surface:
      z.kind === "road" || z.kind === "parking"
        ? /水泥混凝土/.test(d)
          ? "concrete"
          : /沥青/.test(d)
            ? "asphalt"
            : "paving"
        : null,
    roadWidth: width ? Number(width[1]) : null,
    roadClass: z.kind === "road" ? "branch" : null,
    pipeMaterial: z.kind === "pipe" ? (/HDPE|PVC|PE/.test(d) ? "plastic" : "rc") : null,
    pipeDiameter: dn ? Number(dn[1]) : null,
    structure: z.kind === "septic" ? (/砖|砌体/.test(d) ? "masonry" : "rc") : null,
  };
}
