import { can, type Role } from "~/modules/auth/permissions";

/** Which landing page a user gets: its own work first. */
export type HomeKind = "supervisor" | "contractor" | "overview";

/** Who accepts lots (监理) sees what waits for acceptance; who submits them (施工) its own work. */
export function homeKindOf(user: { role: Role }): HomeKind {
  if (can(user, "lot.review")) return "supervisor";
  if (can(user, "lot.submit")) return "contractor";
  return "overview";
}

/**
 * Place search: "3-2", "3栋2单元", "3 2" → building 3, unit 2; "3" → building 3;
 * anything with letters or Chinese besides 栋/单元 also matches zone names.
 */
export function parsePlaceQuery(raw: string): {
  building: number | null;
  unit: number | null;
  text: string;
} {
  const q = raw.trim().slice(0, 40);
  const numbers = [...q.matchAll(/\d+/g)].map((m) => Number(m[0]));
  const text = q.replace(/[\d\s\-－—#号栋幢单元楼/,，.]+/g, "").trim();
  return {
    building: numbers[0] ?? null,
    unit: numbers[1] ?? null,
    text: text || (numbers.length === 0 ? q : ""),
  };
}
