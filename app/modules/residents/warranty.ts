/**
 * 质量保修 after 竣工验收: the period per work type and where a reported problem goes. Pure.
 *
 * 《建设工程质量管理条例》（国务院令第279号）第四十条：在正常使用条件下，建设工程的最低保修期限为
 * （二）屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏，为5年；
 * （四）电气管线、给排水管道、设备安装和装修工程，为2年。其他项目的保修期限由发包方与承包方约定。
 * 建设工程的保修期，自竣工验收合格之日起计算。
 * Periods "by agreement" are the contract's (质量保修书); the demo uses 2 years and says so.
 */
export type WarrantyBasis =
  | "wiring"
  | "soundLight"
  | "finishing"
  | "drainage"
  | "septic"
  | "waterproofing"
  | "agreed";
/** `basis` names the clause (residents:basis.*): 第四十条（四）2 年, （二）5 年, or by agreement. */
export type WarrantyRule = { years: number; basis: WarrantyBasis };

/** Work type code → minimum warranty. Missing = not warrantable (e.g. demolition). */
export const WARRANTY_PERIODS: Record<string, WarrantyRule> = {
  "stairwell-wiring": { years: 2, basis: "wiring" },
  "stairwell-sound-light": { years: 2, basis: "soundLight" },
  "stair-railing": { years: 2, basis: "finishing" },
  "wall-finishing": { years: 2, basis: "finishing" },
  "rain-sewer-network": { years: 2, basis: "drainage" },
  "septic-tank": { years: 2, basis: "septic" },
  waterproofing: { years: 5, basis: "waterproofing" },
  "road-repair": { years: 2, basis: "agreed" },
  "parking-lot": { years: 2, basis: "agreed" },
  "green-plaza": { years: 2, basis: "agreed" },
  "rubbish-point": { years: 2, basis: "agreed" },
  "fitness-equipment": { years: 2, basis: "agreed" },
};

/** The last instant of the warranty: acceptance date plus the years (same calendar day). */
export function warrantyEndsOn(acceptedAt: Date, years: number): Date {
  const end = new Date(acceptedAt);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

/** Why a report went where it went (residents:warranty.reason.*). */
export type WarrantyReason = "notWarrantable" | "expired" | "noContractor" | "inPeriod";

export type WarrantyRouting =
  | { route: "contractor"; endsOn: Date; basis: WarrantyBasis; reason: "inPeriod" }
  | {
      route: "management";
      endsOn: Date | null;
      basis: WarrantyBasis | null;
      reason: Exclude<WarrantyReason, "inPeriod">;
    };

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
  if (!rule) return { route: "management", endsOn: null, basis: null, reason: "notWarrantable" };
  const endsOn = warrantyEndsOn(input.acceptedAt, rule.years);
  if (input.now.getTime() >= endsOn.getTime())
    return { route: "management", endsOn, basis: rule.basis, reason: "expired" };
  if (!input.contractorKnown)
    return { route: "management", endsOn, basis: rule.basis, reason: "noContractor" };
  return { route: "contractor", endsOn, basis: rule.basis, reason: "inPeriod" };
}
