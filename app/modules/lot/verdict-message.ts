/**
 * What the verdict engine says, as data: a catalogue key of the "checklist" namespace and its
 * parameters (numbers, data strings, other messages, lists). verdict-text.ts puts it into words
 * in the reader's language; the engine itself holds no prose.
 */
import type checklist from "~/locales/zh-CN/checklist";

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
type Plain<K extends string> = K extends `${infer B}_${"one" | "other"}` ? B : K;

/** A key of the checklist catalogue (plural keys by their stem). */
export type VerdictKey = Plain<Leaves<typeof checklist>>;

/** A number as the engine decided to show it: decimals, unit, a "+" for positive deviations. */
export type VerdictNumber = {
  num: number | readonly number[];
  digits?: number;
  unit?: string;
  sign?: boolean;
};
/** A rate shown as a percentage (one decimal, rounded down). */
export type VerdictPercent = { percent: number };
export type VerdictList = {
  list: readonly VerdictParam[];
  join: "semicolon" | "comma" | "enumeration";
  max?: number;
};
export type VerdictParam =
  | string
  | number
  | VerdictText
  | VerdictList
  | VerdictNumber
  | VerdictPercent;
export interface VerdictText {
  key: VerdictKey;
  params?: Readonly<Record<string, VerdictParam>>;
}

export function msg(key: VerdictKey, params?: Record<string, VerdictParam>): VerdictText {
  return params ? { key, params } : { key };
}

export function num(
  value: number | readonly number[],
  options: Omit<VerdictNumber, "num"> = {},
): VerdictNumber {
  return { num: value, ...options };
}
