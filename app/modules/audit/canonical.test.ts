import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical";

describe("canonical JSON", () => {
  it("sorts keys at every depth and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("encodes the same content the same way whatever the key order", () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it("writes dates as ISO strings, numbers in shortest form, Chinese as is, drops undefined", () => {
    expect(
      canonicalJson({
        at: new Date("2021-07-16T01:02:03.000Z"),
        n: 1.05,
        m: 1e21,
        s: "栏杆",
        u: undefined,
      }),
    ).toBe('{"at":"2021-07-16T01:02:03.000Z","m":1e+21,"n":1.05,"s":"栏杆"}');
  });

  it("refuses values JSON cannot carry faithfully", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});
