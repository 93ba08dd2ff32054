import type { TFunction } from "i18next";

/** A translator whose default namespace is "residents" (useTranslation("residents"), residentsT). */
export type ResidentsT = TFunction<"residents">;
