/**
 * What the hostile outbox commands aim at (hostile-command-cases.ts): the suite's own lots and one
 * applied key, made before the suite's snapshot.
 */
import { raw } from "./hostile-cases";
import type { HostileServer } from "./hostile-server";

/** What the command cases aim at, found (and one key applied) before the suite's snapshot. */
export type CommandTargets = {
  /** shigong1's draft lot, and a second one (made by the suite) */
  lot: string;
  otherLot: string;
  /** items of `lot`: one taking measured points, one not, and another one */
  measured: string;
  unmeasured: string;
  otherItem: string;
  /** an accepted (signed) lot and one of its items */
  signedLot: string;
  signedItem: string;
  /** a key shigong1 applied to `measured` of `lot` */
  appliedKey: string;
};

const FORM = "application/x-www-form-urlencoded";

function one<T>(server: HostileServer, sql: string): T {
  const row = server.query<T>(sql)[0];
  if (!row) throw new Error(`hostile commands: nothing found for ${sql}`);
  return row;
}

const itemOf = (server: HostileServer, lot: string, measured: boolean) =>
  one<{ id: string }>(
    server,
    `SELECT i.id FROM ChecklistItem i JOIN InspectionLot l ON l.templateId = i.templateId
     WHERE l.id = '${lot}' AND ${measured ? "" : "NOT"} (i.judge IS NOT NULL OR
       (i.numericUnit IS NOT NULL AND i.numericQuantity IS NOT NULL))
     AND NOT EXISTS (SELECT 1 FROM LotItemEntry e WHERE e.lotId = l.id AND e.itemId = i.id)
     ORDER BY i.seq LIMIT 1`,
  ).id;

export function commandBody(fields: {
  key: string;
  itemId: string;
  itemVersion?: string;
  entry?: string;
  points?: unknown[];
}) {
  const entry =
    fields.entry ??
    JSON.stringify({
      itemId: fields.itemId,
      result: "pass",
      note: "hostile",
      designValue: null,
      points: fields.points ?? [],
    });
  return new URLSearchParams({
    kind: "entry",
    key: fields.key,
    itemVersion: fields.itemVersion ?? "0",
    entry,
  }).toString();
}

/** A new lot of shigong1's, made as the new-lot page makes it (a write before the snapshot). */
async function newLot(server: HostileServer, cookie: string, workType: string, place: string) {
  const answer = await raw(
    server.host,
    "POST",
    "/lots/new",
    { "Content-Type": FORM, Origin: server.base, Cookie: cookie },
    new URLSearchParams({ workType, placeKind: "stairwell", placeId: place }).toString(),
  );
  const id = /\/lots\/([^/?#]+)$/.exec(answer.headers.location ?? "")?.[1];
  if (!id)
    throw new Error(`hostile commands: new lot ${answer.status} ${answer.body.slice(0, 200)}`);
  return id;
}

async function apply(
  server: HostileServer,
  cookie: string,
  lot: string,
  fields: { key: string; itemId: string },
) {
  const answer = await raw(
    server.host,
    "POST",
    `/lots/${lot}/commands`,
    { "Content-Type": FORM, Origin: server.base, Cookie: cookie },
    commandBody(fields),
  );
  if (answer.status !== 200) throw new Error(`hostile commands: setup ${answer.body}`);
}

/**
 * The suite's own lots (the hostile database has no demo activity): two draft lots of shigong1,
 * one with a key applied, and a third with a record, then marked accepted (signed) directly.
 */
export async function commandTargets(
  server: HostileServer,
  cookies: Record<string, string>,
): Promise<CommandTargets> {
  const cookie = cookies.shigong1 ?? "";
  const places = server.query<{ id: string }>(
    `SELECT s.id FROM Stairwell s JOIN Building b ON b.id = s.buildingId
     JOIN Contract k ON k.compoundId = b.compoundId
     WHERE k.contractorOrgId = (SELECT organizationId FROM User WHERE username = 'shigong1')
     ORDER BY s.id LIMIT 2`,
  );
  const [first, second] = [places[0]?.id ?? "", places[1]?.id ?? ""];
  const lot = await newLot(server, cookie, "stair-railing", first);
  const otherLot = await newLot(server, cookie, "stairwell-wiring", first);
  const signedLot = await newLot(server, cookie, "stair-railing", second);
  const measured = itemOf(server, lot, true);
  const targets: CommandTargets = {
    lot,
    otherLot,
    measured,
    unmeasured: itemOf(server, lot, false),
    otherItem: one<{ id: string }>(
      server,
      `SELECT i.id FROM ChecklistItem i JOIN InspectionLot l ON l.templateId = i.templateId
       WHERE l.id = '${lot}' AND i.id <> '${measured}' ORDER BY i.seq LIMIT 1`,
    ).id,
    signedLot,
    signedItem: itemOf(server, signedLot, false),
    appliedKey: "hostile-applied-0001",
  };
  await apply(server, cookie, lot, { key: targets.appliedKey, itemId: measured });
  await apply(server, cookie, signedLot, {
    key: "hostile-signed-0001",
    itemId: targets.signedItem,
  });
  server.write("UPDATE InspectionLot SET status = 'accepted' WHERE id = ?", signedLot);
  return targets;
}
