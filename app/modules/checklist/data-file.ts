import { z } from "~/infra/zod";
import { JudgeSpecSchema } from "~/modules/lot/verdict-schema";

/** The checklist data file (prisma/data/checklists.json): validated before anything is loaded. */
const NumericSchema = z.object({
  unit: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  // aboveUpstreamCrown: the measured value is a height above the upstream pipe crown (compared as is)
  quantity: z.enum(["absolute", "deviationFromDesign", "aboveUpstreamCrown"]),
  target: z.number().optional(),
  condition: z.string().optional(),
  note: z.string().optional(),
});

export const ItemKindSchema = z.enum(["main", "general"]);
export const ItemMethodSchema = z.enum(["observe", "measure", "test", "document"]);

const ItemSchema = z.object({
  id: z.string().regex(/^[A-Z]{2}-[MG]\d+$/, "item id like SR-M7"),
  kind: ItemKindSchema,
  textZh: z.string().min(1),
  textEn: z.string().min(1),
  method: ItemMethodSchema,
  tolerance: z.string().nullable(),
  numeric: NumericSchema.nullable(),
  lookupTable: z.unknown().optional(),
  /** How the engine judges a measured value (issue 14); null: judged by the inspector. */
  judge: JudgeSpecSchema.nullable().default(null),
  samplePlan: z.string().min(1),
  source: z.string().min(1),
  verified: z.boolean(),
});

const WorkTypeSchema = z.object({
  code: z.string().regex(/^[a-z-]+$/),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  division: z.string(),
  standards: z.array(z.string()).min(1),
  lotDivision: z.string(),
  items: z.array(ItemSchema).min(1),
});

export const ChecklistDataSchema = z.object({
  meta: z.object({ title: z.string() }).passthrough(),
  acceptanceRules: z.record(z.string(), z.unknown()),
  workTypes: z.array(WorkTypeSchema).min(1),
});

export type ChecklistData = z.infer<typeof ChecklistDataSchema>;
export type ChecklistDataItem = z.infer<typeof ItemSchema>;
export type ChecklistDataWorkType = z.infer<typeof WorkTypeSchema>;

export function parseChecklistData(raw: unknown): ChecklistData {
  const result = ChecklistDataSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw new Error(`检查表数据文件格式错误 (checklist data file invalid): ${first}`);
  }
  return result.data;
}

/** Where a work type's lots are inspected, from prisma/data/work-type-places.json. */
export const WorkTypePlacesSchema = z.record(
  z.string(),
  z.object({
    placeKind: z.enum(["stairwell", "building", "zone"]),
    zoneKinds: z.array(z.string()).default([]),
    /** 分部 its lots roll up into (GB 50300 appendices B and C), for the compound's summary */
    rollupDivision: z.string().min(1),
  }),
);
export type WorkTypePlaces = z.infer<typeof WorkTypePlacesSchema>;
