import { DomainError } from "~/infra/domain-error";
import {
  compareRevisions,
  isRevisionLabel,
  nextRevision,
  normalizeSheetNumber,
  numberForPage,
} from "./revision";

/** What the uploader said about the set: set-level defaults and, optionally, one line per page. */
export type SetSpec = {
  discipline: string;
  numberPrefix: string;
  startNumber: number;
  /** "图号 图名" per page, in page order; blank lines take the defaults */
  pageLines: string[];
  defaultTitle: string;
  /** explicit revision for every page, or null = the next after each sheet's current one */
  revision: string | null;
};

export type PlannedSheet = {
  pageIndex: number;
  number: string;
  title: string;
  revision: string;
  /** the current revision this one supersedes, if the sheet exists */
  supersedes: string | null;
};

/**
 * Each page's sheet number, title and revision; a number matching an existing sheet becomes its
 * next revision. Pure: `current` maps existing sheet numbers to their current revision letter.
 */
export function planSheets(
  pageCount: number,
  spec: SetSpec,
  current: ReadonlyMap<string, string | null>,
): PlannedSheet[] {
  const lines = spec.pageLines.map((l) => l.trim());
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  if (lines.length > pageCount)
    throw new DomainError("drawing:errors.tooManyLines", {
      status: 400,
      params: { lines: lines.length, pages: pageCount },
      field: "pageLines",
    });
  if (spec.revision !== null && !isRevisionLabel(spec.revision))
    throw new DomainError("drawing:errors.badRevision", { status: 400, field: "revision" });
  const seen = new Set<string>();
  const planned: PlannedSheet[] = [];
  for (let pageIndex = 0; pageIndex < pageCount; pageIndex++) {
    const line = lines[pageIndex] ?? "";
    const [first = "", ...rest] = line.split(/\s+/);
    const rawNumber = first || numberForPage(spec.numberPrefix, spec.startNumber, pageIndex);
    const number = normalizeSheetNumber(rawNumber);
    if (!number)
      throw new DomainError("drawing:errors.badNumber", {
        status: 400,
        params: { page: pageIndex + 1, number: rawNumber },
        field: "pageLines",
      });
    if (seen.has(number))
      throw new DomainError("drawing:errors.duplicateNumber", {
        status: 400,
        params: { number },
        field: "pageLines",
      });
    seen.add(number);
    const title = (rest.join(" ") || spec.defaultTitle || number).slice(0, 100);
    const existing = current.get(number) ?? null;
    const revision = spec.revision ?? nextRevision(existing);
    if (existing !== null && compareRevisions(revision, existing) <= 0)
      throw new DomainError("drawing:errors.revisionNotLater", {
        status: 409,
        params: { number, current: existing, next: nextRevision(existing) },
        field: "revision",
      });
    planned.push({ pageIndex, number, title, revision, supersedes: existing });
  }
  return planned;
}

/**
 * What the uploader confirms: each sheet that would get a new revision, with the revision it
 * replaces (电施-01:A>B), in page order. Empty when the set only adds new sheets.
 */
export function supersessionToken(plan: readonly PlannedSheet[]): string {
  return plan
    .filter((p) => p.supersedes !== null)
    .map((p) => `${p.number}:${p.supersedes}>${p.revision}`)
    .join("|");
}

/** The first start number for `prefix` past every existing sheet numbered prefix + digits. */
export function nextFreeStart(numbers: Iterable<string>, prefix: string): number {
  let max = 0;
  for (const n of numbers) {
    if (!n.startsWith(prefix)) continue;
    const rest = n.slice(prefix.length);
    if (/^\d{1,3}$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return Math.min(max + 1, 999);
}
