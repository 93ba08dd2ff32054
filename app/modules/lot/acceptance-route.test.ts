import { describe, expect, it } from "vitest";
import {
  boundRoute,
  currentRoute,
  decideRecordRoute,
  type RecordRouteRequest,
  routeAcceptRefusal,
} from "./acceptance-route";
import { decideLotTransition, type LotTransitionRequest } from "./workflow";

const request = (over: Partial<RecordRouteRequest> = {}): RecordRouteRequest => ({
  state: "submitted",
  role: "supervisor",
  isChief: false,
  verdictCanAccept: false,
  verdictFails: true,
  route: "testing",
  body: "县建设工程质量检测中心",
  reportNumber: "JC-2026-118",
  note: "回弹法检测，强度满足设计要求",
  hasDocument: true,
  ...over,
});

describe("recording a nonconformance route (GB 50300-2013 §5.0.6)", () => {
  it("§5.0.6-2: the 专业监理工程师 records 检测鉴定 on a submitted lot whose verdict fails", () => {
    expect(decideRecordRoute(request())).toBeNull();
  });

  it("§5.0.6-2/-3 are for a lot that fails: a passing lot is accepted normally (§5.0.1)", () => {
    expect(decideRecordRoute(request({ verdictCanAccept: true }))?.code).toBe("verdict_passes");
  });

  it("§5.0.6-2/-3 are for an inspected lot that fails: an incomplete record takes no route", () => {
    expect(decideRecordRoute(request({ verdictFails: false }))?.code).toBe("verdict_incomplete");
  });

  it("only the supervisor accepts (§6.0.1): a contractor cannot record a route", () => {
    expect(decideRecordRoute(request({ role: "contractor" }))?.code).toBe("forbidden_role");
    expect(decideRecordRoute(request({ role: "bureau" }))?.code).toBe("forbidden_role");
  });

  it("only a submitted lot (awaiting acceptance) takes a route", () => {
    for (const state of ["draft", "rejected", "accepted"])
      expect(decideRecordRoute(request({ state }))?.code).toBe("wrong_state");
  });

  it("§5.0.6-3 设计核算 is the 总监理工程师's judgement (可予以验收)", () => {
    expect(decideRecordRoute(request({ route: "recalculation" }))?.code).toBe("chief_required");
    expect(decideRecordRoute(request({ route: "recalculation", isChief: true }))).toBeNull();
  });

  it("the testing body or designer, the report number, a note and the document are required", () => {
    expect(decideRecordRoute(request({ body: "  " }))?.code).toBe("body_required");
    expect(decideRecordRoute(request({ reportNumber: "" }))?.code).toBe("report_number_required");
    expect(decideRecordRoute(request({ note: " " }))?.code).toBe("note_required");
    expect(decideRecordRoute(request({ hasDocument: false }))).toMatchObject({
      code: "document_required",
      field: "document",
    });
  });

  it("at 验收签认, a §5.0.6-3 route is refused to a non-chief supervisor", () => {
    expect(routeAcceptRefusal("recalculation", false)?.code).toBe("chief_required");
    expect(routeAcceptRefusal("recalculation", true)).toBeNull();
    expect(routeAcceptRefusal("testing", false)).toBeNull();
  });
});

describe("accepting a failing lot (GB 50300-2013 §5.0.6)", () => {
  const accept = (over: Partial<LotTransitionRequest>) =>
    decideLotTransition({
      state: "submitted",
      action: "accept",
      role: "supervisor",
      isOwnContractor: false,
      verdictCanAccept: false,
      ...over,
    });

  it("without a route a failing verdict still refuses acceptance (§5.0.1 not met)", () => {
    expect(accept({})).toMatchObject({ ok: false, code: "verdict_not_acceptable" });
  });

  it("§5.0.6-2: with a recorded 检测鉴定 the failing lot may be accepted", () => {
    expect(accept({ acceptRoute: "testing" })).toEqual({ ok: true, next: "accepted" });
  });

  it("§5.0.6-3: a recorded 设计核算 is accepted by the 总监 only", () => {
    expect(accept({ acceptRoute: "recalculation" })).toMatchObject({
      ok: false,
      code: "chief_required",
    });
    expect(accept({ acceptRoute: "recalculation", isChief: true })).toEqual({
      ok: true,
      next: "accepted",
    });
  });

  it("a route changes nothing else: a contractor still cannot accept", () => {
    expect(
      accept({ acceptRoute: "testing", role: "contractor", isOwnContractor: true }),
    ).toMatchObject({ ok: false, code: "forbidden_role" });
  });
});

describe("which recorded route applies (§5.0.6-1: a returned lot is judged afresh)", () => {
  const t = (m: number) => new Date(Date.UTC(2026, 10, 30, 8, m));
  const row = (id: string, recordedAt: Date, lotAcceptedAt: Date | null = null) => ({
    id,
    route: "testing",
    recordedAt,
    lotAcceptedAt,
  });

  it("a route recorded during the current submission is pending", () => {
    const lot = { status: "submitted", submittedAt: t(10), acceptedAt: null };
    expect(currentRoute(lot, [row("a", t(20))])?.id).toBe("a");
    expect(boundRoute(lot, [row("a", t(20))])).toBeNull();
  });

  it("a route recorded before the lot was returned and resubmitted no longer applies", () => {
    const lot = { status: "submitted", submittedAt: t(30), acceptedAt: null };
    expect(currentRoute(lot, [row("a", t(20))])).toBeNull();
  });

  it("the newest pending route applies", () => {
    const lot = { status: "submitted", submittedAt: t(10), acceptedAt: null };
    expect(currentRoute(lot, [row("a", t(20)), row("b", t(25))])?.id).toBe("b");
  });

  it("an accepted lot has the route bound to its acceptance; a reopened one none", () => {
    const accepted = { status: "accepted", submittedAt: t(10), acceptedAt: t(40) };
    expect(boundRoute(accepted, [row("a", t(20), t(40))])?.id).toBe("a");
    expect(boundRoute(accepted, [row("a", t(20), t(35))])).toBeNull();
    const reopened = { status: "draft", submittedAt: t(10), acceptedAt: null };
    expect(currentRoute(reopened, [row("a", t(20), t(40))])).toBeNull();
  });

  it("a lot accepted normally (no route rows) has none", () => {
    expect(
      boundRoute({ status: "accepted", submittedAt: t(1), acceptedAt: t(2) }, undefined),
    ).toBeNull();
  });
});
