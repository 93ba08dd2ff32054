import { describe, expect, it } from "vitest";
import { routeWarranty, WARRANTY_PERIODS, warrantyEndsOn } from "./warranty";

// 《建设工程质量管理条例》第四十条: 电气管线、给排水管道、设备安装和装修工程 2 年; 防水 5 年;
// the period runs from the day the acceptance passed.
describe("warranty periods (建设工程质量管理条例 第四十条)", () => {
  const accepted = new Date("2021-08-10T02:00:00Z");
  it("gives electrical, pipes and finishing 2 years and waterproofing 5", () => {
    expect(WARRANTY_PERIODS["stairwell-wiring"]?.years).toBe(2);
    expect(WARRANTY_PERIODS["rain-sewer-network"]?.years).toBe(2);
    expect(WARRANTY_PERIODS["wall-finishing"]?.years).toBe(2);
    expect(WARRANTY_PERIODS.waterproofing?.years).toBe(5);
    expect(WARRANTY_PERIODS["illegal-structure-demolition"]).toBeUndefined();
  });
  it("routes a broken light to the contractor the day before two years are up, to management after", () => {
    const end = warrantyEndsOn(accepted, 2);
    expect(end.toISOString()).toBe("2023-08-10T02:00:00.000Z");
    const within = routeWarranty({
      workTypeCode: "stairwell-sound-light",
      acceptedAt: accepted,
      contractorKnown: true,
      now: new Date("2023-08-09T12:00:00Z"),
    });
    expect(within.route).toBe("contractor");
    const after = routeWarranty({
      workTypeCode: "stairwell-sound-light",
      acceptedAt: accepted,
      contractorKnown: true,
      now: new Date("2023-08-10T02:00:00Z"),
    });
    expect(after.route).toBe("management");
  });
  it("sends what no contractor warrants to management", () => {
    const now = new Date("2022-01-01T00:00:00Z");
    expect(
      routeWarranty({ workTypeCode: null, acceptedAt: accepted, contractorKnown: true, now }).route,
    ).toBe("management");
    expect(
      routeWarranty({
        workTypeCode: "stair-railing",
        acceptedAt: accepted,
        contractorKnown: false,
        now,
      }).route,
    ).toBe("management");
  });
});
