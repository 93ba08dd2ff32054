/**
 * 质量保修 after 竣工验收: the period per work type and where a reported problem goes. Pure.
 *
 * 《建设工程质量管理条例》（国务院令第279号）第四十条：在正常使用条件下，建设工程的最低保修期限为
 * （二）屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏，为5年；
 * （四）电气管线、给排水管道、设备安装和装修工程，为2年。其他项目的保修期限由发包方与承包方约定。
 * 建设工程的保修期，自竣工验收合格之日起计算。
 * Periods "by agreement" are the contract's (质量保修书); the demo uses 2 years and says so.
 */
export type WarrantyRule = { years: number; basisZh: string };

const REG = "《建设工程质量管理条例》第四十条";

/** Work type code → minimum warranty. Missing = not warrantable (e.g. demolition). */
export const WARRANTY_PERIODS: Record<string, WarrantyRule> = {
  "stairwell-wiring": { years: 2, basisZh: `${REG}（四）电气管线 2 年` },
  "stairwell-sound-light": { years: 2, basisZh: `${REG}（四）电气管线、设备安装 2 年` },
  "stair-railing": { years: 2, basisZh: `${REG}（四）装修工程 2 年` },
  "wall-finishing": { years: 2, basisZh: `${REG}（四）装修工程 2 年` },
  "rain-sewer-network": { years: 2, basisZh: `${REG}（四）给排水管道 2 年` },
  "septic-tank": { years: 2, basisZh: `${REG}（四）给排水管道 2 年（池体防渗按合同约定）` },
  waterproofing: { years: 5, basisZh: `${REG}（二）防水、防渗漏 5 年` },
  "road-repair": { years: 2, basisZh: "发包方与承包方约定（质量保修书，演示取 2 年）" },
  "parking-lot": { years: 2, basisZh: "发包方与承包方约定（质量保修书，演示取 2 年）" },
  "green-plaza": { years: 2, basisZh: "发包方与承包方约定（质量保修书，演示取 2 年）" },
  "rubbish-point": { years: 2, basisZh: "发包方与承包方约定（质量保修书，演示取 2 年）" },
  "fitness-equipment": { years: 2, basisZh: "发包方与承包方约定（质量保修书，演示取 2 年）" },
};

/** The last instant of the warranty: acceptance date plus the years (same calendar day). */
export function warrantyEndsOn(acceptedAt: Date, years: number): Date {
  const end = new Date(acceptedAt);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

export type WarrantyRouting =
  | { route: "contractor"; endsOn: Date; basisZh: string; reasonZh: string }
  | { route: "management"; endsOn: Date | null; basisZh: string | null; reasonZh: string };

/**
 * Within the period and with a known contractor → the contractor (保修); otherwise the
 * management body (物业/社区) repairs it.
 */
export function routeWarranty(input: {
  workTypeCode: string | null;
  acceptedAt: Date;
  contractorKnown: boolean;
  now: Date;
}): WarrantyRouting {
  const rule = input.workTypeCode ? WARRANTY_PERIODS[input.workTypeCode] : undefined;
  if (!rule)
    return {
      route: "management",
      endsOn: null,
      basisZh: null,
      reasonZh: "不属于保修范围的工程类别，由物业/社区维修",
    };
  const endsOn = warrantyEndsOn(input.acceptedAt, rule.years);
  if (input.now.getTime() >= endsOn.getTime())
    return {
      route: "management",
      endsOn,
      basisZh: rule.basisZh,
      reasonZh: "已过保修期，由物业/社区维修",
    };
  if (!input.contractorKnown)
    return {
      route: "management",
      endsOn,
      basisZh: rule.basisZh,
      reasonZh: "查不到施工单位，由物业/社区维修",
    };
  return {
    route: "contractor",
    endsOn,
    basisZh: rule.basisZh,
    reasonZh: "在保修期内，由施工单位保修",
  };
}
