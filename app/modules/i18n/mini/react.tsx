/**
 * react-i18next's API as the app uses it (useTranslation, Trans, I18nextProvider), over MiniI18n.
 * Both builds resolve "react-i18next" to this file (vite.config.ts): the browser and the server
 * render use it. Server code outside React (messages, PDFs) keeps i18next, and the unit tests
 * compare against react-i18next (a dev dependency now). Semantics kept: `t` of the first namespace asked for, suspending
 * until its catalogues are loaded, re-rendering on a language change.
 */
import {
  cloneElement,
  createContext,
  createElement,
  type ReactElement,
  type ReactNode,
  useContext,
  useSyncExternalStore,
} from "react";
import type { FixedT, MiniI18n } from "./instance";

const I18nContext = createContext<{ i18n: MiniI18n } | null>(null);
let globalI18n: MiniI18n | null = null;

export function I18nextProvider({ i18n, children }: { i18n: MiniI18n; children?: ReactNode }) {
  globalI18n ??= i18n;
  return createElement(I18nContext.Provider, { value: { i18n } }, children);
}

/** Kept for i18next's `.use(initReactI18next)`: registers the instance hooks fall back to. */
export const initReactI18next = {
  type: "3rdParty" as const,
  init(i18n: MiniI18n) {
    globalI18n = i18n;
  },
};

export function useTranslation(ns?: string | readonly string[]) {
  const i18n = useContext(I18nContext)?.i18n ?? globalI18n;
  if (!i18n) throw new Error("useTranslation: no i18n instance");
  const lng = useSyncExternalStore(
    i18n.subscribe,
    () => i18n.language,
    () => i18n.language,
  );
  const namespaces = ns === undefined ? ["common"] : typeof ns === "string" ? [ns] : [...ns];
  for (const n of namespaces) i18n.used.add(n);
  if (!namespaces.every((n) => i18n.hasLoaded(lng, n))) throw i18n.load(lng, namespaces);
  const t = i18n.getFixedT(lng, namespaces[0]);
  const ready = true;
  return Object.assign([t, i18n, ready] as const, { t, i18n, ready });
}

const TAG = /<(\/?)([A-Za-z0-9]+)\s*(\/?)>/g;

type Frame = { name: string; element: ReactElement | null; children: ReactNode[] };

/** Splits a translated sentence on its `<name>…</name>` marks, each rendered as its component. */
function renderMarked(text: string, components: Record<string, ReactElement>): ReactNode[] {
  const root: Frame = { name: "", element: null, children: [] };
  const stack: Frame[] = [root];
  let last = 0;
  let key = 0;
  const top = () => stack[stack.length - 1]!;
  // As react-i18next: a "<" that opens no known mark shows as the text "&lt;" (its escaping).
  const pushText = (s: string) => {
    if (s) top().children.push(s.replace(/</g, "&lt;"));
  };
  for (const m of text.matchAll(TAG)) {
    const [whole, closing, name, selfClosing] = m;
    const element = components[name!];
    if (!element) continue;
    pushText(text.slice(last, m.index));
    last = m.index + whole.length;
    if (selfClosing) top().children.push(cloneElement(element, { key: key++ }));
    else if (!closing) stack.push({ name: name!, element, children: [] });
    else if (stack.length > 1 && top().name === name) {
      const frame = stack.pop()!;
      top().children.push(cloneElement(frame.element!, { key: key++ }, ...frame.children));
    }
  }
  pushText(text.slice(last));
  while (stack.length > 1) {
    const frame = stack.pop()!;
    top().children.push(cloneElement(frame.element!, { key: key++ }, ...frame.children));
  }
  return root.children;
}

/** A catalogue sentence with marked parts, e.g. "共 <b>{{n}}</b> 项" with `components={{ b: <strong /> }}`. */
export function Trans({
  t,
  i18nKey,
  values,
  components,
  count,
  defaults,
}: {
  t: FixedT;
  i18nKey: string;
  values?: Record<string, unknown>;
  components?: Record<string, ReactElement>;
  count?: number;
  defaults?: string;
}) {
  const text = t(i18nKey, {
    context: undefined,
    count,
    ...values,
    defaultValue: defaults || i18nKey,
    ns: t.ns,
  });
  return renderMarked(text, components ?? {});
}
