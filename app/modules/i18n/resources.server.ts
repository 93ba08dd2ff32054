import type { Resource } from "i18next";
import en_acceptance from "~/locales/en/acceptance";
import en_audit from "~/locales/en/audit";
import en_auth from "~/locales/en/auth";
import en_checklist from "~/locales/en/checklist";
import en_common from "~/locales/en/common";
import en_concealed from "~/locales/en/concealed";
import en_defect from "~/locales/en/defect";
import en_division from "~/locales/en/division";
import en_drawing from "~/locales/en/drawing";
import en_evidence from "~/locales/en/evidence";
import en_fund from "~/locales/en/fund";
import en_ladder from "~/locales/en/ladder";
import en_lot from "~/locales/en/lot";
import en_nonconformance from "~/locales/en/nonconformance";
import en_photo from "~/locales/en/photo";
import en_plan from "~/locales/en/plan";
import en_residents from "~/locales/en/residents";
import en_site from "~/locales/en/site";
import zh_acceptance from "~/locales/zh-CN/acceptance";
import zh_audit from "~/locales/zh-CN/audit";
import zh_auth from "~/locales/zh-CN/auth";
import zh_checklist from "~/locales/zh-CN/checklist";
import zh_common from "~/locales/zh-CN/common";
import zh_concealed from "~/locales/zh-CN/concealed";
import zh_defect from "~/locales/zh-CN/defect";
import zh_division from "~/locales/zh-CN/division";
import zh_drawing from "~/locales/zh-CN/drawing";
import zh_evidence from "~/locales/zh-CN/evidence";
import zh_fund from "~/locales/zh-CN/fund";
import zh_ladder from "~/locales/zh-CN/ladder";
import zh_lot from "~/locales/zh-CN/lot";
import zh_nonconformance from "~/locales/zh-CN/nonconformance";
import zh_photo from "~/locales/zh-CN/photo";
import zh_plan from "~/locales/zh-CN/plan";
import zh_residents from "~/locales/zh-CN/residents";
import zh_site from "~/locales/zh-CN/site";

// Every catalogue of every language, imported statically so the server bundle, vitest and
// scripts run by tsx (seed, audit, backup) all read the same words; the browser loads its
// page's namespaces lazily (i18n.client.ts).
export const SERVER_RESOURCES: Resource = {
  "zh-CN": {
    common: zh_common,
    auth: zh_auth,
    audit: zh_audit,
    lot: zh_lot,
    checklist: zh_checklist,
    defect: zh_defect,
    photo: zh_photo,
    drawing: zh_drawing,
    acceptance: zh_acceptance,
    plan: zh_plan,
    site: zh_site,
    fund: zh_fund,
    residents: zh_residents,
    evidence: zh_evidence,
    nonconformance: zh_nonconformance,
    ladder: zh_ladder,
    division: zh_division,
    concealed: zh_concealed,
  },
  en: {
    common: en_common,
    auth: en_auth,
    audit: en_audit,
    lot: en_lot,
    checklist: en_checklist,
    defect: en_defect,
    photo: en_photo,
    drawing: en_drawing,
    acceptance: en_acceptance,
    plan: en_plan,
    site: en_site,
    fund: en_fund,
    residents: en_residents,
    evidence: en_evidence,
    nonconformance: en_nonconformance,
    ladder: en_ladder,
    division: en_division,
    concealed: en_concealed,
  },
};
