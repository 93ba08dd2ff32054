import { type Store, type TOptions, translate } from "./translate";

type Loader = (lng: string, ns: string) => Promise<object>;
export type FixedT = ((key: unknown, options?: unknown, more?: unknown) => string) & {
  lng: string;
  ns: string | readonly string[];
};

/**
 * The browser's i18n instance in place of i18next's (see translate.ts): catalogues loaded per
 * language and namespace on demand, the page's language, and a change event for the hooks.
 */
export class MiniI18n {
  language: string;
  languages: string[];
  readonly isInitialized = true;
  readonly options = { defaultNS: "common" };
  private readonly data: Record<string, Store> = {};
  private readonly pending = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private readonly fixed = new Map<string, FixedT>();
  /** Namespaces the page has asked for: a language change loads them all first. */
  readonly used = new Set<string>(["common"]);

  constructor(
    lng: string,
    private readonly loader: Loader,
  ) {
    this.language = lng;
    this.languages = [lng];
  }

  hasLoaded(lng: string, ns: string): boolean {
    return this.data[lng]?.[ns] !== undefined;
  }

  /** Loads the catalogues not yet here; resolves when all are (a failed one is retried next time). */
  load(lng: string, namespaces: readonly string[]): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const ns of namespaces) {
      this.used.add(ns);
      if (this.hasLoaded(lng, ns)) continue;
      const id = `${lng}|${ns}`;
      let wait = this.pending.get(id);
      if (!wait) {
        wait = this.loader(lng, ns).then(
          (catalogue) => {
            this.data[lng] ??= {};
            this.data[lng][ns] = catalogue as Record<string, unknown>;
            this.pending.delete(id);
          },
          (error: unknown) => {
            this.pending.delete(id);
            throw error;
          },
        );
        this.pending.set(id, wait);
      }
      waits.push(wait);
    }
    return Promise.all(waits).then(() => undefined);
  }

  loadNamespaces(ns: string | readonly string[]): Promise<void> {
    return this.load(this.language, typeof ns === "string" ? [ns] : ns);
  }

  getFixedT(lng: string | null, ns?: string | readonly string[]): FixedT {
    const language = lng ?? this.language;
    const namespace = ns ?? this.options.defaultNS;
    const id = `${language}|${typeof namespace === "string" ? namespace : namespace.join(",")}`;
    let t = this.fixed.get(id);
    if (!t) {
      const stores = (l: string) => this.data[l];
      const fixedT = (key: unknown, options?: unknown, more?: unknown): string => {
        const o: TOptions =
          typeof options === "object" && options !== null
            ? { ...(options as TOptions) }
            : overload(options, more);
        o.lng = o.lng || language;
        o.ns = o.ns || namespace;
        return translate(stores, key, o) as string;
      };
      t = Object.assign(fixedT, { lng: language, ns: namespace });
      this.fixed.set(id, t);
    }
    return t;
  }

  t(key: unknown, options?: unknown): string {
    return this.getFixedT(null)(key, options);
  }

  async changeLanguage(lng: string): Promise<FixedT> {
    await this.load(lng, [...this.used]);
    if (lng !== this.language) {
      this.language = lng;
      this.languages = [lng];
      for (const fn of this.listeners) fn();
    }
    return this.getFixedT(lng);
  }

  /** For useSyncExternalStore: calls `fn` when the language changes. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
}

// i18next's overloadTranslationOptionHandler: t(key, "default", { …options }).
function overload(second: unknown, third: unknown): TOptions {
  const o: TOptions = {};
  if (typeof second === "string") o.defaultValue = second;
  if (typeof third === "object" && third !== null) Object.assign(o, third);
  return o;
}
