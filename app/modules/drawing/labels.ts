export const REVISION_STATUS_LABELS_ZH: Record<string, string> = {
  current: "现行",
  superseded: "已作废",
};

export const DISCIPLINES = [
  "建筑",
  "结构",
  "给排水",
  "电气",
  "暖通",
  "总图",
  "道路",
  "景观",
] as const;
