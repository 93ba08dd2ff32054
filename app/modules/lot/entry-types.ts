import type { PriorValue } from "./corrections";
import type { ItemResult } from "./verdict";

export type EntryInput = {
  itemId: string;
  result: ItemResult | null;
  note: string | null;
  designValue: number | null;
  points: {
    value: number;
    serious: boolean;
    text?: string | null;
    design?: number | null;
    was?: PriorValue[];
    removed?: boolean;
  }[];
};
