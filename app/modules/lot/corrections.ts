import type { LotMessage } from "./messages";
/**
 * Corrections of measured points (decision 0016): a recorded point is never deleted or
 * rewritten. Correcting it keeps the old value in `was` (oldest first, shown struck through);
 * withdrawing it marks it `removed` (kept, struck through, not judged).
 */

/** A value a point had before a correction. */
export type PriorValue = { value: number; text?: string | null; design?: number | null };

export type RecordedPoint = {
  value: number;
  serious?: boolean;
  text?: string | null;
  design?: number | null;
  was?: PriorValue[] | null;
  removed?: boolean;
};

const same = (a: PriorValue, b: PriorValue) =>
  a.value === b.value &&
  (a.text ?? null) === (b.text ?? null) &&
  (a.design ?? null) === (b.design ?? null);

const sameList = (a: readonly PriorValue[], b: readonly PriorValue[]) =>
  a.length === b.length && a.every((v, i) => same(v, b[i] as PriorValue));

export const priorOf = (p: RecordedPoint): PriorValue => ({
  value: p.value,
  text: p.text ?? null,
  design: p.design ?? null,
});

/** The points the engine judges: withdrawn ones are kept on record but not judged. */
export function livePoints<P extends { removed?: boolean }>(points: readonly P[]): P[] {
  return points.filter((p) => !p.removed);
}

/** Point i corrected to a new value: the old value goes to the end of its history. */
export function correctedPoint<P extends RecordedPoint>(old: P, next: PriorValue): P {
  return {
    ...old,
    value: next.value,
    text: next.text ?? null,
    design: next.design ?? null,
    was: [...(old.was ?? []), priorOf(old)],
  };
}

/**
 * Whether `next` may replace the `stored` points: every stored point is still there at its
 * place, unchanged, corrected (its old value appended to `was`) or withdrawn (`removed`), and
 * new points come after them with no history. Returns the Chinese refusal, or null.
 * The serious flag (严重缺陷) is a classification, not a measurement, and may change.
 */
export function correctionRefusal(
  stored: readonly RecordedPoint[],
  next: readonly RecordedPoint[],
): LotMessage | null {
  if (next.length < stored.length) return { key: "lot:errors.pointDeleted" };
  for (let i = 0; i < next.length; i++) {
    const n = next[i] as RecordedPoint;
    const nWas = n.was ?? [];
    const s = stored[i];
    if (!s) {
      if (nWas.length > 0 || n.removed)
        return { key: "lot:errors.pointNewWithHistory", params: { n: i + 1 } };
      continue;
    }
    const sWas = s.was ?? [];
    if (s.removed && !n.removed)
      return { key: "lot:errors.pointWithdrawnRestore", params: { n: i + 1 } };
    const unchanged = same(priorOf(s), priorOf(n)) && sameList(sWas, nWas);
    if (unchanged) continue;
    const corrected =
      !s.removed &&
      !n.removed &&
      sameList([...sWas, priorOf(s)], nWas) &&
      !same(priorOf(s), priorOf(n));
    if (corrected) continue;
    return { key: "lot:errors.pointRewritten", params: { n: i + 1 } };
  }
  return null;
}

/** `was` as stored (JSON text) or sent (a list): a list, empty when absent or unreadable. */
export function parseWas(was: string | readonly PriorValue[] | null | undefined): PriorValue[] {
  if (!was) return [];
  if (typeof was !== "string") return [...was];
  try {
    const list = JSON.parse(was) as unknown;
    return Array.isArray(list) ? (list as PriorValue[]) : [];
  } catch {
    return [];
  }
}

/** What a save corrected: per point its old and new value, or that it was withdrawn. */
export type Correction = { seq: number; from: PriorValue; to: PriorValue | null };

/** The corrections `next` makes to `stored` (both already accepted by correctionRefusal). */
export function correctionsMade(
  stored: readonly RecordedPoint[],
  next: readonly RecordedPoint[],
): Correction[] {
  const made: Correction[] = [];
  stored.forEach((s, i) => {
    const n = next[i];
    if (!n || s.removed) return;
    if (n.removed) made.push({ seq: i + 1, from: priorOf(s), to: null });
    else if ((n.was ?? []).length > (s.was ?? []).length)
      made.push({ seq: i + 1, from: priorOf(s), to: priorOf(n) });
  });
  return made;
}
