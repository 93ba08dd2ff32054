import path from "node:path";

export const TMP_DIR = path.resolve(".tmp", "vitest");
export const EMPTY_TEMPLATE = path.join(TMP_DIR, "template-empty.db");
export const SEEDED_TEMPLATE = path.join(TMP_DIR, "template-seeded.db");
