import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { parseSignatureDataUrl } from "~/modules/acceptance/signature-image.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { THROTTLE } from "~/modules/auth/throttle.server";
import { correctedPoint } from "~/modules/lot/corrections";
import { createLot } from "~/modules/lot/create.server";
import {
  getLot,
  lotContentHash,
  saveEntry,
  saveLotRecords,
  signatureStatus,
} from "~/modules/lot/lots.server";
import { signLot } from "~/modules/lot/sign.server";
import { fillEntries } from "../../prisma/seed/activity";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { rawExec } from "../support/raw-sql";
import { testDb } from "../support/test-db";

async function drawn(seed = 40) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 120 110, 180 ${seed} S 260 90, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const image = await parseSignatureDataUrl(`data:image/png;base64,${png.toString("base64")}`);
  if ("error" in image) throw new Error(image.error);
  return image;
}

// GB 50300-2013 §6.0.1 and 附录E: a 检验批 is accepted by the 专业监理工程师 after the
// contractor's 项目专业质量检查员 and 专业工长 have checked it; both sign the record.
describe("lot sign-off with password and drawn signature (decision 0016)", () => {
  const db = testDb({ seeded: true });

  async function setup(index: number, fill = true) {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true },
    });
    const u = (name: string) => {
      const r = users.find((x) => x.username === name)!;
      return { ...r, role: r.role as "supervisor" | "contractor" };
    };
    const stairwells = await db.stairwell.findMany({
      where: { building: { compound: { code: "NH" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const contractor = u("shigong1");
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: stairwells[index]!.id },
    });
    if (fill) await fillEntries(db, contractor, lot.id);
    await saveLotRecords(db, contractor, "own", lot.id, {
      recordsComplete: true,
      selfCheckNote: null,
    });
    return { lot, contractor, supervisor: u("jianli") };
  }

  it("a wrong password signs nothing; the right one stores the signature bound into the hash", async () => {
    const { lot, contractor, supervisor } = await setup(5);
    const image = await drawn();
    const events = await db.auditEvent.count();
    await expect(
      signLot(db, contractor, "own", lot.id, "submit", {
        password: "not-the-password",
        image,
        conclusion: "自检合格",
        foreman: "李德明",
        confirmed: true,
      }),
    ).rejects.toMatchObject({ status: 400, params: { message: "密码不正确，未签字" } });
    expect(await db.lotSignature.count({ where: { lotId: lot.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(events);
    expect((await db.inspectionLot.findUniqueOrThrow({ where: { id: lot.id } })).status).toBe(
      "draft",
    );
    // Without the 专业工长 or the confirmation, nothing either.
    await expect(
      signLot(db, contractor, "own", lot.id, "submit", {
        password: DEMO_PASSWORD,
        image,
        conclusion: "自检合格",
        foreman: " ",
        confirmed: true,
      }),
    ).rejects.toThrow("lot:errors.foremanRequired");

    await signLot(db, contractor, "own", lot.id, "submit", {
      password: DEMO_PASSWORD,
      image,
      conclusion: "  自检合格，报请验收。 ",
      foreman: "李德明",
      confirmed: true,
    });
    const conclusion = "主控项目全部合格，一般项目合格率 100%，同意验收。（监理修改）";
    await signLot(db, supervisor, "any", lot.id, "accept", {
      password: DEMO_PASSWORD,
      image: await drawn(60),
      conclusion,
      confirmed: true,
    });
    const signatures = await db.lotSignature.findMany({
      where: { lotId: lot.id },
      select: { kind: true, conclusion: true, foreman: true, signerId: true },
      orderBy: { signedAt: "asc" },
    });
    expect(signatures).toEqual([
      {
        kind: "selfcheck",
        conclusion: "自检合格，报请验收。",
        foreman: "李德明",
        signerId: contractor.id,
      },
      { kind: "accept", conclusion, foreman: null, signerId: supervisor.id },
    ]);
    const detail = (await getLot(db, lot.id, supervisor, "any"))!;
    const status = await signatureStatus(db, detail);
    expect(status?.matches).toBe(true);
    // The conclusion and the image are inside what was signed: a different text hashes differently.
    const accept = detail.lot.signatures.find((s) => s.kind === "accept")!;
    expect(
      lotContentHash(detail, {
        accept: { ...accept, conclusion: "合格，同意验收。" },
      }),
    ).not.toBe(status?.signed);
    expect((await verifyDatabase(db)).recordBreaks).toEqual([]);

    // A signature row is never edited: the database refuses it (trigger) …
    await expect(
      db.lotSignature.updateMany({
        where: { lotId: lot.id, kind: "accept" },
        data: { conclusion: "合格" },
      }),
    ).rejects.toThrow();
    await expect(
      rawExec(db, `DELETE FROM "LotSignature" WHERE "lotId" = ?`, lot.id),
    ).rejects.toThrow();
    expect(
      await db.lotSignature.findMany({
        where: { lotId: lot.id },
        select: { kind: true, conclusion: true },
        orderBy: { kind: "asc" },
      }),
    ).toEqual([
      { kind: "accept", conclusion },
      { kind: "selfcheck", conclusion: "自检合格，报请验收。" },
    ]);
    // … and with the trigger dropped, an edited conclusion is caught by the page and the verifier.
    await rawExec(db, `DROP TRIGGER "LotSignature_no_update"`);
    await db.lotSignature.updateMany({
      where: { lotId: lot.id, kind: "accept" },
      data: { conclusion: "合格" },
    });
    const tampered = (await getLot(db, lot.id, supervisor, "any"))!;
    expect((await signatureStatus(db, tampered))?.matches).toBe(false);
    const breaks = (await verifyDatabase(db)).recordBreaks.map((b) => b.code);
    expect(breaks).toEqual(
      expect.arrayContaining([
        "audit:verify.lot.signatureChanged",
        "audit:verify.lot.hashMismatch",
      ]),
    );
    await db.lotSignature.updateMany({
      where: { lotId: lot.id, kind: "accept" },
      data: { conclusion },
    });
  });

  it("wrong passwords are throttled per signer", async () => {
    const { lot, contractor } = await setup(6);
    const image = await drawn();
    const attempt = () =>
      signLot(db, contractor, "own", lot.id, "submit", {
        password: "wrong",
        image,
        conclusion: "自检合格",
        foreman: "李德明",
        confirmed: true,
      }).then(
        () => 200,
        (e: DomainError) => e.status,
      );
    const statuses: number[] = [];
    for (let i = 0; i <= THROTTLE.perSigner; i++) statuses.push(await attempt());
    expect(statuses.at(-1)).toBe(429);
  });

  it("a recorded point is corrected with its old value kept, never deleted", async () => {
    const { lot, contractor } = await setup(7, false);
    const detail = (await getLot(db, lot.id, contractor, "own"))!;
    const m7 = detail.lot.template.items.find((i) => i.code === "SR-M7")!;
    const first = { value: 1.08, serious: false, text: "1.08", design: null };
    const entry = { itemId: m7.id, result: null, note: null, designValue: null };
    await saveEntry(db, contractor, "own", lot.id, { ...entry, points: [first] });
    await expect(
      saveEntry(db, contractor, "own", lot.id, { ...entry, points: [] }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      saveEntry(db, contractor, "own", lot.id, {
        ...entry,
        points: [{ ...first, value: 1.12, text: "1.12" }],
      }),
    ).rejects.toThrow(DomainError);
    const corrected = correctedPoint(first, { value: 1.12, text: "1.12" });
    await saveEntry(db, contractor, "own", lot.id, { ...entry, points: [corrected] });
    const after = (await getLot(db, lot.id, contractor, "own"))!;
    const points = after.lot.entries.find((e) => e.itemId === m7.id)!.points;
    expect(points).toHaveLength(1);
    expect(JSON.parse(points[0]!.was!)).toEqual([{ value: 1.08, text: "1.08" }]);
    // Only the current value is judged (GB 50096-2011 §6.1.3: 7 storeys → ≥ 1.10 m).
    expect(after.verdict.items.find((v) => v.itemId === m7.id)?.points.map((p) => p.ok)).toEqual([
      true,
    ]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: lot.id, action: "lot.point.correct" },
    });
    expect(JSON.parse(event.payload)).toMatchObject({
      code: "SR-M7",
      corrections: [{ seq: 1, from: { value: 1.08 }, to: { value: 1.12 } }],
    });
    expect((await verifyDatabase(db)).recordBreaks).toEqual([]);
  });
});
