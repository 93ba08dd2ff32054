import { type JudgeSpec, JudgeSpecSchema } from "~/modules/lot/verdict-schema";
import checklistData from "../../../prisma/data/checklists.json";
import { requirementFor, type TestCode, type TestSpec } from "./requirements";

const specs = new Map<string, JudgeSpec>();

/** The judge spec of a checklist item (prisma/data/checklists.json), parsed once. */
export function judgeSpecOf(itemId: string): JudgeSpec {
  const known = specs.get(itemId);
  if (known) return known;
  const workTypes = checklistData.workTypes as { items: { id: string; judge?: unknown }[] }[];
  const raw = workTypes.flatMap((w) => w.items).find((i) => i.id === itemId)?.judge;
  if (!raw) throw new Error(`checklist item ${itemId} has no judge spec`);
  const spec = JudgeSpecSchema.parse(raw);
  specs.set(itemId, spec);
  return spec;
}

/** The test of a division's table, with its judge spec; null when the division does not require it. */
export function divisionTest(
  division: string,
  code: string,
): { test: TestSpec; spec: JudgeSpec } | null {
  const test = requirementFor(division).tests.find((t) => t.code === (code as TestCode));
  return test ? { test, spec: judgeSpecOf(test.item) } : null;
}

/** Standard + clause and whether the source was verified, per test code of a division. */
export function testClauses(division: string) {
  return Object.fromEntries(
    requirementFor(division).tests.map((t) => {
      const spec = judgeSpecOf(t.item);
      return [t.code, { clause: `${spec.standard} §${spec.clause}`, verified: !spec.unverified }];
    }),
  );
}
