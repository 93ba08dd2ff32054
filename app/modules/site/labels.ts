/** 室外区域 kinds, in the order a compound page lists them. */
export const ZONE_KIND_LABELS: Record<string, string> = {
  road: "道路",
  pipe: "雨污管网",
  septic: "化粪池",
  green: "绿地广场",
  rubbish: "垃圾收集点",
  fitness: "健身器材",
  parking: "停车场",
  demolition: "违建拆除",
};

export const zoneKindLabel = (kind: string) => ZONE_KIND_LABELS[kind] ?? kind;

export function formatYuan(yuan: number): string {
  return yuan >= 10_000
    ? `¥${(yuan / 10_000).toLocaleString("zh-CN")} 万元`
    : `¥${yuan.toLocaleString("zh-CN")} 元`;
}

export function formatDate(value: Date | string | null): string {
  if (value === null) return "持续";
  const d = typeof value === "string" ? new Date(value) : value;
  return d.toLocaleDateString("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
}

export function formatDateTime(value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}
