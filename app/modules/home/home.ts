import type { Role } from "~/modules/auth/permissions";

/** Which landing page a role gets: its own work first. */
export type HomeKind = "supervisor" | "contractor" | "overview";

export function homeKindOf(role: Role): HomeKind {
  if (role === "supervisor") return "supervisor";
  if (role === "contractor") return "contractor";
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
