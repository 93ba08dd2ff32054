import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/modules/auth/permissions";
import {
  allowedDefectActions,
  DEFECT_ACTIONS,
  DEFECT_STATES,
  type DefectAction,
  type DefectState,
  decideDefectTransition,
  defaultDueOn,
  dueOnIso,
  isOverdue,
  parseDueOn,
} from "./workflow";

// The only successful transitions, written out by hand: [state, action, role] → next.
const ALLOWED: [DefectState, DefectAction, Role, DefectState][] = [
  ["open", "acknowledge", "contractor", "in_progress"],
  ["in_progress", "reply", "contractor", "submitted"],
  ["submitted", "close", "supervisor", "closed"],
  ["submitted", "return", "supervisor", "in_progress"],
];

describe("defect workflow: every role × state × action", () => {
  for (const state of DEFECT_STATES)
    for (const action of DEFECT_ACTIONS)
      for (const role of ROLES) {
        const allowed = ALLOWED.find(([s, a, r]) => s === state && a === action && r === role);
        it(`${role} ${action} in ${state} → ${allowed ? allowed[3] : "refused"}`, () => {
          const own = decideDefectTransition({
            state,
            action,
            role,
            isOwnContractor: true,
            comment: "已更换",
            newAfterPhotos: 1,
          });
          if (allowed) expect(own).toEqual({ ok: true, next: allowed[3] });
          else {
            expect(own.ok).toBe(false);
            if (!own.ok) expect(own.message).toMatch(/^defect:errors\.transition\./);
          }
          // Someone else's contractor never acts.
          const other = decideDefectTransition({
            state,
            action,
            role,
            isOwnContractor: false,
            comment: "已更换",
            newAfterPhotos: 1,
          });
          if (role === "contractor") expect(other.ok).toBe(false);
          else expect(other).toEqual(own);
        });
      }

  it("requires a comment to reply and to return, not to acknowledge or close", () => {
    for (const [state, action, role, next] of ALLOWED) {
      const d = decideDefectTransition({
        state,
        action,
        role,
        isOwnContractor: true,
        comment: " ",
        newAfterPhotos: 1,
      });
      if (action === "reply" || action === "return")
        expect(d).toMatchObject({ ok: false, code: "comment_required" });
      else expect(d).toEqual({ ok: true, next });
    }
  });

  it("requires a new after-rectification photo to reply, and only to reply", () => {
    for (const [state, action, role, next] of ALLOWED) {
      const d = decideDefectTransition({
        state,
        action,
        role,
        isOwnContractor: true,
        comment: "已整改",
        newAfterPhotos: 0,
      });
      if (action === "reply") expect(d).toMatchObject({ ok: false, code: "photo_required" });
      else expect(d).toEqual({ ok: true, next });
    }
  });

  it("names the other contractor's refusal", () => {
    expect(
      decideDefectTransition({
        state: "open",
        action: "acknowledge",
        role: "contractor",
        isOwnContractor: false,
      }),
    ).toMatchObject({ ok: false, code: "not_own_contractor" });
  });

  it("offers exactly the allowed actions", () => {
    for (const state of DEFECT_STATES)
      for (const role of ROLES) {
        const expected = ALLOWED.filter(([s, , r]) => s === state && r === role).map(([, a]) => a);
        expect(allowedDefectActions(state, role, true)).toEqual(expected);
        if (role === "contractor") expect(allowedDefectActions(state, role, false)).toEqual([]);
      }
  });
});

describe("due dates and overdue", () => {
  const now = new Date("2026-11-23T17:00:00Z"); // 2026-11-24 01:00 China time
  it("defaults from severity, counted in China days", () => {
    expect(dueOnIso(defaultDueOn("general", now))).toBe("2026-12-01");
    expect(dueOnIso(defaultDueOn("major", now))).toBe("2026-11-27");
    expect(dueOnIso(defaultDueOn("critical", now))).toBe("2026-11-25");
  });
  it("parses only real dates", () => {
    expect(parseDueOn("2026-11-30")?.toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(parseDueOn("2026-02-30")).toBeNull();
    expect(parseDueOn("30/11/2026")).toBeNull();
  });
  it("is overdue after the due day ends, never when closed", () => {
    const due = parseDueOn("2026-11-24")!;
    const lastMinute = new Date("2026-11-24T15:59:00Z");
    const nextDay = new Date("2026-11-24T16:00:00Z");
    for (const s of DEFECT_STATES) {
      expect(isOverdue(due, s, lastMinute)).toBe(false);
      expect(isOverdue(due, s, nextDay)).toBe(s !== "closed");
    }
  });
});
