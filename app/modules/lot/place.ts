import { z } from "zod";
import type { LotQuantities, PlaceAttributes, SampleQuantity } from "./verdict-schema";

/** 检验批容量 units as lots record them → what sample plans count. */
const CAPACITY_UNIT_QUANTITY: Record<string, SampleQuantity> = {
  m: "m",
  "m²": "m2",
  m2: "m2",
  "m³": "m3",
  跑: "flights",
  间: "rooms",
  处: "units",
  个: "units",
  套: "units",
  座: "units",
  台: "units",
  车位: "bays",
  井段: "sections",
  回路: "circuits",
};

const Quantities = z.record(z.string(), z.number().nonnegative().nullable());
const Attributes = z.record(z.string(), z.union([z.number(), z.string()]).nullable());

function parseJson<T>(text: string | null, schema: z.ZodType<T>): T | Record<string, never> {
  if (!text) return {};
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : {};
}

interface PlaceRow {
  capacity: number | null;
  capacityUnit: string | null;
  quantities: string | null;
  attributes: string | null;
  building: { floors: number } | null;
  stairwell: { floors: number; building: { floors: number } } | null;
  zone: {
    surface: string | null;
    roadWidth: number | null;
    roadClass: string | null;
    pipeMaterial: string | null;
    pipeDiameter: number | null;
    structure: string | null;
  } | null;
}

/** The place attributes and quantities a lot's verdict depends on. */
export function lotPlace(lot: PlaceRow): {
  attributes: PlaceAttributes;
  quantities: LotQuantities;
} {
  const storeys = lot.stairwell?.building.floors ?? lot.building?.floors ?? null;
  const attributes: PlaceAttributes = {
    ...(storeys !== null ? { storeys } : {}),
    ...(lot.zone ?? {}),
    ...parseJson(lot.attributes, Attributes),
  };
  const quantities: LotQuantities = { lots: 1, ...parseJson(lot.quantities, Quantities) };
  const fromCapacity = lot.capacityUnit
    ? CAPACITY_UNIT_QUANTITY[lot.capacityUnit.trim()]
    : undefined;
  if (fromCapacity && lot.capacity !== null && quantities[fromCapacity] == null) {
    quantities[fromCapacity] = lot.capacity;
  }
  // The legacy table-3.0.9 rule of old checklist versions counts the lot capacity itself.
  if (lot.capacity !== null) quantities.lots = lot.capacity;
  return { attributes, quantities };
}
