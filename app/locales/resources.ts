import type acceptance from "./zh-CN/acceptance";
import type audit from "./zh-CN/audit";
import type auth from "./zh-CN/auth";
import type checklist from "./zh-CN/checklist";
import type common from "./zh-CN/common";
import type concealed from "./zh-CN/concealed";
import type defect from "./zh-CN/defect";
import type division from "./zh-CN/division";
import type drawing from "./zh-CN/drawing";
import type evidence from "./zh-CN/evidence";
import type fund from "./zh-CN/fund";
import type ladder from "./zh-CN/ladder";
import type lot from "./zh-CN/lot";
import type nonconformance from "./zh-CN/nonconformance";
import type photo from "./zh-CN/photo";
import type plan from "./zh-CN/plan";
import type residents from "./zh-CN/residents";
import type site from "./zh-CN/site";

/** Every namespace, typed from the Chinese source catalogue. */
export type Resources = {
  common: typeof common;
  auth: typeof auth;
  audit: typeof audit;
  lot: typeof lot;
  checklist: typeof checklist;
  defect: typeof defect;
  photo: typeof photo;
  drawing: typeof drawing;
  acceptance: typeof acceptance;
  plan: typeof plan;
  site: typeof site;
  fund: typeof fund;
  residents: typeof residents;
  evidence: typeof evidence;
  nonconformance: typeof nonconformance;
  ladder: typeof ladder;
  division: typeof division;
  concealed: typeof concealed;
};

export type Namespace = keyof Resources;

export const NAMESPACES = [
  "common",
  "auth",
  "audit",
  "lot",
  "checklist",
  "defect",
  "photo",
  "drawing",
  "acceptance",
  "plan",
  "site",
  "fund",
  "residents",
  "evidence",
  "nonconformance",
  "ladder",
  "division",
  "concealed",
] as const satisfies readonly Namespace[];

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** "namespace:dotted.key" for every message: what a domain error or a notification stores. */
export type MessageKey = { [N in Namespace]: `${N}:${Leaves<Resources[N]>}` }[Namespace];
