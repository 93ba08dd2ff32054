/**
 * The disciplines offered when uploading (the field takes any text). The value is data, stored
 * on the sheet in the language of record and matched by the register's filter; the key names
 * its label in the "drawing" catalogue (disciplines.*).
 */
export const DISCIPLINES = [
  { key: "architecture", value: "建筑" },
  { key: "structure", value: "结构" },
  { key: "plumbing", value: "给排水" },
  { key: "electrical", value: "电气" },
  { key: "hvac", value: "暖通" },
  { key: "sitePlan", value: "总图" },
  { key: "roads", value: "道路" },
  { key: "landscape", value: "景观" },
] as const;

/** The upload form's defaults: electrical sheets numbered 电施-01, 电施-02 … (data, as stored). */
export const DEFAULT_DISCIPLINE = "电气";
export const DEFAULT_NUMBER_PREFIX = "电施-";

export const REVISION_STATUSES = ["current", "superseded"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];
export const isRevisionStatus = (s: string): s is RevisionStatus =>
  (REVISION_STATUSES as readonly string[]).includes(s);
