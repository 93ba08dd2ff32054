/**
 * The browser's translator (MiniI18n, mini Trans) must write exactly what the server's i18next and
 * react-i18next write, or a hydrated page would differ from the HTML it was sent. Every key of
 * every catalogue, both languages, with its variables, plural counts and nested keys.
 */
import i18next, { type i18n as I18n } from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Trans as RealTrans } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions, LANGUAGES, type Lng } from "../config";
import { SERVER_RESOURCES } from "../resources.server";
import { MiniI18n } from "./instance";
import { Trans as MiniTrans } from "./react";

type Tree = Record<string, unknown>;
const NAMESPACES = Object.keys(SERVER_RESOURCES["zh-CN"]!) as never[];

function real(lng: Lng): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    ...i18nOptions(lng, NAMESPACES),
    resources: SERVER_RESOURCES,
    initAsync: false,
  });
  return instance;
}

async function mini(lng: Lng): Promise<MiniI18n> {
  const m = new MiniI18n(lng, async (l, ns) => (SERVER_RESOURCES[l] as Tree)[ns] as object);
  await m.load(lng, NAMESPACES);
  return m;
}

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string"
      ? [[`${prefix}${k}`, v] as [string, string]]
      : leaves(v as Tree, `${prefix}${k}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{-?\s*([^,}]+?)\s*(?:,\s*([^}]+))?\}\}/g;
const NESTED_VARIABLE = /\$t\(([a-z]+):([A-Za-z0-9_.]+)\.\{\{(\w+)\}\}\)/g;

/** Values for a sentence's variables: numbers where formatted, a real key where nested. */
function valuesFor(lng: Lng, texts: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const text of texts) {
    for (const m of text.matchAll(VARIABLE)) {
      const name = m[1]!;
      values[name] ??= m[2] ? 12345.5 : `«${name}»`;
    }
    for (const m of text.matchAll(NESTED_VARIABLE)) {
      const [, ns, path, name] = m;
      const node = path!
        .split(".")
        .reduce<unknown>((o, k) => (o as Tree)?.[k], (SERVER_RESOURCES[lng] as Tree)[ns!]);
      const first = node && typeof node === "object" ? Object.keys(node)[0] : undefined;
      if (first) values[name!] = first;
    }
  }
  return values;
}

describe("the browser's translator writes what i18next writes", () => {
  for (const lng of LANGUAGES) {
    it(`every key of every namespace in ${lng}, with variables, counts and nesting`, async () => {
      const r = real(lng);
      const m = await mini(lng);
      let compared = 0;
      for (const ns of NAMESPACES) {
        const byBase = new Map<string, string[]>();
        for (const [key, text] of leaves((SERVER_RESOURCES[lng] as Tree)[ns] as Tree)) {
          const base = key.replace(PLURAL, "");
          byBase.set(base, [...(byBase.get(base) ?? []), text]);
        }
        const rt = r.getFixedT(lng, ns);
        const mt = m.getFixedT(lng, ns);
        for (const [key, texts] of byBase) {
          const values = valuesFor(lng, texts);
          const plural = texts.length > 1 || "count" in values;
          const cases = plural
            ? [0, 1, 2, 7, 1234].map((count) => ({ ...values, count }))
            : [values];
          for (const options of cases) {
            expect(mt(key, options), `${lng} ${ns}:${key}`).toBe(rt(key, options as never));
            expect(m.t(`${ns}:${key}`, options), `${lng} ${ns}:${key}`).toBe(
              r.t(`${ns}:${key}`, options as never),
            );
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it("agrees on what is missing, defaults, namespace lists and unusual calls", async () => {
    for (const lng of LANGUAGES) {
      const r = real(lng);
      const m = await mini(lng);
      const calls: [string, unknown][] = [
        ["no.such.key", undefined],
        ["lot:no.such.key", undefined],
        ["no.such.key", { defaultValue: "默认 {{x}}", x: 1 }],
        ["no.such.key", "a default"],
        ["states.draft", { ns: "lot" }],
        ["states", { ns: "lot" }],
        ["lot:states.draft", { ns: "common" }],
        ["a sentence, not a key", undefined],
        [
          "no.such.key",
          { count: 3, defaultValue_other: "{{count}} things", defaultValue: "one thing" },
        ],
        ["lot:states.{{x}}", { x: "draft" }],
      ];
      for (const [key, options] of calls)
        expect(m.t(key, options), `${lng} ${key}`).toBe(r.t(key, options as never));
      expect(m.getFixedT(lng, ["lot", "common"])("states.draft")).toBe(
        r.getFixedT(lng, ["lot", "common"])("states.draft"),
      );
    }
  });

  it("renders every marked sentence (<d>, <b>, <formats>) as react-i18next's Trans does", async () => {
    const components: Record<string, ReactElement> = {
      d: createElement("span", { translate: "no" }),
      b: createElement("strong"),
      formats: createElement("span", { translate: "no" }),
    };
    let compared = 0;
    for (const lng of LANGUAGES) {
      const r = real(lng);
      const m = await mini(lng);
      for (const ns of NAMESPACES) {
        for (const [key, text] of leaves((SERVER_RESOURCES[lng] as Tree)[ns] as Tree)) {
          if (!/<\w+>/.test(text)) continue;
          const base = key.replace(PLURAL, "");
          const values = { ...valuesFor(lng, [text]), name: "甲 & <乙>" };
          const count = PLURAL.test(key) ? { count: key.endsWith("_one") ? 1 : 5 } : {};
          const props = { i18nKey: base, values: { ...values, ...count }, components };
          const expected = renderToStaticMarkup(
            createElement(RealTrans, { ...props, t: r.getFixedT(lng, ns), i18n: r } as never),
          );
          const actual = renderToStaticMarkup(
            createElement(MiniTrans, { ...props, t: m.getFixedT(lng, ns) }),
          );
          expect(actual, `${lng} ${ns}:${key}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
