import { describe, expect, it } from "vitest";
import en from "~/locales/en/lot";
import zhLot from "~/locales/zh-CN/lot";
import { fixedT } from "~/modules/i18n/i18n.server";
import { computeLotVerdict } from "./verdict";
import { verdictTextZh } from "./verdict-text";
import {
  allowedLotActions,
  decideLotTransition,
  isLotAction,
  isLotState,
  isUserRole,
  LOT_ACTIONS,
  LOT_STATES,
  type LotAction,
  type LotState,
  type LotTransitionErrorCode,
  USER_ROLES,
  type UserRole,
} from "./workflow";

// ---------------------------------------------------------------------------------------------
// Expectation table
// ---------------------------------------------------------------------------------------------

/**
 * A cell: `{ next }` always allowed; `{ next, needs: "verdict" }` allowed only when the verdict can
 * be accepted; `{ next, needs: "reason" }` only with a non-blank reason; `{ error }` always refused.
 */
type Cell = { next: LotState; needs?: "verdict" | "reason" } | { error: LotTransitionErrorCode };

type Table = Record<LotState, Record<LotAction, Cell>>;

const FORBIDDEN: Cell = { error: "forbidden_role" };
const WRONG: Cell = { error: "wrong_state" };
const LOCKED: Cell = { error: "locked" };
const OTHER_ORG: Cell = { error: "not_own_contractor" };

const OWN_CONTRACTOR: Table = {
  draft: {
    save: { next: "draft" },
    submit: { next: "submitted" },
    accept: FORBIDDEN,
    reject: FORBIDDEN,
    reopen: FORBIDDEN,
  },
  submitted: {
    save: WRONG,
    submit: WRONG,
    accept: FORBIDDEN,
    reject: FORBIDDEN,
    reopen: FORBIDDEN,
  },
  rejected: {
    save: { next: "rejected" },
    submit: { next: "submitted" },
    accept: FORBIDDEN,
    reject: FORBIDDEN,
    reopen: FORBIDDEN,
  },
  accepted: {
    save: LOCKED,
    submit: WRONG,
    accept: FORBIDDEN,
    reject: FORBIDDEN,
    reopen: FORBIDDEN,
  },
};

const OTHER_CONTRACTOR_ROW = {
  save: OTHER_ORG,
  submit: OTHER_ORG,
  accept: FORBIDDEN,
  reject: FORBIDDEN,
  reopen: FORBIDDEN,
};

const OTHER_CONTRACTOR: Table = {
  draft: OTHER_CONTRACTOR_ROW,
  submitted: OTHER_CONTRACTOR_ROW,
  rejected: OTHER_CONTRACTOR_ROW,
  accepted: OTHER_CONTRACTOR_ROW,
};

const SUPERVISOR: Table = {
  draft: {
    save: { next: "draft" },
    submit: FORBIDDEN,
    accept: WRONG,
    reject: WRONG,
    reopen: WRONG,
  },
  submitted: {
    save: { next: "submitted" },
    submit: FORBIDDEN,
    accept: { next: "accepted", needs: "verdict" },
    reject: { next: "rejected", needs: "reason" },
    reopen: WRONG,
  },
  rejected: {
    save: WRONG,
    submit: FORBIDDEN,
    accept: WRONG,
    reject: WRONG,
    reopen: WRONG,
  },
  accepted: {
    save: LOCKED,
    submit: FORBIDDEN,
    accept: WRONG,
    reject: WRONG,
    reopen: { next: "draft", needs: "reason" },
  },
};

const FORBIDDEN_ROW = {
  save: FORBIDDEN,
  submit: FORBIDDEN,
  accept: FORBIDDEN,
  reject: FORBIDDEN,
  reopen: FORBIDDEN,
};

/** admin, bureau, owner, designer, street: view only. */
const BYSTANDER: Table = {
  draft: FORBIDDEN_ROW,
  submitted: FORBIDDEN_ROW,
  rejected: FORBIDDEN_ROW,
  accepted: FORBIDDEN_ROW,
};

function tableFor(role: UserRole, isOwnContractor: boolean): Table {
  if (role === "contractor") return isOwnContractor ? OWN_CONTRACTOR : OTHER_CONTRACTOR;
  if (role === "supervisor") return SUPERVISOR;
  return BYSTANDER;
}

const REASONS = [undefined, null, "", "   \n", "栏杆高度不足，返工后重新报验"];

function isBlank(reason: string | null | undefined): boolean {
  return reason === undefined || reason === null || reason.trim() === "";
}

function expectedOutcome(
  cell: Cell,
  verdictCanAccept: boolean,
  reason: string | null | undefined,
): { ok: true; next: LotState } | { ok: false; code: LotTransitionErrorCode } {
  if ("error" in cell) return { ok: false, code: cell.error };
  if (cell.needs === "verdict" && !verdictCanAccept) {
    return { ok: false, code: "verdict_not_acceptable" };
  }
  if (cell.needs === "reason" && isBlank(reason)) return { ok: false, code: "reason_required" };
  return { ok: true, next: cell.next };
}

// ---------------------------------------------------------------------------------------------
// Exhaustive role × state × action
// ---------------------------------------------------------------------------------------------

const combinations = USER_ROLES.flatMap((role) =>
  LOT_STATES.flatMap((state) => LOT_ACTIONS.map((action) => [role, state, action] as const)),
);

describe("decideLotTransition", () => {
  it("covers every role × 4 states × 5 actions", () => {
    expect(combinations).toHaveLength(USER_ROLES.length * 4 * 5);
    expect(USER_ROLES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(combinations)("%s / %s / %s", (role, state, action) => {
    for (const isOwnContractor of [true, false]) {
      for (const verdictCanAccept of [true, false]) {
        for (const reason of REASONS) {
          const cell = tableFor(role, isOwnContractor)[state][action];
          const decision = decideLotTransition({
            state,
            action,
            role,
            isOwnContractor,
            verdictCanAccept,
            reason,
          });
          const context = JSON.stringify({ isOwnContractor, verdictCanAccept, reason });
          const expected = expectedOutcome(cell, verdictCanAccept, reason);
          if (expected.ok) {
            expect(decision, context).toEqual(expected);
          } else {
            expect(decision, context).toMatchObject({ ok: false, code: expected.code });
            expect(
              decision.ok === false && decision.message.key.startsWith("lot:workflow."),
              context,
            ).toBe(true);
          }
        }
      }
    }
  });
});

const zh = fixedT("zh-CN") as unknown as (key: string, params?: object) => string;

describe("messages", () => {
  const base = {
    isOwnContractor: true,
    verdictCanAccept: true,
    reason: null,
  } as const;

  function message(request: Parameters<typeof decideLotTransition>[0]): string {
    const decision = decideLotTransition(request);
    return decision.ok ? "" : zh(decision.message.key, decision.message.params);
  }

  it("explains who may act", () => {
    expect(message({ ...base, state: "draft", action: "submit", role: "supervisor" })).toBe(
      "只有施工单位可以提交自检",
    );
    expect(message({ ...base, state: "submitted", action: "accept", role: "contractor" })).toBe(
      "只有监理可以验收签认",
    );
    expect(message({ ...base, state: "submitted", action: "reject", role: "owner" })).toBe(
      "只有监理可以退回",
    );
    expect(message({ ...base, state: "accepted", action: "reopen", role: "admin" })).toBe(
      "只有监理可以撤销验收",
    );
    expect(message({ ...base, state: "draft", action: "save", role: "bureau" })).toBe(
      "只有施工单位和监理可以填写检验批",
    );
    expect(
      message({
        ...base,
        isOwnContractor: false,
        state: "draft",
        action: "submit",
        role: "contractor",
      }),
    ).toBe("只有本检验批的施工单位可以操作");
  });

  it("explains the state", () => {
    expect(message({ ...base, state: "accepted", action: "save", role: "contractor" })).toBe(
      "检验批已验收合格，不能修改",
    );
    expect(message({ ...base, state: "submitted", action: "save", role: "contractor" })).toBe(
      "已提交监理验收，施工单位不能修改；如需修改请等待监理退回",
    );
    expect(message({ ...base, state: "draft", action: "accept", role: "supervisor" })).toBe(
      "施工单位尚未提交自检，不能验收",
    );
    expect(message({ ...base, state: "submitted", action: "reopen", role: "supervisor" })).toBe(
      "只有已验收的检验批可以撤销验收",
    );
  });

  it("asks for a reason", () => {
    expect(message({ ...base, state: "submitted", action: "reject", role: "supervisor" })).toBe(
      "退回必须填写原因",
    );
    expect(
      message({ ...base, state: "accepted", action: "reopen", role: "supervisor", reason: " " }),
    ).toBe("撤销验收必须填写原因");
  });

  it("quotes the verdict when refusing to accept", () => {
    const verdict = computeLotVerdict({
      rules: {
        ruleCode: null,
        minPassRate: 0.8,
        maxDeviationFactor: null,
        appendixD: [],
        minimumSampleSize: [],
      },
      items: [
        {
          itemId: "SR-M7",
          kind: "main",
          seq: 2,
          labelZh: "栏杆高度",
          spec: {
            standard: "GB 50096-2011",
            clause: "6.1.3",
            comparison: "ge",
            unit: "m",
            entryRange: [0.5, 1.6],
            decimals: 2,
            limits: [{ when: [], min: 1.05, max: null }],
            sample: { counts: "lots", rule: { kind: "fixed", n: 1 } },
            unverified: false,
          },
          result: null,
          points: [{ value: 1 }],
        },
      ],
    });
    const request = {
      ...base,
      state: "submitted",
      action: "accept",
      role: "supervisor",
      verdictCanAccept: verdict.canAccept,
      verdictSummary: verdictTextZh(verdict.summary),
    } as const;
    expect(message(request)).toBe("验收结论不合格，不能签认：不合格：主控项目 2");
    expect(message({ ...request, verdictSummary: undefined })).toBe(
      "验收结论不合格，不能签认：请先处理不合格或未完成的项目",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// allowedLotActions
// ---------------------------------------------------------------------------------------------

describe("allowedLotActions", () => {
  const expected: [UserRole, boolean, LotState, LotAction[]][] = [
    ["contractor", true, "draft", ["save", "submit"]],
    ["contractor", true, "submitted", []],
    ["contractor", true, "rejected", ["save", "submit"]],
    ["contractor", true, "accepted", []],
    ["contractor", false, "draft", []],
    ["contractor", false, "rejected", []],
    ["supervisor", false, "draft", ["save"]],
    ["supervisor", false, "submitted", ["save", "accept", "reject"]],
    ["supervisor", true, "submitted", ["save", "accept", "reject"]],
    ["supervisor", false, "rejected", []],
    ["supervisor", false, "accepted", ["reopen"]],
  ];

  it.each(expected)("%s (own: %s) in %s → %j", (role, own, state, actions) => {
    expect(allowedLotActions(state, role, own)).toEqual(actions);
  });

  it("offers nothing to roles that do not act on lots", () => {
    for (const role of ["admin", "bureau", "owner", "designer", "street"] as const) {
      for (const state of LOT_STATES) expect(allowedLotActions(state, role, true)).toEqual([]);
    }
  });

  it("agrees with the expectation table for every combination", () => {
    for (const [role, state, action] of combinations) {
      for (const own of [true, false]) {
        const cell = tableFor(role, own)[state][action];
        expect(allowedLotActions(state, role, own).includes(action)).toBe(!("error" in cell));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Labels and guards
// ---------------------------------------------------------------------------------------------

describe("labels and guards", () => {
  it("labels every state and action in Chinese", () => {
    expect(Object.fromEntries(LOT_STATES.map((s) => [s, zhLot.states[s]]))).toEqual({
      draft: "草稿",
      submitted: "施工自检已提交",
      rejected: "监理退回",
      accepted: "监理验收合格",
    });
    for (const action of LOT_ACTIONS) expect(en.stepNames[action]).toMatch(/^[a-z -]+$/);
  });

  it("recognises form values", () => {
    expect(isLotState("submitted")).toBe(true);
    expect(isLotState("approved")).toBe(false);
    expect(isLotAction("reopen")).toBe(true);
    expect(isLotAction(42)).toBe(false);
    expect(isUserRole("street")).toBe(true);
    expect(isUserRole("Supervisor")).toBe(false);
  });
});
