/**
 * The browser's translator: what i18next 25 does with our options (config.ts: ":" and "."
 * separators, `{{var}}` and `{{var, number}}`, `_one`/`_other`/`_zero` plurals, `$t(ns:key)`
 * nesting, defaultValue, no escaping, no fallback language), in a few hundred bytes instead of
 * i18next's 14 KB gz. The server keeps i18next; mini.test.ts renders every key of every catalogue
 * in both languages with both and requires the same text, so the hydrated page matches the
 * server's. Anything outside that subset (context, ordinal, returnObjects…) is not supported here.
 */

/** Catalogues of one language by namespace. */
export type Store = Record<string, Record<string, unknown>>;
export type TOptions = Record<string, unknown>;

const NS_SEPARATOR = ":";
const KEY_SEPARATOR = ".";
// i18next's own patterns (Interpolator.resetRegExp) for our prefix/suffix.
const UNESCAPED_VAR = /\{\{-(.+?)\}\}/g;
const VAR = /\{\{(.+?)\}\}/g;
const NESTING = /\$t\(((?:[^()"']+|"[^"]*"|'[^']*'|\((?:[^()]|"[^"]*"|'[^']*')*\))*?)\)/g;
const NATURAL_LANGUAGE = /( |,|\?|!|;)/;
const MAX_REPLACES = 1000;

const isString = (v: unknown): v is string => typeof v === "string";
const makeString = (v: unknown) => (v == null ? "" : `${v}`);
const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

function getPath(object: unknown, path: string): unknown {
  const stack = path.split(".");
  let obj = object as Record<string, unknown> | undefined;
  for (let i = 0; i < stack.length - 1; i++) {
    if (!obj || isString(obj)) return undefined;
    const k = stack[i]!.replace(/###/g, ".");
    obj = (hasOwn(obj, k) ? obj[k] : {}) as Record<string, unknown>;
  }
  if (!obj || isString(obj)) return undefined;
  const k = stack[stack.length - 1]!.replace(/###/g, ".");
  return hasOwn(obj, k) ? obj[k] : undefined;
}

function deepFind(obj: unknown, path: string): unknown {
  if (!obj) return undefined;
  const o = obj as Record<string, unknown>;
  if (o[path]) return hasOwn(o, path) ? o[path] : undefined;
  const tokens = path.split(KEY_SEPARATOR);
  let current: unknown = o;
  for (let i = 0; i < tokens.length; ) {
    if (!current || typeof current !== "object") return undefined;
    let next: unknown;
    let nextPath = "";
    for (let j = i; j < tokens.length; ++j) {
      if (j !== i) nextPath += KEY_SEPARATOR;
      nextPath += tokens[j];
      next = (current as Record<string, unknown>)[nextPath];
      if (next !== undefined) {
        if (["string", "number", "boolean"].includes(typeof next) && j < tokens.length - 1)
          continue;
        i += j - i + 1;
        break;
      }
    }
    current = next;
  }
  return current;
}

function lookupValue(data: TOptions, key: string): unknown {
  const value = getPath(data, key);
  return value ? value : deepFind(data, key);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function format(value: unknown, formatStr: string, lng: string, options: TOptions): unknown {
  // Only "number" is used in our catalogues; i18next leaves unknown formats' values as they are.
  if (formatStr.trim().toLowerCase() !== "number") return value;
  const l = (options.locale || options.lng || lng) as string;
  try {
    const cacheKey = l + JSON.stringify(options);
    let nf = numberFormats.get(cacheKey);
    if (!nf) {
      nf = new Intl.NumberFormat(l.replace(/_/g, "-"), { ...options } as Intl.NumberFormatOptions);
      numberFormats.set(cacheKey, nf);
    }
    return nf.format(value as number);
  } catch {
    return value;
  }
}

function interpolate(str: string, data: TOptions, lng: string): string {
  let out = str;
  for (const regex of [UNESCAPED_VAR, VAR]) {
    regex.lastIndex = 0;
    let replaces = 0;
    let match: RegExpExecArray | null = regex.exec(out);
    while (match) {
      const matched = match[1]!.trim();
      let value: unknown;
      const comma = matched.indexOf(",");
      if (comma < 0) value = lookupValue(data, matched);
      else {
        const k = matched.slice(0, comma).trim();
        value = format(lookupValue(data, k), matched.slice(comma + 1).trim(), lng, {
          ...data,
          interpolationkey: k,
        });
      }
      if (value === undefined) {
        if (!hasOwn(data, matched)) {
          // i18next's skipOnVariables: an unknown variable stays as written.
          match = regex.exec(out);
          continue;
        }
        value = "";
      } else if (!isString(value)) value = makeString(value);
      const text = value as string;
      const whole = match[0];
      out = out.replace(whole, () => text);
      regex.lastIndex += text.length - whole.length;
      if (++replaces >= MAX_REPLACES) break;
      match = regex.exec(out);
    }
  }
  return out;
}

function extractFromKey(key: string, opt: TOptions): { key: string; namespaces: string[] } {
  const fromOpt = (opt.ns ?? "common") as string | string[];
  let namespaces: string | string[] = fromOpt;
  const dot = key.indexOf(KEY_SEPARATOR);
  const objectPath =
    !NATURAL_LANGUAGE.test(key) || (dot > 0 && !NATURAL_LANGUAGE.test(key.slice(0, dot)));
  if (key.includes(NS_SEPARATOR) && objectPath) {
    NESTING.lastIndex = 0;
    if (NESTING.test(key)) {
      NESTING.lastIndex = 0;
      return { key, namespaces: isString(namespaces) ? [namespaces] : namespaces };
    }
    const parts = key.split(NS_SEPARATOR);
    namespaces = parts.shift()!;
    key = parts.join(KEY_SEPARATOR);
  }
  return { key, namespaces: isString(namespaces) ? [namespaces] : namespaces };
}

function pluralSuffix(lng: string, count: number): string {
  let rule = pluralRules.get(lng);
  if (!rule) {
    rule = new Intl.PluralRules(lng.replace(/_/g, "-"), { type: "cardinal" });
    pluralRules.set(lng, rule);
  }
  return `_${rule.select(count)}`;
}

function resource(store: Store | undefined, ns: string, key: string): unknown {
  const catalogue = store?.[ns];
  if (!catalogue) return undefined;
  const found = getPath(catalogue, key);
  if (found) return found;
  return deepFind(catalogue, key);
}

function hasDefaultValue(opt: TOptions): boolean {
  for (const k in opt)
    if (hasOwn(opt, k) && k.startsWith("defaultValue") && opt[k] !== undefined) return true;
  return false;
}

/** i18next's `t(keys, options)` for one language's store. */
export function translate(
  stores: (lng: string) => Store | undefined,
  keysIn: unknown,
  optIn: TOptions,
  lastKey?: string,
): unknown {
  const opt: TOptions = { ...optIn };
  if (keysIn == null) return "";
  const keys = (Array.isArray(keysIn) ? keysIn : [keysIn]).map(String);
  const { key } = extractFromKey(keys[keys.length - 1]!, opt);
  const lng = opt.lng as string;
  const store = stores(lng);
  const needsPlural = opt.count !== undefined && !isString(opt.count);
  const suffix = needsPlural ? pluralSuffix(lng, opt.count as number) : "";
  const zero = needsPlural && opt.count === 0;

  let found: unknown;
  for (const k of keys) {
    if (found !== undefined && found !== null) break;
    const extracted = extractFromKey(k, opt);
    for (const ns of extracted.namespaces) {
      if (found !== undefined && found !== null) break;
      const finalKeys = [extracted.key];
      if (needsPlural) {
        finalKeys.push(extracted.key + suffix);
        if (zero) finalKeys.push(`${extracted.key}_zero`);
      }
      let possible = finalKeys.pop();
      while (possible) {
        if (found === undefined || found === null) found = resource(store, ns, possible);
        possible = finalKeys.pop();
      }
    }
  }

  let res = found;
  const defaultValue =
    (zero && opt.defaultValue_zero) || opt[`defaultValue${suffix}`] || opt.defaultValue;
  const forObject = !res && hasDefaultValue(opt) ? defaultValue : res;
  if (forObject && typeof forObject === "object") {
    if (opt.returnObjects) return forObject;
    return `key '${key} (${lng})' returned an object instead of string.`;
  }
  if ((res === undefined || res === null) && hasDefaultValue(opt)) res = defaultValue;
  if (res === undefined || res === null) res = key;
  if (!isString(res)) return res;

  // Interpolation, then nesting (unless a value brought a $t( of its own).
  const before = res.match(NESTING)?.length;
  const text = interpolate(res, { ...opt }, lng);
  const after = text.match(NESTING)?.length;
  if (opt.nest === false || (before ?? 0) < (after ?? 0)) return text;
  return nest(text, opt, (k, o) => {
    if (lastKey === k) return null;
    return translate(stores, k, o, keys[0]);
  });
}

function nest(
  input: string,
  options: TOptions,
  fc: (key: string, options: TOptions) => unknown,
): string {
  let str = input;
  NESTING.lastIndex = 0;
  let match: RegExpExecArray | null = NESTING.exec(str);
  while (match) {
    let cloned: TOptions = { ...options, applyPostProcessor: false };
    delete cloned.defaultValue;
    let inner = match[1]!;
    const keyEnd = /{.*}/.test(inner) ? inner.lastIndexOf("}") + 1 : inner.indexOf(",");
    let formatters: string[] = [];
    if (keyEnd !== -1) {
      formatters = inner
        .slice(keyEnd)
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean);
      inner = inner.slice(0, keyEnd);
    }
    let key = inner.trim();
    if (key.includes(",")) {
      const [k, optionsPart] = key.split(/,[ ]*{/);
      let json = `{${optionsPart}`;
      json = interpolate(json, cloned, options.lng as string);
      const singles = json.match(/'/g)?.length ?? 0;
      const doubles = json.match(/"/g)?.length ?? 0;
      if ((singles % 2 === 0 && !doubles) || doubles % 2 !== 0) json = json.replace(/'/g, '"');
      try {
        cloned = { ...cloned, ...(JSON.parse(json) as TOptions) };
        if (isString(cloned.defaultValue) && cloned.defaultValue.includes("{{"))
          delete cloned.defaultValue;
        key = k!;
      } catch {
        key = `${k},${json}`;
      }
    }
    let value: unknown = fc(key, cloned);
    if (!isString(value)) value = makeString(value);
    let text = (value as string) || "";
    if (formatters.length)
      text = makeString(
        formatters.reduce<unknown>(
          (v, f) => format(v, f, options.lng as string, options),
          text.trim(),
        ),
      );
    str = str.replace(match[0], () => text);
    match = NESTING.exec(str);
  }
  return str;
}
