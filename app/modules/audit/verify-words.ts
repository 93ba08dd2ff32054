export type Params = Record<string, string | number>;

/** A catalogue key ("ns:key") and the values that word it. */
export type Message = { code: string; params: Params };

/** A record that disagrees with the chain: what it is (label) and what is wrong (code). */
export type RecordBreak = {
  entityType: string;
  entityId: string;
  label: Message;
  code: string;
  params: Params;
};

const message = (code: string, params: Params = {}): Message => ({ code, params });

/** The names of the records a break is about (the numbers and hashes are data). */
export const breakLabel = {
  lot: (number: string) => message("audit:verify.label.lot", { number }),
  defect: (number: string) => message("audit:verify.label.defect", { number }),
  notice: (number: string) => message("audit:verify.label.notice", { number }),
  payment: (number: string) => message("audit:verify.label.payment", { number }),
  drawing: (number: string, revision: string) =>
    message("audit:verify.label.drawing", { number, revision }),
  photo: (hash: string, lot: string | null, defect: string | null) =>
    lot
      ? message("audit:verify.label.photoOfLot", { hash, number: lot })
      : defect
        ? message("audit:verify.label.photoOfDefect", { hash, number: defect })
        : message("audit:verify.label.photo", { hash }),
};

/** Collects the breaks of one record: `fail(code, params)` adds one. */
export function breakCollector(breaks: RecordBreak[], entityType: string) {
  return (entityId: string, label: Message) =>
    (code: string, params: Params = {}) =>
      breaks.push({ entityType, entityId, label, code, params });
}

type Words = (key: string, params?: Params) => string;

/** Any i18next translator (a server's fixedT, a component's useTranslation().t). */
type Translator = (...args: never[]) => unknown;

/** A message in the translator's language (codes name their namespace: "audit:verify…"). */
export const word = (t: Translator, m: Message): string =>
  (t as unknown as Words)(m.code, m.params);

/** A record break worded in the translator's language. */
export function wordBreak(t: Translator, b: Pick<RecordBreak, "label" | "code" | "params">) {
  return { label: word(t, b.label), message: word(t, b) };
}
