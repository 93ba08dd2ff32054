/**
 * 竣工验收 prerequisites, computed live from the compound's record. Pure: the caller loads the
 * rows; every unmet item names what blocks it, with a link to it.
 */
import type { Party } from "./parties";

export type PrereqWorkType = {
  code: string;
  nameZh: string;
  placeKind: string;
  zoneKinds: string[];
};
export type PrereqLot = {
  id: string;
  number: string;
  status: string;
  recordsComplete: boolean;
  workTypeCode: string;
  placeLabel: string;
};
export type PrereqDefect = { id: string; number: string; title: string; status: string };
/** A party seat to fill: one per contractor holding a contract, one for each other party. */
export type PartySeat = { party: Party; organizationName: string; candidates: number };
export type PrereqCompound = { stairwells: number; buildings: number; zoneKinds: string[] };

/**
 * The compound's 检验批划分方案: null when none exists. `pending` lists the planned lots not yet
 * accepted (one per work type and place: one lot there records all its 分项), each with the lot
 * to finish or the page where it is opened.
 */
export type PrereqPlan = {
  approved: boolean;
  pending: { label: string; state: "missing" | "opened"; href: string }[];
} | null;

/**
 * What blocks a prerequisite, as a code and its parameters (the page words it, see words.ts):
 * names and numbers are data; `status` is a lot's or a defect's status code; `party` a party code.
 */
export type BlockerCode =
  | "planNotApproved"
  | "plannedMissing"
  | "plannedOpened"
  | "workTypeMissing"
  | "lotNotAccepted"
  | "recordsIncomplete"
  | "defectOpen"
  | "partyUnfilled"
  | "hidden"
  | LadderBlockerCode
  // 分部 records (GB 50300 §5.0.3, §5.0.4-1; decision 0029)
  | "divisionIncomplete"
  // 隐蔽工程验收 (concealed-work block)
  | "concealedMissing"
  | "concealedUnsigned";
export type Blocker = {
  code: BlockerCode;
  params: Record<string, string | number>;
  href: string | null;
};
export type PrereqKey =
  | "plan"
  | "planLots"
  | "workTypes"
  | "lotsAccepted"
  | "records"
  | "defects"
  | "parties"
  | LadderPrereqKey
  // 分部工程验收记录完整 (decision 0029)
  | "divisions"
  // 隐蔽工程验收 (concealed-work block)
  | "concealed";
export type Prerequisite = { key: PrereqKey; ok: boolean; blockers: Blocker[] };

/** A 分部 of the approved plan: its name, whether its 附录G record passed, and its page. */
export type PrereqDivision = { division: string; passed: boolean; href: string };

/** 分部工程验收记录完整: each 分部 not passed blocks, linking to its record. */
export function divisionsPrerequisite(divisions: PrereqDivision[]): Prerequisite {
  const open = divisions.filter((d) => !d.passed);
  return {
    key: "divisions",
    ok: open.length === 0,
    blockers: open.map((d) => ({
      code: "divisionIncomplete",
      params: { division: d.division },
      href: d.href,
    })),
  };
}

/** Work types the compound has a place for: they must each have at least one lot. */
export function applicableWorkTypes(compound: PrereqCompound, workTypes: PrereqWorkType[]) {
  return workTypes.filter((wt) =>
    wt.placeKind === "stairwell"
      ? compound.stairwells > 0
      : wt.placeKind === "building"
        ? compound.buildings > 0
        : wt.zoneKinds.some((k) => compound.zoneKinds.includes(k)),
  );
}

export function acceptancePrerequisites(input: {
  compoundId: string;
  compound: PrereqCompound;
  workTypes: PrereqWorkType[];
  lots: PrereqLot[];
  defects: PrereqDefect[];
  seats: PartySeat[];
  /** absent: no plan (the record before issue 15) */
  plan?: PrereqPlan;
  /** the ladder's earlier steps (decision 0033); absent in rules tests of the other checks */
  ladder?: PrereqLadder;
  /** the plan's 分部 and whether each record passed (§5.0.3); read only with an approved plan */
  divisions?: PrereqDivision[];
  /** concealed-work block: required 隐蔽工程验收 records not made or not signed; absent: none */
  concealed?: PrereqConcealedGap[];
}): Prerequisite[] {
  const { lots, defects, seats } = input;
  const plan = input.plan ?? null;
  const missingTypes = applicableWorkTypes(input.compound, input.workTypes).filter(
    (wt) => !lots.some((l) => l.workTypeCode === wt.code),
  );
  const notAccepted = lots.filter((l) => l.status !== "accepted");
  const noRecords = lots.filter((l) => !l.recordsComplete);
  const open = defects.filter((d) => d.status !== "closed");
  const unfilled = seats.filter((s) => s.candidates === 0);
  const lotHref = (l: PrereqLot) => `/lots/${l.id}`;
  // GB 50300 §4.0.7: the 分项/检验批 division is approved by the supervisor before work; once it
  // is, every planned lot must be accepted (§5.0.2 分项: all its lots; §5.0.4 单位工程: all 分部).
  const planChecks: Prerequisite[] = [
    {
      key: "plan",
      ok: plan?.approved === true,
      blockers:
        plan?.approved === true
          ? []
          : [
              {
                code: "planNotApproved",
                params: {},
                href: `/compounds/${input.compoundId}/plan`,
              },
            ],
    },
  ];
  if (plan?.approved)
    planChecks.push({
      key: "planLots",
      ok: plan.pending.length === 0,
      blockers: plan.pending.map((p) => ({
        code: p.state === "missing" ? "plannedMissing" : "plannedOpened",
        params: { place: p.label },
        href: p.href,
      })),
    });
  // GB 50300 §5.0.4-1: the 单位工程 needs every 分部 (子分部) it contains accepted (§5.0.3).
  if (plan?.approved && input.divisions) planChecks.push(divisionsPrerequisite(input.divisions));
  const workTypeCheck: Prerequisite[] = plan?.approved
    ? []
    : [
        {
          key: "workTypes",
          ok: missingTypes.length === 0,
          blockers: missingTypes.map((wt) => ({
            code: "workTypeMissing",
            params: { workType: wt.nameZh },
            href: `/compounds/${input.compoundId}`,
          })),
        },
      ];
  return [
    ...(input.ladder ? ladderPrerequisites(input.compoundId, input.ladder) : []),
    ...planChecks,
    ...workTypeCheck,
    ...concealedCheck(plan, input.concealed ?? []),
    {
      key: "lotsAccepted",
      ok: notAccepted.length === 0,
      blockers: notAccepted.map((l) => ({
        code: "lotNotAccepted",
        params: { number: l.number, place: l.placeLabel, status: l.status },
        href: lotHref(l),
      })),
    },
    {
      key: "records",
      ok: noRecords.length === 0,
      blockers: noRecords.map((l) => ({
        code: "recordsIncomplete",
        params: { number: l.number, place: l.placeLabel },
        href: lotHref(l),
      })),
    },
    {
      key: "defects",
      ok: open.length === 0,
      blockers: open.map((d) => ({
        code: "defectOpen",
        params: { number: d.number, title: d.title, status: d.status },
        href: `/defects/${d.id}`,
      })),
    },
    {
      key: "parties",
      ok: unfilled.length === 0,
      blockers: unfilled.map((s) => ({
        code: "partyUnfilled",
        params: { party: s.party, organization: s.organizationName },
        href: null,
      })),
    },
  ];
}

// ---- the acceptance ladder (decision 0033): 竣工报告 and 预验收 come before the session ----
export type LadderPrereqKey = "completionReports" | "preAcceptance";
export type LadderBlockerCode =
  | "completionReportMissing"
  | "preAcceptanceMissing"
  | "preAcceptanceFailed";
export type PrereqLadder = {
  /** contractors with a contract whose 竣工报告 is not submitted */
  missingReports: { organization: string }[];
  /** the latest 预验收's conclusion, null when none */
  preAcceptance: "pass" | "fail" | null;
};
export const LADDER_PREREQ_KEYS: readonly PrereqKey[] = ["completionReports", "preAcceptance"];

/**
 * GB 50300-2013 §6.0.5 and 建质〔2013〕171号 第五条: the 施工单位 submits its 工程竣工报告 after its
 * 自检, the 总监理工程师 organises the 竣工预验收; only then does the 建设单位 organise the
 * 竣工验收 (§6.0.6). Each blocker links to the step on the acceptance page where it is done.
 */
export function ladderPrerequisites(compoundId: string, ladder: PrereqLadder): Prerequisite[] {
  const page = `/compounds/${compoundId}/acceptance`;
  return [
    {
      key: "completionReports",
      ok: ladder.missingReports.length === 0,
      blockers: ladder.missingReports.map((m) => ({
        code: "completionReportMissing",
        params: { organization: m.organization },
        href: `${page}#completion-reports`,
      })),
    },
    {
      key: "preAcceptance",
      ok: ladder.preAcceptance === "pass",
      blockers:
        ladder.preAcceptance === "pass"
          ? []
          : [
              {
                code:
                  ladder.preAcceptance === "fail" ? "preAcceptanceFailed" : "preAcceptanceMissing",
                params: {},
                href: `${page}#pre-acceptance`,
              },
            ],
    },
  ];
}

// ── concealed-work block (隐蔽工程验收, issue 15) ──

/** A required 隐蔽工程验收 record not made or not signed, with where it is fixed. */
export type PrereqConcealedGap = {
  code: "concealedMissing" | "concealedUnsigned";
  params: { work: string; place: string };
  href: string;
};

/**
 * GB 50300-2013 §3.0.6-5 (隐蔽工程 accepted before covering, with its record) and §5.0.4-2 (the
 * 分部's 质量控制资料 complete): every record the approved plan requires is signed. Checked once a
 * plan is approved (the plan names the places).
 */
export function concealedCheck(plan: PrereqPlan, gaps: PrereqConcealedGap[]): Prerequisite[] {
  if (!plan?.approved) return [];
  return [
    {
      key: "concealed",
      ok: gaps.length === 0,
      blockers: gaps.map((g) => ({ code: g.code, params: g.params, href: g.href })),
    },
  ];
}

export const allMet = (list: Prerequisite[]) => list.every((p) => p.ok);

/**
 * What a viewer who may not see every lot or defect of the compound is shown: blockers pointing at
 * records it cannot open become one count without names or links, so the list stays honest
 * (the prerequisite is still unmet) without telling a contractor about another's work.
 */
export function redactBlockers(
  prerequisites: Prerequisite[],
  canOpen: (href: string) => boolean,
): Prerequisite[] {
  return prerequisites.map((p) => {
    // a missing lot's link to /lots/new names only a place of the register: not redacted
    const hidden = p.blockers.filter(
      (b) => b.href?.match(/^\/(lots\/(?!new\?)|defects\/)/) && !canOpen(b.href),
    );
    if (hidden.length === 0) return p;
    return {
      ...p,
      blockers: [
        ...p.blockers.filter((b) => !hidden.includes(b)),
        { code: "hidden", params: { count: hidden.length }, href: null },
      ],
    };
  });
}
