import { describe, expect, it } from "vitest";
import { rollUp } from "./rollup";

const workTypes = [
  { code: "wiring", nameZh: "线路", rollupDivision: "建筑电气" },
  { code: "lights", nameZh: "声控灯", rollupDivision: "建筑电气" },
  { code: "railing", nameZh: "栏杆", rollupDivision: "建筑装饰装修" },
];
const lot = (code: string, status: string) => ({ status, workType: { code } });

describe("roll-up 检验批 → 分项 → 分部 → 单位工程", () => {
  it("passes everything only when every work type has lots and all are accepted", () => {
    const r = rollUp(workTypes, [
      lot("wiring", "accepted"),
      lot("lights", "accepted"),
      lot("railing", "accepted"),
    ]);
    expect(r.status).toBe("pass");
    expect(r.divisions.map((d) => d.status)).toEqual(["pass", "pass"]);
  });

  it("one lot not accepted keeps its 分项, 分部 and the compound open", () => {
    const r = rollUp(workTypes, [
      lot("wiring", "accepted"),
      lot("wiring", "submitted"),
      lot("lights", "accepted"),
      lot("railing", "accepted"),
    ]);
    expect(r.divisions[0]?.subItems[0]).toMatchObject({ accepted: 1, total: 2, status: "open" });
    expect(r.divisions[0]?.status).toBe("open");
    expect(r.divisions[1]?.status).toBe("pass");
    expect(r.status).toBe("open");
  });

  it("a work type without lots is not started and keeps its 分部 from passing", () => {
    const r = rollUp(workTypes, [lot("wiring", "accepted"), lot("railing", "accepted")]);
    expect(r.divisions[0]?.subItems[1]?.status).toBe("none");
    expect(r.divisions[0]?.status).toBe("open");
    expect(r.status).toBe("open");
    expect(rollUp(workTypes, []).status).toBe("none");
  });
});
