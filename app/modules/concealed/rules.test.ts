import { describe, expect, it } from "vitest";
import { CONCEALED_STEPS, gapsOf, lotHolds, mayAct, requiredPlaces } from "./rules";

const planned = (workTypeCode: string, placeId: string, placeKind = "stairwell") => ({
  workTypeCode,
  placeKind,
  placeId,
  placeLabel: `P-${placeId}`,
});

describe("隐蔽工程验收 rules (GB 50300-2013 §3.0.6-5)", () => {
  it("names the concealed steps: conduits before plastering, pipes and septic tanks before backfill", () => {
    const byCode = Object.fromEntries(CONCEALED_STEPS.map((s) => [s.workTypeCode, s]));
    // GB 50303-2015 §12 导管敷设 in 建筑电气/电气照明, covered by the 单元's wall finishing
    expect(byCode["stairwell-wiring"]).toMatchObject({
      division: "建筑电气",
      subItem: "导管敷设",
      coveredBy: ["wall-finishing"],
    });
    // GB 50268-2008 / GB 50242-2002 §10: pipes before the trench is backfilled
    expect(byCode["rain-sewer-network"]).toMatchObject({ subItem: "排水管道安装" });
    // GB 50141 / GB 50242 §10.3: the tank's base, rebar and waterproofing
    expect(byCode["septic-tank"]).toMatchObject({ subItem: "排水管沟与井池" });
    // stair railings and fitness equipment have no step covered by later work here
    expect(byCode["stair-railing"]).toBeUndefined();
  });

  it("requires one record per planned place with a concealed step, only under an approved plan (§4.0.7)", () => {
    const lots = [
      planned("stairwell-wiring", "s1"),
      planned("stairwell-wiring", "s1"), // a second 分项 of the same lot: one record
      planned("stairwell-wiring", "s2"),
      planned("wall-finishing", "s1"),
      planned("septic-tank", "z1", "zone"),
    ];
    expect(requiredPlaces({ approved: false, lots })).toEqual([]);
    expect(requiredPlaces(null)).toEqual([]);
    expect(requiredPlaces({ approved: true, lots }).map((p) => p.placeId)).toEqual([
      "s1",
      "s2",
      "z1",
    ]);
  });

  it("lists missing and unsigned records with their links; signed ones are met", () => {
    const required = requiredPlaces({
      approved: true,
      lots: [
        planned("stairwell-wiring", "s1"),
        planned("stairwell-wiring", "s2"),
        planned("stairwell-wiring", "s3"),
      ],
    });
    const row = (placeId: string, status: string) => ({
      ...planned("stairwell-wiring", placeId),
      id: `r-${placeId}`,
      status,
      division: "建筑电气",
      work: "w",
      signedAt: null,
    });
    const gaps = gapsOf("c1", required, [row("s1", "signed"), row("s2", "refused")]);
    expect(gaps.map((g) => [g.placeId, g.code, g.href])).toEqual([
      ["s2", "concealedUnsigned", "/concealed/r-s2"],
      [
        "s3",
        "concealedMissing",
        "/compounds/c1/concealed/new?workType=stairwell-wiring&placeKind=stairwell&placeId=s3",
      ],
    ]);
  });

  it("holds the wiring lot and the wall finishing at that 单元 only; 验收合格后方可继续施工", () => {
    const gaps = gapsOf(
      "c1",
      requiredPlaces({ approved: true, lots: [planned("stairwell-wiring", "s1")] }),
      [],
    );
    const at = (workTypeCode: string, placeId = "s1") => ({
      workTypeCode,
      placeKind: "stairwell",
      placeId,
    });
    expect(lotHolds(at("stairwell-wiring"), gaps)).toHaveLength(1);
    expect(lotHolds(at("wall-finishing"), gaps)).toHaveLength(1);
    expect(lotHolds(at("stair-railing"), gaps)).toEqual([]);
    expect(lotHolds(at("wall-finishing", "s2"), gaps)).toEqual([]);
  });

  it("a signed record never changes; a returned one may be asked for again", () => {
    for (const a of ["sign", "refuse", "request", "photo"] as const)
      expect(mayAct("signed", a)).toBe(false);
    expect(mayAct("requested", "sign")).toBe(true);
    expect(mayAct("requested", "request")).toBe(false);
    expect(mayAct("refused", "request")).toBe(true);
    expect(mayAct("refused", "sign")).toBe(false);
  });
});
