import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { scopeFor } from "~/modules/auth/permissions";
import { createLot } from "~/modules/lot/create.server";
import { getLot, saveEntry, saveLotRecords, transitionLot } from "~/modules/lot/lots.server";
import { fillEntries } from "../../prisma/seed/activity";
import { testDb } from "../support/test-db";

describe("inspection lots", () => {
  const db = testDb({ seeded: true });

  async function actors() {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true },
    });
    const u = (name: string) => {
      const found = users.find((x) => x.username === name)!;
      return { ...found, role: found.role as "supervisor" | "contractor" | "bureau" };
    };
    return {
      supervisor: u("jianli"),
      contractorA: u("shigong1"),
      contractorB: u("shigong2"),
      bureau: u("zhujianju"),
    };
  }

  async function stairwell(compoundCode: string) {
    return db.stairwell.findFirstOrThrow({
      where: { building: { compound: { code: compoundCode } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
  }

  async function newRailingLot() {
    const { contractorA } = await actors();
    const place = await stairwell("NH");
    return createLot(db, contractorA, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
  }

  it("opens a lot on the current checklist version with a numbered identity and an audit event", async () => {
    const lot = await newRailingLot();
    expect(lot.number).toMatch(/^NH-SR-\d{3}$/);
    const row = await db.inspectionLot.findUniqueOrThrow({
      where: { id: lot.id },
      select: {
        status: true,
        template: { select: { version: true } },
        contractor: { select: { shortName: true } },
      },
    });
    expect(row).toMatchObject({
      status: "draft",
      template: { version: 1 },
      contractor: { shortName: "鸿达建筑" },
    });
    expect(await db.auditEvent.count({ where: { entityId: lot.id, action: "lot.create" } })).toBe(
      1,
    );
  });

  it("keeps the checklist version it was opened with after a new version is published", async () => {
    const lot = await newRailingLot();
    const wt = await db.workType.findUniqueOrThrow({
      where: { code: "stair-railing" },
      select: { id: true },
    });
    const max = await db.checklistTemplate.aggregate({
      where: { workTypeId: wt.id },
      _max: { version: true },
    });
    await db.checklistTemplate.create({
      data: {
        workTypeId: wt.id,
        version: (max._max.version ?? 1) + 1,
        changeNote: "test",
        items: {
          create: [
            {
              code: "SR-M1",
              seq: 1,
              kind: "main",
              textZh: "新",
              textEn: "new",
              method: "observe",
              samplePlan: "全数",
              source: "x",
              verified: false,
            },
          ],
        },
      },
    });
    const { contractorA } = await actors();
    const detail = await getLot(db, lot.id, contractorA, "own");
    expect(detail?.lot.template.version).toBe(1);
    expect(detail?.lot.template.items.length).toBe(17);
  });

  it("refuses a place of the wrong kind and another contractor's compound", async () => {
    const { contractorA } = await actors();
    const zone = await db.zone.findFirstOrThrow({
      where: { compound: { code: "NH" }, kind: "road" },
      select: { id: true },
    });
    await expect(
      createLot(db, contractorA, "own", {
        workTypeCode: "stair-railing",
        place: { kind: "zone", id: zone.id },
      }),
    ).rejects.toThrow("lot:errors.workTypeNotForPlace");
    const other = await stairwell("WZB");
    await expect(
      createLot(db, contractorA, "own", {
        workTypeCode: "stair-railing",
        place: { kind: "stairwell", id: other.id },
      }),
    ).rejects.toThrow("lot:errors.placeNotFound");
  });

  it("hides a lot from another contractor, by id, and from roles without the right", async () => {
    const lot = await newRailingLot();
    const { contractorB, bureau } = await actors();
    expect(await getLot(db, lot.id, contractorB, "own")).toBeNull();
    await expect(transitionLot(db, contractorB, "own", lot.id, "submit", null)).rejects.toThrow(
      DomainError,
    );
    expect(await getLot(db, lot.id, bureau, scopeFor("bureau", "lot.view")!)).not.toBeNull();
    expect(scopeFor("bureau", "lot.review")).toBeNull();
  });

  it("a refused transition leaves the lot exactly as it was", async () => {
    const lot = await newRailingLot();
    const { supervisor, contractorA } = await actors();
    const before = await db.inspectionLot.findUniqueOrThrow({ where: { id: lot.id } });
    const events = await db.auditEvent.count();
    await expect(transitionLot(db, supervisor, "any", lot.id, "accept", null)).rejects.toThrow(
      DomainError,
    );
    await transitionLot(db, contractorA, "own", lot.id, "submit", null);
    await expect(transitionLot(db, supervisor, "any", lot.id, "accept", null)).rejects.toThrow(
      /lot:workflow\.verdict/,
    );
    await expect(transitionLot(db, supervisor, "any", lot.id, "reject", "  ")).rejects.toThrow(
      "lot:workflow.rejectReason",
    );
    const after = await db.inspectionLot.findUniqueOrThrow({ where: { id: lot.id } });
    expect({
      ...after,
      updatedAt: null,
      submittedAt: null,
      submittedById: null,
      status: null,
    }).toEqual({
      ...before,
      updatedAt: null,
      submittedAt: null,
      submittedById: null,
      status: null,
    });
    expect(after.status).toBe("submitted");
    expect(await db.auditEvent.count()).toBe(events + 1);
  });

  it("accepts a lot whose verdict passes, then nobody edits it; reopening needs a reason", async () => {
    const lot = await newRailingLot();
    const { supervisor, contractorA } = await actors();
    const detail = await getLot(db, lot.id, contractorA, "own");
    void detail;
    await fillEntries(db, contractorA, lot.id);
    await saveLotRecords(db, contractorA, "own", lot.id, {
      recordsComplete: true,
      selfCheckNote: null,
    });
    await transitionLot(db, contractorA, "own", lot.id, "submit", null);
    const submitted = await getLot(db, lot.id, supervisor, "any");
    expect(submitted?.verdict.reasons).toEqual(expect.any(Array));
    expect(submitted?.verdict.status).toBe("pass");
    await transitionLot(db, supervisor, "any", lot.id, "accept", null);

    const firstItem = submitted!.items[0]!.itemId;
    const edit = {
      itemId: firstItem,
      result: "fail" as const,
      note: null,
      designValue: null,
      points: [],
    };
    await expect(saveEntry(db, supervisor, "any", lot.id, edit)).rejects.toThrow(DomainError);
    await expect(saveEntry(db, contractorA, "own", lot.id, edit)).rejects.toThrow(DomainError);
    await expect(transitionLot(db, supervisor, "any", lot.id, "reopen", "")).rejects.toThrow(
      DomainError,
    );
    const accepted = await db.auditEvent.findFirstOrThrow({
      where: { entityId: lot.id, action: "lot.accept" },
    });
    expect(JSON.parse(accepted.payload)).toMatchObject({
      from: "submitted",
      to: "accepted",
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    await transitionLot(db, supervisor, "any", lot.id, "reopen", "复查发现扶手松动");
    const reopened = await db.inspectionLot.findUniqueOrThrow({
      where: { id: lot.id },
      select: { status: true, lastReason: true, acceptedAt: true },
    });
    expect(reopened).toEqual({ status: "draft", lastReason: "复查发现扶手松动", acceptedAt: null });
  });

  it("two reviewers accepting at once: exactly one succeeds", async () => {
    const lot = await newRailingLot();
    const { supervisor, contractorA } = await actors();
    await transitionLot(db, contractorA, "own", lot.id, "submit", null);
    const results = await Promise.allSettled([
      transitionLot(db, supervisor, "any", lot.id, "reject", "资料不全"),
      transitionLot(db, supervisor, "any", lot.id, "reject", "资料不全"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: lot.id, action: "lot.reject" } })).toBe(
      1,
    );
  });
});
