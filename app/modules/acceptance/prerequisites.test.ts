import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import {
  acceptancePrerequisites,
  allMet,
  type PrereqLot,
  type Prerequisite,
  redactBlockers,
} from "./prerequisites";
import { blockerText } from "./words";

// The blockers as the Chinese page words them (codes and params in, text out).
const zh = fixedT("zh-CN");
const worded = (blockers: Prerequisite["blockers"]) =>
  blockers.map((b) => ({ label: blockerText(zh, b), href: b.href }));

const workTypes = [
  { code: "wiring", nameZh: "楼道线路", placeKind: "stairwell", zoneKinds: [] },
  { code: "road", nameZh: "道路", placeKind: "zone", zoneKinds: ["road"] },
  { code: "septic", nameZh: "化粪池", placeKind: "zone", zoneKinds: ["septic"] },
];
const lot = (over: Partial<PrereqLot> = {}): PrereqLot => ({
  id: "l1",
  number: "CX-SR-001",
  status: "accepted",
  recordsComplete: true,
  workTypeCode: "wiring",
  placeLabel: "1栋1单元",
  ...over,
});
const base: Parameters<typeof acceptancePrerequisites>[0] = {
  compoundId: "c1",
  compound: { stairwells: 2, buildings: 1, zoneKinds: ["road"] },
  workTypes,
  lots: [lot(), lot({ id: "l2", number: "CX-RD-001", workTypeCode: "road" })],
  defects: [{ id: "d1", number: "CX-QX-001", title: "扶手松动", status: "closed" }],
  seats: [
    { party: "owner", organizationName: "城投", candidates: 1 },
    { party: "bureau", organizationName: "住建局", candidates: 2 },
  ],
  plan: { approved: true, pending: [] },
};
const unmet = (input: typeof base) =>
  acceptancePrerequisites(input)
    .filter((p) => !p.ok)
    .map((p) => [p.key, worded(p.blockers)]);

describe("final acceptance prerequisites", () => {
  it("are all met when every lot is accepted with records, no defect open, every party filled", () => {
    const list = acceptancePrerequisites(base);
    expect(list.map((p) => p.key)).toEqual([
      "plan",
      "planLots",
      "concealed",
      "lotsAccepted",
      "records",
      "defects",
      "parties",
    ]);
    expect(allMet(list)).toBe(true);
  });

  it("without an approved plan: blocks on the plan and keeps the one-lot-per-work-type rule (GB 50300 §4.0.7)", () => {
    const planBlocker = ["plan", [{ label: "检验批划分方案未批准", href: "/compounds/c1/plan" }]];
    const input = { ...base, plan: null, lots: [lot()] };
    // zones the compound lacks (septic) do not count
    expect(unmet(input)).toEqual([
      planBlocker,
      ["workTypes", [{ label: "道路：尚无检验批", href: "/compounds/c1" }]],
    ]);
    const draft = { ...base, plan: { approved: false, pending: [] } };
    expect(unmet(draft)).toEqual([planBlocker]);
    const { plan: _none, ...before15 } = base;
    expect(unmet(before15)).toEqual([planBlocker]);
  });

  it("with an approved plan: blocks on every planned lot missing or not accepted, each with its link (§5.0.2, §5.0.4)", () => {
    const input = {
      ...base,
      lots: [lot()],
      plan: {
        approved: true,
        pending: [
          {
            label: "1栋2单元 楼道线路（导管敷设）",
            state: "missing" as const,
            href: "/lots/new?workType=wiring&placeKind=stairwell&placeId=s2",
          },
          { label: "主干道 A 段 道路（土方路基）", state: "opened" as const, href: "/lots/l9" },
        ],
      },
    };
    // the plan replaces the one-lot-per-work-type rule: the road's missing lot is in the plan
    expect(unmet(input)).toEqual([
      [
        "planLots",
        [
          {
            label: "1栋2单元 楼道线路（导管敷设）：未开检验批",
            href: "/lots/new?workType=wiring&placeKind=stairwell&placeId=s2",
          },
          { label: "主干道 A 段 道路（土方路基）：检验批未验收", href: "/lots/l9" },
        ],
      ],
    ]);
  });

  it.each(["draft", "submitted", "rejected"])(
    "blocks on a lot that is %s, linking to it",
    (status) => {
      const input = {
        ...base,
        lots: [...base.lots, lot({ id: "l3", number: "CX-SR-002", status })],
      };
      const result = unmet(input);
      expect(result).toHaveLength(1);
      expect(result[0]?.[0]).toBe("lotsAccepted");
      expect(result[0]?.[1]).toEqual([expect.objectContaining({ href: "/lots/l3" })]);
    },
  );

  it("blocks on a lot whose records are not complete (资料齐全)", () => {
    const input = { ...base, lots: [lot({ recordsComplete: false }), base.lots[1]!] };
    expect(unmet(input)).toEqual([
      ["records", [{ label: "CX-SR-001 1栋1单元：资料未齐全", href: "/lots/l1" }]],
    ]);
  });

  it.each(["open", "in_progress", "submitted"])(
    "blocks on a %s defect, linking to it",
    (status) => {
      const input = { ...base, defects: [{ ...base.defects[0]!, status }] };
      const result = unmet(input);
      expect(result.map((r) => r[0])).toEqual(["defects"]);
      expect(result[0]?.[1]).toEqual([expect.objectContaining({ href: "/defects/d1" })]);
    },
  );

  it("blocks on a required party with nobody who could sign", () => {
    const input = {
      ...base,
      seats: [
        ...base.seats,
        { party: "designer" as const, organizationName: "设计院", candidates: 0 },
      ],
    };
    expect(unmet(input)).toEqual([
      ["parties", [{ label: "设计单位 设计院：无可签字的账号", href: null }]],
    ]);
  });
});

describe("blockers a viewer may not open", () => {
  const defect = (id: string, number: string, title: string, status: string) => ({
    code: "defectOpen" as const,
    params: { number, title, status },
    href: `/defects/${id}`,
  });
  it("become one count without names or links", () => {
    const before: Prerequisite[] = [
      {
        key: "defects",
        ok: false,
        blockers: [
          defect("a", "NH-QX-001", "墙面空鼓", "open"),
          defect("b", "NH-QX-002", "扶手松动", "in_progress"),
          defect("c", "NH-QX-003", "井盖破损", "submitted"),
        ],
      },
      { key: "parties", ok: true, blockers: [] },
    ];
    const after = redactBlockers(before, (href) => href === "/defects/a");
    expect(after[0]?.ok).toBe(false);
    expect(worded(after[0]?.blockers ?? [])).toEqual([
      { label: "NH-QX-001 墙面空鼓（待整改）", href: "/defects/a" },
      { label: "另有 2 项（不属于本单位，无权查看明细）", href: null },
    ]);
    expect(after[1]).toBe(before[1]);
  });

  it("keep a missing lot's link to where it is opened: it names only a place of the register", () => {
    const missing = {
      code: "plannedMissing" as const,
      params: { place: "1栋2单元" },
      href: "/lots/new?workType=w&placeKind=stairwell&placeId=s2",
    };
    const before: Prerequisite[] = [
      {
        key: "planLots",
        ok: false,
        blockers: [
          missing,
          { code: "plannedOpened", params: { place: "CX-SR-009" }, href: "/lots/l9" },
        ],
      },
    ];
    expect(worded(redactBlockers(before, () => false)[0]?.blockers ?? [])).toEqual([
      { label: "1栋2单元：未开检验批", href: missing.href },
      { label: "另有 1 项（不属于本单位，无权查看明细）", href: null },
    ]);
  });

  it("word the same blockers in English for an English reader", () => {
    const en = fixedT("en");
    expect(blockerText(en, defect("a", "NH-QX-001", "墙面空鼓", "open"))).toBe(
      "NH-QX-001 墙面空鼓 (Awaiting rectification)",
    );
    expect(blockerText(en, { code: "hidden", params: { count: 1 }, href: null })).toBe(
      "1 more item (another organisation's, details not shown)",
    );
  });
});
