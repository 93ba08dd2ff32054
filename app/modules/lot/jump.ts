/** Finding an item on the lot page by what a supervisor types: "7", "M7", "G3", "一般3", "SR-M7". */
export type JumpItem = { code: string; kind: "main" | "general"; seq: number };

export function findJumpTarget<T extends JumpItem>(items: readonly T[], raw: string): T | null {
  const q = raw.trim().toUpperCase().replace(/\s+/g, "");
  if (!q) return null;
  const exact = items.find((i) => i.code.toUpperCase() === q);
  if (exact) return exact;
  const m = /^(主控?|一般?|M|G)?-?(\d{1,3})$/.exec(q);
  if (!m) return null;
  const seq = Number(m[2]);
  const kind = m[1] === "G" || m[1]?.startsWith("一") ? "general" : "main";
  return (
    items.find((i) => i.kind === kind && i.seq === seq) ??
    (m[1] ? null : items.find((i) => i.kind === "general" && i.seq === seq)) ??
    null
  );
}

/** The first item, in page order, that still needs a value. */
export function nextUnfilled<T extends { id: string }>(
  items: readonly T[],
  incomplete: ReadonlySet<string>,
  after: string | null = null,
): T | null {
  const start = after ? items.findIndex((i) => i.id === after) + 1 : 0;
  return (
    items.slice(start).find((i) => incomplete.has(i.id)) ??
    items.slice(0, start).find((i) => incomplete.has(i.id)) ??
    null
  );
}
