/** View models of the 隐蔽工程验收 pages: list per compound, create, one record. */
import type { Db } from "~/infra/db.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { getCompound } from "~/modules/site/queries.server";
import { concealedWhere, findRecord, recordPhotos, recordRows, requiredOf } from "./records.server";
import { createHref, mayAct, placeKey } from "./rules";

type Viewer = Actor & { id: string };

/** Every required place with its record (or none), and records at places no longer planned. */
export async function listPage(db: Db, viewer: Viewer, scope: Scope, compoundId: string) {
  const compound = await getCompound(db, compoundId, viewer, scope);
  if (!compound) return null;
  const [required, records, plan] = await Promise.all([
    requiredOf(db, compoundId),
    recordRows(db, compoundId, concealedWhere(viewer, scope)),
    db.inspectionPlan.findUnique({ where: { compoundId }, select: { status: true } }),
  ]);
  const isContractor =
    viewer.role === "contractor" &&
    compound.contracts.some((c) => c.contractor.id === viewer.organizationId);
  const rows = required.map((p) => {
    const record = records.find((r) => placeKey(r) === placeKey(p));
    return {
      key: placeKey(p),
      place: p.placeLabel,
      work: p.step.work,
      division: p.step.division,
      subItem: p.step.subItem,
      status: record?.status ?? "missing",
      href: record ? `/concealed/${record.id}` : isContractor ? createHref(compoundId, p) : null,
    };
  });
  return {
    compound: { id: compound.id, name: compound.name },
    planApproved: plan?.status === "approved",
    rows,
    signed: rows.filter((r) => r.status === "signed").length,
    isContractor,
  };
}

/** The create page: the required places still without a record, the chosen one preselected. */
export async function createPage(db: Db, viewer: Viewer, scope: Scope, compoundId: string) {
  const compound = await getCompound(db, compoundId, viewer, scope);
  if (!compound) return null;
  const [required, records] = await Promise.all([
    requiredOf(db, compoundId),
    recordRows(db, compoundId),
  ]);
  const taken = new Set(records.map(placeKey));
  return {
    compound: { id: compound.id, name: compound.name },
    places: required
      .filter((p) => !taken.has(placeKey(p)))
      .map((p) => ({ value: placeKey(p), label: `${p.placeLabel} ${p.step.work}` })),
  };
}

/** One record with its photos, names and what the viewer may do now. */
export async function recordPage(db: Db, viewer: Viewer, scope: Scope | null, id: string) {
  const record = await findRecord(db, viewer, scope, id);
  if (!record) return null;
  const [photos, compound, contractor, people] = await Promise.all([
    recordPhotos(db, id),
    db.compound.findUniqueOrThrow({
      where: { id: record.compoundId },
      select: { id: true, name: true, project: { select: { name: true } } },
    }),
    db.organization.findUniqueOrThrow({
      where: { id: record.contractorOrgId },
      select: { name: true },
    }),
    db.user.findMany({
      where: {
        id: {
          in: [record.createdById, record.signedById, record.refusedById].filter(
            Boolean,
          ) as string[],
        },
      },
      select: { id: true, displayName: true, title: true },
    }),
  ]);
  const name = (uid: string | null) => people.find((p) => p.id === uid) ?? null;
  const mine = viewer.role === "contractor" && viewer.organizationId === record.contractorOrgId;
  const reviewer = viewer.role === "supervisor" && scopeFor(viewer.role, "lot.review") !== null;
  return {
    record: { ...record, photos },
    compound,
    contractorName: contractor.name,
    creator: name(record.createdById),
    signer: name(record.signedById),
    may: {
      photo: mine && mayAct(record.status, "photo"),
      request: mine && mayAct(record.status, "request"),
      sign: reviewer && mayAct(record.status, "sign"),
      refuse: reviewer && mayAct(record.status, "refuse"),
    },
    mine,
  };
}
export type RecordPage = NonNullable<Awaited<ReturnType<typeof recordPage>>>;
