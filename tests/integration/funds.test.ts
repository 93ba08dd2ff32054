import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { namespaceT } from "~/modules/auth/language.server";
import type { Role } from "~/modules/auth/permissions";
import {
  applyPayment,
  approvePayment,
  certifyPayment,
  recordPayment,
  reversePayment,
} from "~/modules/fund/payments.server";
import { contractOverview, getApplication, listContracts } from "~/modules/fund/queries.server";
import { gapsOf } from "~/modules/fund/refusal";
import { budgetSummary, varianceReport, varianceXlsx } from "~/modules/fund/reports.server";
import { createLot } from "~/modules/lot/create.server";
import { transitionLot } from "~/modules/lot/lots.server";
import { fillPassing } from "../../prisma/seed/activity";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { rawExec } from "../support/raw-sql";
import { testDb } from "../support/test-db";

const db = testDb({ seeded: true });
const password = DEMO_PASSWORD;
type U = { id: string; role: Role; organizationId: string };
const users = {} as Record<string, U>;
let contractA = "";
let contractB = "";
let wiringA = "";
let railingA = "";

async function acceptedLot(unit: number, workTypeCode: string) {
  const contractor = users.shigong1 as U & { role: "contractor" };
  const stairwell = await db.stairwell.findFirstOrThrow({
    where: { seq: unit, building: { seq: 5, compound: { code: "NH" } } },
    select: { id: true },
  });
  const lot = await createLot(db, contractor, "own", {
    workTypeCode,
    place: { kind: "stairwell", id: stairwell.id },
    capacity: 14,
    capacityUnit: "跑",
  });
  await fillPassing(db, contractor, lot.id);
  await transitionLot(db, contractor, "own", lot.id, "submit", null);
  await transitionLot(db, users.jianli!, "any", lot.id, "accept", null);
  return lot.id;
}

const fundEvents = async (entityId: string) =>
  (
    await db.auditEvent.findMany({
      where: { entityType: "PaymentApplication", entityId },
      orderBy: { seq: "asc" },
      select: { action: true },
    })
  ).map((e) => e.action);

beforeAll(async () => {
  for (const u of await db.user.findMany({
    select: { id: true, username: true, role: true, organizationId: true },
  }))
    users[u.username] = { id: u.id, role: u.role as Role, organizationId: u.organizationId };
  const contracts = await db.contract.findMany({
    select: { id: true, contractorOrgId: true, billItems: { select: { id: true, code: true } } },
  });
  const a = contracts.find((c) => c.contractorOrgId === users.shigong1!.organizationId)!;
  contractA = a.id;
  contractB = contracts.find((c) => c.contractorOrgId === users.shigong2!.organizationId)!.id;
  wiringA = a.billItems.find((b) => b.code === "010101")!.id;
  railingA = a.billItems.find((b) => b.code === "010201")!.id;
  // Accepted: two wiring lots (28 跑) and one railing lot (14 跑); a submitted one does not count.
  await acceptedLot(1, "stairwell-wiring");
  await acceptedLot(2, "stairwell-wiring");
  await acceptedLot(1, "stair-railing");
}, 60_000);

describe("计量支付 against accepted lots", () => {
  it("refuses a claim above the accepted quantity, listing the gap per item, and writes nothing", async () => {
    const before = await db.auditEvent.count();
    const attempt = applyPayment(db, users.shigong1!, "own", contractA, {
      period: "2021年5月",
      lines: [
        { billItemId: wiringA, milli: 30_000 },
        { billItemId: railingA, milli: 20_500 },
      ],
      password,
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    const error = (await attempt.catch((e: unknown) => e)) as DomainError;
    expect(error).toMatchObject({ code: "fund:errors.claimExceeds", status: 422 });
    expect(gapsOf(error).map((g) => [g.code, g.availableMilli, g.gapMilli])).toEqual([
      ["010101", 28_000, 2_000],
      ["010201", 14_000, 6_500],
    ]);
    expect(await db.paymentApplication.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("runs apply → certify (reduced) → approve → pay, each step signed and audited, the verifier clean", async () => {
    const app = await applyPayment(db, users.shigong1!, "own", contractA, {
      period: "2021年5月",
      lines: [
        { billItemId: wiringA, milli: 28_000 },
        { billItemId: railingA, milli: 14_000 },
      ],
      password,
    });
    expect(await fundEvents(app.id)).toEqual(["fund.apply"]);
    const view = await getApplication(db, app.id, users.jianli!, "any");
    const railingLine = view!.lines.find((l) => l.code === "010201")!;
    await expect(
      certifyPayment(db, users.jianli!, app.id, {
        quantities: {},
        password: "wrong-password",
        opinion: "",
      }),
    ).rejects.toMatchObject({ code: "auth:signing.wrongPassword", status: 400 });
    // 28 跑 × ¥1,650 + 10.5 跑 × ¥980 = ¥46,200 + ¥10,290 = ¥56,490; 3% retention ¥1,694.70.
    const certified = await certifyPayment(db, users.jianli!, app.id, {
      quantities: { [railingLine.id]: 10_500 },
      password,
      opinion: "栏杆按实核减",
    });
    expect(certified.grossFen).toBe(5_649_000n);
    expect(certified.netFen).toBe(5_649_000n - 169_470n);
    await approvePayment(db, users.jianshe!, app.id, { password, opinion: "" });
    await recordPayment(db, users.caizheng!, app.id, {
      password,
      opinion: "",
      source: "central",
      voucherNo: "DJCZ-2021-0001",
    });
    expect(await fundEvents(app.id)).toEqual([
      "fund.apply",
      "fund.certify",
      "fund.approve",
      "fund.pay",
    ]);
    const traced = await getApplication(db, app.id, users.shenji!, "any");
    expect(traced!.signatures.map((s) => s.step)).toEqual(["apply", "certify", "approve", "pay"]);
    expect(traced!.lines.find((l) => l.code === "010201")).toMatchObject({
      claimed: "14",
      certified: "10.5",
      reduced: true,
      amount: "10,290.00",
    });
    expect(traced!.lines.find((l) => l.code === "010101")!.lots).toHaveLength(2);
    expect(traced!.lines[0]!.lots[0]!.lotHash).toMatch(/^[0-9a-f]{64}$/);
    const budget = await budgetSummary(db);
    expect(budget.rows.find((r) => r.source === "central")!.total.spent).toBe("54,795.30");
    const report = await verifyDatabase(db);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
    // The auditor's Excel: 元 as exact number cells, the paid line's 28 跑 at ¥1,650.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await varianceXlsx(db, namespaceT("zh-CN", "fund"))) as unknown as ArrayBuffer,
    );
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(3).getCell(13).value).toBe("已支付金额（元）");
    // The same sheet for an English reader: headers in English, names as written.
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(
      (await varianceXlsx(db, namespaceT("en", "fund"))) as unknown as ArrayBuffer,
    );
    expect(en.worksheets[0]!.getRow(3).getCell(13).value).toBe("Paid amount (CNY)");
    expect(en.worksheets[0]!.getRow(4).getCell(1).value).toMatch(/^标段/);
    const wiringRow = sheet
      .getRows(4, sheet.rowCount - 3)!
      .find(
        (r) => r.getCell(1).value === "标段一（县农行老旧小区）" && r.getCell(2).value === "010101",
      )!;
    expect([wiringRow.getCell(12).value, wiringRow.getCell(13).value]).toEqual([28, 46200]);
  });

  it("keeps an approved payment unchangeable: refused by the module and by the database; reversal is a new signed entry", async () => {
    const paid = await db.paymentApplication.findFirstOrThrow({
      where: { contractId: contractA, status: "paid" },
      select: { id: true },
    });
    await expect(
      certifyPayment(db, users.jianli!, paid.id, { quantities: {}, password, opinion: "" }),
    ).rejects.toMatchObject({ code: "fund:errors.immutable", status: 409 });
    await expect(
      approvePayment(db, users.jianshe!, paid.id, { password, opinion: "" }),
    ).rejects.toMatchObject({ code: "fund:errors.immutable", status: 409 });
    await expect(
      rawExec(db, `UPDATE "PaymentApplication" SET "grossFen" = 1 WHERE "id" = '${paid.id}'`),
    ).rejects.toThrow(/immutable/);
    await expect(
      rawExec(
        db,
        `UPDATE "PaymentLine" SET "certifiedMilli" = 1 WHERE "applicationId" = '${paid.id}'`,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      rawExec(db, `DELETE FROM "PaymentSignature" WHERE "applicationId" = '${paid.id}'`),
    ).rejects.toThrow(/immutable/);
    await expect(
      reversePayment(db, users.caizheng!, paid.id, { password, reason: "" }),
    ).rejects.toMatchObject({ code: "fund:errors.reasonRequired", status: 400 });
    await reversePayment(db, users.caizheng!, paid.id, { password, reason: "凭证号登记错误" });
    expect(await fundEvents(paid.id)).toContain("fund.reverse");
    const row = await db.paymentApplication.findUniqueOrThrow({
      where: { id: paid.id },
      select: { status: true, grossFen: true, voucherNo: true },
    });
    expect(row).toEqual({ status: "reversed", grossFen: 5_649_000n, voucherNo: "DJCZ-2021-0001" });
    await expect(
      reversePayment(db, users.caizheng!, paid.id, { password, reason: "再次" }),
    ).rejects.toMatchObject({ code: "fund:errors.immutable", status: 409 });
    // The reversed quantities are free to claim again.
    const again = await applyPayment(db, users.shigong1!, "own", contractA, {
      period: "2021年5月（重报）",
      lines: [{ billItemId: wiringA, milli: 28_000 }],
      password,
    });
    expect(again.number).toBe("NH-JL-002");
    const report = await verifyDatabase(db);
    expect(report.recordBreaks).toEqual([]);
  });

  it("shows a direct edit of a certified application to the verifier", async () => {
    const open = await db.paymentApplication.findFirstOrThrow({
      where: { contractId: contractA, status: "applied" },
      select: { id: true },
    });
    await certifyPayment(db, users.jianli!, open.id, { quantities: {}, password, opinion: "" });
    await rawExec(
      db,
      `UPDATE "PaymentLine" SET "certifiedMilli" = 27000 WHERE "applicationId" = '${open.id}'`,
    );
    const report = await verifyDatabase(db);
    expect(report.recordBreaks).toMatchObject([
      {
        label: { code: "audit:verify.label.payment", params: { number: "NH-JL-002" } },
        code: "audit:verify.payment.hashMismatch",
      },
    ]);
    await expect(
      approvePayment(db, users.jianshe!, open.id, { password, opinion: "" }),
    ).rejects.toMatchObject({ code: "fund:errors.tampered", status: 409 });
    await rawExec(
      db,
      `UPDATE "PaymentLine" SET "certifiedMilli" = 28000 WHERE "applicationId" = '${open.id}'`,
    );
    expect((await verifyDatabase(db)).recordBreaks).toEqual([]);
  });

  it("hides contractor A's contract and applications from contractor B, even by id", async () => {
    const b = users.shigong2!;
    expect((await listContracts(db, b, "own")).map((c) => c.id)).toEqual([contractB]);
    expect(await contractOverview(db, contractA, b, "own")).toBeNull();
    const appA = await db.paymentApplication.findFirstOrThrow({
      where: { contractId: contractA },
      select: { id: true },
    });
    expect(await getApplication(db, appA.id, b, "own")).toBeNull();
    await expect(
      applyPayment(db, b, "own", contractA, {
        period: "x",
        lines: [{ billItemId: wiringA, milli: 1 }],
        password,
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await getApplication(db, appA.id, users.shenji!, "any")).not.toBeNull();
  });
});

describe("exact money over many items", () => {
  it("totals 10,000 bill items to the fen, in the contract list and the variance report", async () => {
    const org = await db.organization.create({
      data: { name: "测试施工单位丙", shortName: "丙", kind: "contractor" },
      select: { id: true },
    });
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const wt = await db.workType.findFirstOrThrow({ select: { id: true } });
    const contract = await db.contract.create({
      data: { compoundId: nh.id, contractorOrgId: org.id, name: "标段丙（测试）", scopeZh: "测试" },
      select: { id: true },
    });
    // Even items 0.1 × ¥0.30 = ¥0.03; odd items 1 × ¥5,410.01: 5,000 × 0.03 + 5,000 × 5,410.01.
    await db.billItem.createMany({
      data: Array.from({ length: 10_000 }, (_, i) => ({
        contractId: contract.id,
        seq: i + 1,
        code: `T${String(i).padStart(5, "0")}`,
        name: `测试项目 ${i}`,
        unit: "m",
        quantityMilli: i % 2 === 0 ? 100 : 1_000,
        unitPriceFen: i % 2 === 0 ? 30n : 541_001n,
        workTypeId: wt.id,
      })),
    });
    const expected = "27,050,200.00";
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += i % 2 === 0 ? 0.1 * 0.3 : 5410.01;
    expect(float.toFixed(10)).not.toBe("27050200.0000000000"); // what floats would have given
    const listed = await listContracts(db, users.shenji!, "any");
    expect(listed.find((c) => c.id === contract.id)!.valueFen).toBe(expected);
    const variance = await varianceReport(db);
    const mine = variance.rows.filter((r) => r.contract === "标段丙（测试）");
    expect(mine).toHaveLength(10_000);
    expect(mine.reduce((s, r) => s + r.contractFen, 0n)).toBe(2_705_020_000n);
  }, 120_000);
});
