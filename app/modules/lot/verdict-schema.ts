import { z } from "~/infra/zod";

/**
 * The judging specification of one checklist item (`judge` in prisma/data/checklists.json):
 * which standard and clause, how a measured value is compared, the unit and plausible entry
 * range, the limits (selected by conditions on the place), what its sample plan counts and how
 * many points it needs. Pure data, validated here; the engine reads every number from it.
 */

import {
  COMPARISONS,
  type Comparison,
  PLACE_ATTRIBUTE_NAMES,
  QUANTITY_NAMES,
} from "./verdict-vocabulary";

export * from "./verdict-vocabulary";

export const ConditionSchema = z.object({
  attr: z.enum(PLACE_ATTRIBUTE_NAMES),
  op: z.enum(["eq", "ne", "ge", "gt", "le", "lt"]),
  value: z.union([z.number(), z.string()]),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const LimitSchema = z.object({
  /** All must hold; the first limit whose conditions hold applies; one limit has none. */
  when: z.array(ConditionSchema).default([]),
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  /** Overrides the item clause for this limit, e.g. "表10.8.1" for concrete. */
  clause: z.string().optional(),
});
export type Limit = z.infer<typeof LimitSchema>;

export const SampleRuleSchema = z.discriminatedUnion("kind", [
  /** Every unit: n = quantity. */
  z.object({ kind: z.literal("all") }),
  /** A fixed number of points per lot (per test section, per tank). */
  z.object({ kind: z.literal("fixed"), n: z.number().int().positive() }),
  /** n points per `every` units of the quantity (每20m 1点, 每1000m² 3点, 每跑 2点). */
  z.object({
    kind: z.literal("per"),
    every: z.number().positive(),
    n: z.number().int().positive(),
    atLeast: z.number().int().positive().optional(),
  }),
  /** A share of the units, at least `atLeast`, and (by default) at least GB 50300 table 3.0.9. */
  z.object({
    kind: z.literal("percent"),
    percent: z.number().positive().max(100),
    atLeast: z.number().int().positive().default(1),
    table309: z.boolean().default(true),
    /** Points in each sampled unit (每间不少于2点). */
    pointsPerUnit: z.number().int().positive().default(1),
  }),
  /** CJJ 1 width classes: per `every` m, n by road width (路宽<9m 1处, 9~15m 2处, >15m 3处). */
  z.object({
    kind: z.literal("perWidth"),
    every: z.number().positive(),
    classes: z
      .array(z.object({ widthBelow: z.number().positive().nullable(), n: z.number().int() }))
      .min(1),
  }),
  /** GB 50300 table 3.0.9 alone. */
  z.object({ kind: z.literal("table309") }),
]);
export type SampleRule = z.infer<typeof SampleRuleSchema>;

export const JudgeSpecSchema = z
  .object({
    standard: z.string().min(1),
    clause: z.string().min(1),
    comparison: z.enum(COMPARISONS),
    unit: z.string().min(1),
    /** Plausible entries; outside asks the user to confirm the unit. */
    entryRange: z.tuple([z.number(), z.number()]),
    /** Decimals shown for the limit, e.g. 2 for 1.10 m. */
    decimals: z.number().int().min(0).max(4).default(0),
    limits: z.array(LimitSchema).min(1),
    /** design: the measured slope must keep the design's sign (CJJ 1: 不反坡). */
    noReverse: z.boolean().optional(),
    /** statistic: the representative value mean + Za·S is compared with the design value. */
    statistic: z
      .object({
        kind: z.literal("upperRepresentative"),
        minPoints: z.number().int().min(2),
        za: z.array(z.object({ when: z.array(ConditionSchema).default([]), za: z.number() })),
      })
      .optional(),
    /** lookup: the allowed maximum by an attribute (GB 50268 表9.3.5), or a linear formula. */
    lookup: z
      .object({
        attr: z.enum(PLACE_ATTRIBUTE_NAMES),
        rows: z.array(z.object({ key: z.number(), value: z.number() })).min(1),
        /** Where these conditions hold, allowed = factor × attribute (化学建材管 q = 0.0046·Di). */
        linear: z
          .object({ when: z.array(ConditionSchema).min(1), factor: z.number().positive() })
          .optional(),
      })
      .optional(),
    /** The governing code of this item's 一般项目 rule when not the work type's (广场铺装 → CJJ 1). */
    generalRule: z.string().optional(),
    sample: z.object({ counts: z.enum(QUANTITY_NAMES), rule: SampleRuleSchema }),
    unverified: z.boolean().default(false),
    noteZh: z.string().optional(),
  })
  .superRefine((spec, ctx) => {
    const [lo, hi] = spec.entryRange;
    if (!(lo < hi)) ctx.addIssue({ code: "custom", message: "entryRange must be [low, high]" });
    const unconditioned = spec.limits.filter((l) => l.when.length === 0).length;
    if (unconditioned !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "exactly one limit without conditions (the default)",
      });
    }
    if (spec.limits[spec.limits.length - 1]?.when.length !== 0) {
      ctx.addIssue({ code: "custom", message: "the default limit comes last" });
    }
    if (spec.comparison === "statistic" && !spec.statistic) {
      ctx.addIssue({ code: "custom", message: "statistic comparison needs `statistic`" });
    }
    if (spec.comparison === "lookup" && !spec.lookup) {
      ctx.addIssue({ code: "custom", message: "lookup comparison needs `lookup`" });
    }
    for (const limit of spec.limits) {
      const needs = boundsNeeded(spec.comparison);
      if (needs.min && limit.min === null)
        ctx.addIssue({ code: "custom", message: "limit needs min" });
      if (needs.max && limit.max === null)
        ctx.addIssue({ code: "custom", message: "limit needs max" });
    }
  });
export type JudgeSpec = z.infer<typeof JudgeSpecSchema>;

function boundsNeeded(comparison: Comparison): { min: boolean; max: boolean } {
  switch (comparison) {
    case "ge":
    case "gt":
    case "head":
      return { min: true, max: false };
    case "le":
    case "lt":
    case "trigger":
      return { min: false, max: true };
    case "range":
      return { min: true, max: true };
    default:
      return { min: false, max: false };
  }
}

const parsedSpecs = new Map<string, JudgeSpec>();

/** A stored spec (JSON text of an immutable checklist version), parsed once per process. */
export function parseJudgeSpec(raw: unknown): JudgeSpec | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string") return JudgeSpecSchema.parse(raw);
  const known = parsedSpecs.get(raw);
  if (known) return known;
  const spec = JudgeSpecSchema.parse(JSON.parse(raw));
  if (parsedSpecs.size > 5000) parsedSpecs.clear();
  parsedSpecs.set(raw, spec);
  return spec;
}

/** Place attribute values of a lot (from its building/zone, plus what the lot itself records). */
