export const ORG_KIND_LABELS: Record<string, string> = {
  bureau: "住建局",
  owner: "建设单位",
  supervisor: "监理单位",
  design: "设计单位",
  contractor: "施工单位",
  street: "街道/社区",
  audit: "审计局",
  finance: "财政局",
  residents: "楼栋自治小组",
  property: "物业服务企业",
  enforcement: "综合行政执法局",
};
