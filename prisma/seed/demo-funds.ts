import type { Db } from "~/infra/db.server";
import type { Role } from "~/modules/auth/permissions";
import { parseQuantity, parseYuan } from "~/modules/fund/money";
import {
  applyPayment,
  approvePayment,
  certifyPayment,
  recordPayment,
} from "~/modules/fund/payments.server";
import type { FundSource } from "~/modules/fund/rules";

/**
 * The programme's ¥5,410 万 by source (the plan names central, provincial and county funds,
 * residents' contributions and the sale of the underpass shops, 方案 六(三)); the split between
 * sources and compounds and the bills of quantities are invented but plausible.
 */
export const BUDGET_YUAN: Record<string, Record<FundSource, string>> = {
  NH: {
    central: "16500000",
    provincial: "4400000",
    county: "5555000",
    resident: "1100000",
    shop_sale: "2200000",
  },
  WZB: {
    central: "13500000",
    provincial: "3600000",
    county: "4545000",
    resident: "900000",
    shop_sale: "1800000",
  },
};

type Item = [code: string, name: string, workType: string, unit: string, price: string];
const ITEMS: Item[] = [
  ["010101", "楼道线路规范整理（含线槽、配电箱）", "stairwell-wiring", "跑", "1650"],
  ["010102", "楼道声控灯安装", "stairwell-sound-light", "跑", "420"],
  ["010201", "楼梯栏杆维修加固", "stair-railing", "跑", "980"],
  ["010301", "楼梯间墙面美化", "wall-finishing", "跑", "1260"],
  ["020101", "破损道路修复", "road-repair", "m", "2150"],
  ["020201", "雨污管网改造", "rain-sewer-network", "m", "1380"],
  ["020301", "化粪池新建或改造", "septic-tank", "座", "268000"],
  ["030101", "公共绿地及文体广场", "green-plaza", "m²", "310"],
  ["030201", "垃圾分类收集点", "rubbish-point", "座", "85000"],
  ["030301", "室外健身器材", "fitness-equipment", "件", "12500"],
  ["030401", "停车场（停车位）", "parking-lot", "个", "6800"],
  ["040101", "违章建筑拆除", "illegal-structure-demolition", "m²", "160"],
];
/** Contract quantities per compound, in the order of ITEMS; stairwell work at 14 跑 a stairwell. */
const QUANTITIES: Record<string, string[]> = {
  NH: ["714", "714", "714", "714", "440", "630", "1", "1800", "1", "8", "46", "320"],
  WZB: ["616", "616", "616", "616", "320", "610", "1", "800", "1", "6", "38", "150"],
};

const must = <T>(v: T | null, what: string): T => {
  if (v === null) throw new Error(`bad demo value ${what}`);
  return v;
};

/** Budget lines and each contract's bill of quantities (工程量清单), 3% retention, 2-year warranty. */
export async function seedDemoFunds(db: Db) {
  const workTypes = new Map(
    (await db.workType.findMany({ select: { id: true, code: true } })).map((w) => [w.code, w.id]),
  );
  const contracts = await db.contract.findMany({
    select: { id: true, compoundId: true, compound: { select: { code: true } } },
  });
  await db.$transaction(async (tx) => {
    for (const c of contracts) {
      const budget = BUDGET_YUAN[c.compound.code];
      const quantities = QUANTITIES[c.compound.code];
      if (!budget || !quantities) continue;
      for (const [source, yuan] of Object.entries(budget))
        await tx.budgetLine.create({
          data: {
            compoundId: c.compoundId,
            source,
            amountFen: must(parseYuan(yuan), yuan),
            note: "演示数据：按来源分配",
          },
        });
      await tx.contract.update({
        where: { id: c.id },
        data: { retentionBp: 300, warrantyEndsOn: new Date("2023-08-31T00:00:00+08:00") },
      });
      await tx.billItem.createMany({
        data: ITEMS.map(([code, name, workType, unit, price], i) => ({
          contractId: c.id,
          seq: i + 1,
          code,
          name,
          unit,
          quantityMilli: must(parseQuantity(quantities[i]!), quantities[i]!),
          unitPriceFen: must(parseYuan(price), price),
          workTypeId: must(workTypes.get(workType) ?? null, workType),
          places: "[]",
        })),
      });
    }
  });
}

/**
 * 2021 payments over the demo activity's accepted lots, through the module functions so the
 * chain and signatures are real: NH-JL-001 paid, NH-JL-002 approved (awaiting 财政局),
 * WZB-JL-001 paid.
 */
export async function seedDemoPayments(db: Db, password: string) {
  const users = await db.user.findMany({
    select: { id: true, username: true, role: true, organizationId: true },
  });
  const u = (name: string) => {
    const found = users.find((x) => x.username === name);
    if (!found) throw new Error(`no demo user ${name}`);
    return { ...found, role: found.role as Role };
  };
  const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`);
  const plan = [
    {
      contractor: "shigong1",
      code: "010101",
      milli: 56_000,
      period: "2021年5月",
      on: "2021-06-01",
      paidOn: "2021-06-10",
      source: "central",
    },
    {
      contractor: "shigong1",
      code: "010201",
      milli: 42_000,
      period: "2021年6月",
      on: "2021-07-01",
      paidOn: null,
      source: "",
    },
    {
      contractor: "shigong2",
      code: "010101",
      milli: 28_000,
      period: "2021年6月",
      on: "2021-07-02",
      paidOn: "2021-07-12",
      source: "provincial",
    },
  ] as const;
  for (const p of plan) {
    const contractor = u(p.contractor);
    const contract = await db.contract.findFirstOrThrow({
      where: { contractorOrgId: contractor.organizationId },
      select: { id: true, billItems: { where: { code: p.code }, select: { id: true } } },
    });
    const day = at(p.on);
    const app = await applyPayment(
      db,
      contractor,
      "own",
      contract.id,
      {
        period: p.period,
        lines: [{ billItemId: contract.billItems[0]!.id, milli: p.milli }],
        password,
      },
      day,
    );
    await certifyPayment(
      db,
      u("jianli"),
      app.id,
      { quantities: {}, password, opinion: "" },
      new Date(day.getTime() + 2 * 86_400_000),
    );
    await approvePayment(
      db,
      u("jianshe"),
      app.id,
      { password, opinion: "" },
      new Date(day.getTime() + 4 * 86_400_000),
    );
    if (p.paidOn)
      await recordPayment(
        db,
        u("caizheng"),
        app.id,
        {
          password,
          opinion: "",
          source: p.source,
          voucherNo: `DJCZ-${p.paidOn.replaceAll("-", "")}-01`,
        },
        at(p.paidOn),
      );
  }
  return plan.length;
}
