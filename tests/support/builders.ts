import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "~/infra/db.server";
import type { Role } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { createDefect } from "~/modules/defect/defects.server";
import type { Severity } from "~/modules/defect/workflow";
import { createLot } from "~/modules/lot/create.server";

/**
 * Builders for integration tests and e2e fixtures: each makes its own rows (unique codes and
 * names), so a test never leans on the demo seed's people or compounds. Lots and defects go
 * through the module functions, so their audit events and numbers are real.
 */

const tag = () => randomBytes(4).toString("hex");

/** Which kind of organisation each role belongs to (as in the seed). */
const ORG_KIND: Record<Role, string> = {
  admin: "bureau",
  bureau: "bureau",
  supervisor: "supervisor",
  contractor: "contractor",
  owner: "owner",
  designer: "design",
  street: "street",
  auditor: "audit",
  finance: "finance",
  building_leader: "residents",
  property: "property",
  enforcement: "enforcement",
};

export type BuiltActor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
};

/**
 * A user of `role` in a new organisation (or the given one). `passwordHash` is not a usable
 * hash: builders' users sign in by session (see tests/e2e/fixtures.ts), never by password.
 */
export async function buildActor(
  db: Db,
  role: Role,
  options: { organizationId?: string; displayName?: string; locale?: "zh-CN" | "en" } = {},
): Promise<BuiltActor> {
  const t = tag();
  const organizationId =
    options.organizationId ??
    (
      await db.organization.create({
        data: { name: `测试单位 ${role} ${t}`, shortName: `测试${t}`, kind: ORG_KIND[role] },
        select: { id: true },
      })
    ).id;
  const user = await db.user.create({
    data: {
      username: `t-${role}-${t}`,
      displayName: options.displayName ?? `测试${t}`,
      role,
      title: "",
      passwordHash: `unusable:${randomUUID()}`,
      organizationId,
      locale: options.locale ?? null,
    },
    select: { id: true, username: true, displayName: true, organizationId: true },
  });
  return { ...user, role };
}

/** A built actor as the signed-in user modules take (no session, title or organisation name). */
export const asCurrentUser = (a: BuiltActor): CurrentUser => ({
  ...a,
  title: "",
  locale: null,
  organizationName: "",
  organizationKind: "",
  sessionId: "",
});

export type BuiltCompound = {
  id: string;
  code: string;
  name: string;
  buildings: { id: string; name: string; stairwells: { id: string; name: string }[] }[];
};

/**
 * A compound of the first project, with `buildings` × `stairwells` (1栋/1单元 …), a contract for
 * `contractorOrgId` if given and `streetOfficeOrgId` as its street office.
 */
export async function buildCompound(
  db: Db,
  options: {
    code?: string;
    name?: string;
    buildings?: number;
    stairwells?: number;
    /** Storeys of every building (6 unless given). */
    floors?: number;
    contractorOrgId?: string;
    streetOfficeOrgId?: string;
  } = {},
): Promise<BuiltCompound> {
  const code = options.code ?? `T${tag().toUpperCase()}`;
  const project = await db.project.findFirstOrThrow({ select: { id: true } });
  const compound = await db.compound.create({
    data: {
      projectId: project.id,
      code,
      name: options.name ?? `测试小区 ${code}`,
      address: "测试路 1 号",
      households: 12 * (options.buildings ?? 1) * (options.stairwells ?? 1),
      builtYear: 1998,
      streetOfficeOrgId: options.streetOfficeOrgId ?? null,
      ...(options.contractorOrgId
        ? {
            contracts: {
              create: {
                contractorOrgId: options.contractorOrgId,
                name: `标段（${code}）`,
                scopeZh: "楼道改造",
              },
            },
          }
        : {}),
      buildings: {
        create: Array.from({ length: options.buildings ?? 1 }, (_, b) => ({
          seq: b + 1,
          name: `${b + 1}栋`,
          floors: options.floors ?? 6,
          stairwells: {
            create: Array.from({ length: options.stairwells ?? 1 }, (_, s) => ({
              seq: s + 1,
              name: `${s + 1}单元`,
              floors: options.floors ?? 6,
              households: 12,
            })),
          },
        })),
      },
    },
    select: {
      id: true,
      code: true,
      name: true,
      buildings: {
        select: { id: true, name: true, stairwells: { select: { id: true, name: true } } },
        orderBy: { seq: "asc" },
      },
    },
  });
  return compound;
}

/** A draft lot of `workTypeCode` in the compound's first 单元, made by its contractor. */
export async function buildLot(
  db: Db,
  contractor: BuiltActor,
  compound: BuiltCompound,
  workTypeCode = "stairwell-wiring",
) {
  const stairwellId = compound.buildings[0]?.stairwells[0]?.id ?? "";
  return createLot(db, contractor, "own", {
    workTypeCode,
    place: { kind: "stairwell", id: stairwellId },
    capacity: 12,
    capacityUnit: "跑",
  });
}

/** A defect raised by a supervisor against the compound's contractor, due in a week. */
export async function buildDefect(
  db: Db,
  supervisor: BuiltActor,
  compound: BuiltCompound,
  contractorOrgId: string,
  options: { title?: string; severity?: Severity } = {},
) {
  return createDefect(db, supervisor, {
    from: "compound",
    compoundId: compound.id,
    contractorOrgId,
    placeLabel: `${compound.buildings[0]?.name ?? ""}`,
    title: options.title ?? "墙面空鼓",
    description: "",
    severity: options.severity ?? "general",
    dueOn: new Date(Date.now() + 7 * 24 * 3600 * 1000),
  });
}
