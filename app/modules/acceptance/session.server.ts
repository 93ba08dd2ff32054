import type { Db } from "~/infra/db.server";

/** An acceptance's own fields: its compound, state, conclusion and the hash that was signed. */
export const ACCEPTANCE_FIELDS = {
  id: true,
  compoundId: true,
  status: true,
  conclusion: true,
  remarks: true,
  contentHash: true,
} as const;

const ACCEPTANCE_SELECT = {
  ...ACCEPTANCE_FIELDS,
  openedAt: true,
  closedAt: true,
  voidReason: true,
  openedBy: { select: { displayName: true } },
  participants: {
    orderBy: { seq: "asc" },
    select: {
      id: true,
      seq: true,
      party: true,
      organizationId: true,
      userId: true,
      required: true,
      organization: { select: { name: true } },
      user: { select: { displayName: true, title: true } },
      signature: {
        select: {
          id: true,
          signedAt: true,
          contentHash: true,
          opinion: true,
          imageSha256: true,
          imagePng: true,
        },
      },
    },
  },
} as const;

export async function getAcceptance(db: Db, acceptanceId: string) {
  return db.finalAcceptance.findUnique({ where: { id: acceptanceId }, select: ACCEPTANCE_SELECT });
}
export type AcceptanceDetail = NonNullable<Awaited<ReturnType<typeof getAcceptance>>>;

/** The session that speaks for the compound: a concluded or open one, newest first. */
export async function currentAcceptance(db: Db, compoundId: string) {
  return db.finalAcceptance.findFirst({
    where: { compoundId, status: { not: "void" } },
    orderBy: { openedAt: "desc" },
    select: ACCEPTANCE_SELECT,
  });
}
