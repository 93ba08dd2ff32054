import { createHash } from "node:crypto";
import { canonicalJson } from "~/modules/audit/canonical";

export type AcceptanceContent = {
  compound: { id: string; code: string; name: string };
  /** every lot with the content hash its acceptance signed (null when not accepted) */
  lots: { id: string; status: string; signedHash: string | null }[];
  defects: { id: string; status: string }[];
  participants: { seq: number; party: string; organizationId: string; userId: string }[];
  conclusion: string;
  remarks: string;
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What every signature of a final acceptance binds, as SHA-256 of canonical JSON. */
export function acceptanceContentHash(content: AcceptanceContent): string {
  const normal = {
    ...content,
    lots: [...content.lots].sort(byId),
    defects: [...content.defects].sort(byId),
    participants: [...content.participants].sort((a, b) => a.seq - b.seq),
  };
  return createHash("sha256").update(canonicalJson(normal)).digest("hex");
}
