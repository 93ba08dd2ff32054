import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonReference } from "./canonical";

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

describe("canonical JSON, the fast encoder", () => {
  it("gives exactly the reference encoding (canonicalize over toJson) on varied values", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const strings = ["", "a", "栏杆", 'q"uote\\', "\n\t\u0001", "😀", "z", "A", "é", "\u2028"];
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.3) {
        const k = Math.floor(rand() * 7);
        if (k === 0) return null;
        if (k === 1) return rand() < 0.5;
        if (k === 2) return strings[Math.floor(rand() * strings.length)];
        if (k === 3) return (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
        if (k === 4) return Math.floor(rand() * 1000) - 500;
        if (k === 5) return new Date(Math.floor(rand() * 2e12));
        return undefined;
      }
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 5); i > 0; i--)
        o[strings[Math.floor(rand() * strings.length)]! + String(Math.floor(rand() * 3))] = value(
          depth + 1,
        );
      return o;
    };
    for (let i = 0; i < 2000; i++) {
      const v = { v: value(0) };
      const reference = canonicalJsonReference(v);
      expect(canonicalJson(v)).toBe(reference);
      // Read back, as the verifier reads stored payloads: keys already in order.
      expect(canonicalJson(JSON.parse(reference))).toBe(reference);
    }
    expect(canonicalJson(-0)).toBe(canonicalJsonReference(-0));
    expect(canonicalJson([undefined, 1])).toBe(canonicalJsonReference([undefined, 1]));
  });

  it("refuses what the reference refuses: lone surrogates, infinities, functions", () => {
    for (const bad of [
      { s: "\ud800" },
      { "\udc00": 1 },
      [Number.POSITIVE_INFINITY],
      [() => 1],
      { a: new Date(Number.NaN) },
      JSON.parse('{"a":"\\ud800"}'),
    ])
      expect(() => canonicalJson(bad)).toThrow();
  });
});
