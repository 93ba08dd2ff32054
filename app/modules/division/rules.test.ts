import { describe, expect, it } from "vitest";
import { divisionsPrerequisite } from "~/modules/acceptance/prerequisites";
import { appearancePointsOf } from "./appearance-points";
import {
  appearanceState,
  divisionReadinessGaps,
  divisionSeatOf,
  REQUIRED_DIVISION_SEATS,
  SUB_ITEM_SEATS,
  signedAt,
  subItemReady,
  subItemSeatOf,
} from "./rules";

const lot = (status: string, recordsComplete = true) => ({
  placeLabel: "1栋1单元",
  lot: { id: "l", number: "N-1", status, recordsComplete },
});
const d = (iso: string) => new Date(iso);

describe("GB 50300-2013 §5.0.2: a 分项 is accepted when all its lots are, with complete records", () => {
  it("passes only when every planned lot is accepted and its records are complete", () => {
    expect(subItemReady([lot("accepted"), lot("accepted")])).toBe(true);
    expect(subItemReady([lot("accepted"), lot("submitted")])).toBe(false); // §5.0.2-1
    expect(subItemReady([lot("accepted"), lot("accepted", false)])).toBe(false); // §5.0.2-2
    expect(subItemReady([lot("accepted"), { placeLabel: "2单元", lot: null }])).toBe(false);
    expect(subItemReady([])).toBe(false);
  });

  it("is signed by the 项目专业技术负责人 and the 专业监理工程师 (附录F, §6.0.2)", () => {
    expect(subItemSeatOf({ role: "contractor", title: "项目技术负责人" })).toBe("contractorTech");
    expect(subItemSeatOf({ role: "contractor", title: "项目专业质量检查员" })).toBeNull();
    expect(subItemSeatOf({ role: "supervisor", title: "专业监理工程师" })).toBe("supervisor");
    expect(subItemSeatOf({ role: "owner", title: "建设单位项目负责人" })).toBeNull();
    const at = signedAt(SUB_ITEM_SEATS, [{ seat: "supervisor", signedAt: d("2026-05-02") }]);
    expect(at).toBeNull();
    expect(
      signedAt(SUB_ITEM_SEATS, [
        { seat: "supervisor", signedAt: d("2026-05-02") },
        { seat: "contractorTech", signedAt: d("2026-05-01") },
      ]),
    ).toEqual(d("2026-05-02"));
  });
});

describe("GB 50300-2013 §5.0.3: a 分部 needs its 分项 accepted and 观感 without 差", () => {
  const points = ["distributionBoards", "luminaires"];

  it("keeps the latest rating per point; a 差 re-rated after rework is marked (§5.0.3 条文说明)", () => {
    const state = appearanceState(points, [
      { point: "luminaires", rating: "poor", ratedAt: d("2026-05-01") },
      { point: "luminaires", rating: "good", ratedAt: d("2026-05-03") },
      { point: "distributionBoards", rating: "fair", ratedAt: d("2026-05-01") },
      { point: "", rating: "good", ratedAt: d("2026-05-03") },
    ]);
    expect(state.points).toEqual([
      { code: "distributionBoards", rating: "fair", reworked: false },
      { code: "luminaires", rating: "good", reworked: true },
    ]);
    expect(state.conclusion).toBe("good");
  });

  it("lists every open 分项, unrated or 差 point and a missing or 差 overall rating", () => {
    const appearance = appearanceState(points, [
      { point: "luminaires", rating: "poor", ratedAt: d("2026-05-01") },
      { point: "", rating: "poor", ratedAt: d("2026-05-01") },
    ]);
    expect(
      divisionReadinessGaps({
        subItems: [
          { name: "导管敷设", passed: true },
          { name: "普通灯具安装", passed: false },
        ],
        appearance,
      }),
    ).toEqual([
      { code: "subItemOpen", params: { subItem: "普通灯具安装" } },
      { code: "appearanceMissing", params: { point: "distributionBoards" } },
      { code: "appearancePoor", params: { point: "luminaires" } },
      { code: "appearanceConclusion", params: {} },
    ]);
    const ok = appearanceState(points, [
      { point: "luminaires", rating: "fair", ratedAt: d("2026-05-01") },
      { point: "distributionBoards", rating: "good", ratedAt: d("2026-05-01") },
      { point: "", rating: "fair", ratedAt: d("2026-05-01") },
    ]);
    expect(
      divisionReadinessGaps({ subItems: [{ name: "导管敷设", passed: true }], appearance: ok }),
    ).toEqual([]);
  });

  it("is signed by the 施工 项目负责人 and the 总监; the designer only where involved (§6.0.3)", () => {
    expect(divisionSeatOf({ role: "contractor", title: "施工单位项目负责人（项目经理）" })).toBe(
      "contractorLead",
    );
    expect(divisionSeatOf({ role: "contractor", title: "项目技术负责人" })).toBeNull();
    expect(divisionSeatOf({ role: "designer", title: "设计单位项目负责人" })).toBe("designer");
    expect(divisionSeatOf({ role: "supervisor", title: "专业监理工程师" })).toBeNull();
    expect(divisionSeatOf({ role: "supervisor", title: "总监理工程师" })).toBe("chief");
    expect(REQUIRED_DIVISION_SEATS).toEqual(["contractorLead", "chief"]);
  });

  it("checks 建筑电气 at its boards, luminaires, switches and cable runs (GB 50303-2015)", () => {
    expect(appearancePointsOf("建筑电气").map((p) => p.code)).toEqual([
      "distributionBoards",
      "luminaires",
      "switchesSockets",
      "cableRuns",
    ]);
    expect(appearancePointsOf("未列入的分部").map((p) => p.code)).toEqual(["general"]);
  });
});

describe("GB 50300-2013 §5.0.4-1: the 单位工程 waits for every 分部", () => {
  it("names each 分部 not passed and links to its record", () => {
    const p = divisionsPrerequisite([
      { division: "建筑电气", passed: true, href: "/a" },
      { division: "建筑装饰装修", passed: false, href: "/b" },
    ]);
    expect(p).toEqual({
      key: "divisions",
      ok: false,
      blockers: [{ code: "divisionIncomplete", params: { division: "建筑装饰装修" }, href: "/b" }],
    });
    expect(divisionsPrerequisite([]).ok).toBe(true);
  });
});
