/** Roles, actions and the permission matrix: pure data and functions, no I/O. */

export const ROLES = [
  "admin",
  "bureau",
  "supervisor",
  "contractor",
  "owner",
  "designer",
  "street",
  // 资金监管 (fund supervision): the county's audit and finance bureaus
  "auditor",
  "finance",
  // residents and the long run (issue 19)
  "building_leader",
  "property",
  "enforcement",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  bureau: "住建局",
  supervisor: "监理工程师",
  contractor: "施工单位",
  owner: "建设单位",
  designer: "设计单位",
  street: "街道/社区",
  auditor: "审计局",
  finance: "财政局",
  building_leader: "楼栋长",
  property: "物业服务企业",
  enforcement: "综合行政执法局",
};

/** Every action a loader or action may ask for, with what the 403 page tells the user. */
export const ACTIONS = {
  "project.view": "查看改造项目",
  "compound.view": "查看小区及楼栋、单元、室外区域",
  "workType.view": "查看工程类别及检查表",
  "checklist.publish": "发布检查表新版本",
  "organization.view": "查看单位及人员",
  "account.view": "查看本人账号及登录设备",
  "lot.view": "查看检验批",
  "lot.create": "新建检验批",
  "lot.record": "填写检验批检查记录",
  "lot.submit": "提交施工自检",
  "lot.review": "监理验收签认、退回或撤销验收",
  "audit.view": "查看及校验操作记录",
  "photo.upload": "上传检验批照片",
  "defect.view": "查看质量问题",
  "defect.create": "登记质量问题",
  "defect.rectify": "确认整改及提交整改回复",
  "defect.review": "复查关闭或退回质量问题",
  "notice.view": "查看监理通知单",
  "notice.issue": "签发监理通知单",
  "notice.reply": "回复监理通知单",
  "user.manage": "管理用户账号及角色",
  "plan.manage": "编制、调整及（总监）批准检验批划分方案",
  "acceptance.view": "查看单位工程竣工验收",
  "acceptance.manage": "组织竣工验收、指定签字人及作废（建设单位项目负责人）",
  "acceptance.supervise": "质监站填写竣工验收监督记录",
  "acceptance.sign": "在竣工验收记录上签字",
  "dashboard.view": "查看进度统计",
  "report.export": "导出 PDF 及 Excel 报表",
  "drawing.view": "查看设计图纸",
  "drawing.upload": "上传设计图纸及新版次",
  // 资金监管 (fund supervision)
  "fund.view": "查看资金监管：预算、合同、工程量清单及计量支付",
  "fund.apply": "提交计量支付申请",
  "fund.certify": "监理审核计量",
  "fund.approve": "建设单位审批计量支付",
  "fund.pay": "财政局登记支付",
  "fund.reverse": "冲正已审批的计量支付",
  "fund.audit": "资金审计追溯、差异报表及导出",
  // residents and the long run (issue 19)
  "residents.view": "查看居民工作（调查摸底、评议、保修、违建）",
  "survey.view": "查看入户调查登记台账（不含姓名电话）",
  "survey.personal": "查看住户姓名及联系电话",
  "survey.edit": "录入及导入入户调查表",
  "review.manage": "发布改造方案、发放评议码、审核居民评议",
  "review.view": "查看居民评议及满意度汇总",
  "warranty.view": "查看保修期质量问题",
  "warranty.report": "报告保修期质量问题",
  "warranty.rectify": "确认及回复保修整改",
  "warranty.review": "复查关闭保修期质量问题",
  "illegal.view": "查看违章建筑台账",
  "illegal.manage": "登记违章建筑及推进拆除",
} as const;
export type Action = keyof typeof ACTIONS;

/**
 * any: every record; own: records tied to the user's organization
 * (a contractor's contracts, a street office's compounds, its own organization).
 */
export type Scope = "any" | "own";

type Matrix = Record<Role, Partial<Record<Action, Scope>>>;

const everyone = {
  "project.view": "any",
  "workType.view": "any",
  "account.view": "own",
} as const satisfies Partial<Record<Action, Scope>>;

export const PERMISSIONS: Matrix = {
  admin: {
    ...everyone,
    "compound.view": "any",
    "checklist.publish": "any",
    "organization.view": "any",
    "lot.view": "any",
    "audit.view": "any",
    "defect.view": "any",
    "notice.view": "any",
    "user.manage": "any",
    "acceptance.view": "any",
    "dashboard.view": "any",
    "report.export": "any",
    "drawing.view": "any",
  },
  bureau: {
    ...everyone,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "audit.view": "any",
    "defect.view": "any",
    "notice.view": "any",
    "acceptance.view": "any",
    "acceptance.manage": "any",
    "acceptance.supervise": "any",
    "acceptance.sign": "any",
    "dashboard.view": "any",
    "report.export": "any",
    "drawing.view": "any",
  },
  supervisor: {
    ...everyone,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "lot.create": "any",
    "lot.record": "any",
    "lot.review": "any",
    "photo.upload": "any",
    "defect.view": "any",
    "defect.create": "any",
    "defect.review": "any",
    "notice.view": "any",
    "notice.issue": "any",
    "plan.manage": "any",
    "acceptance.view": "any",
    "acceptance.sign": "any",
    "dashboard.view": "any",
    "report.export": "any",
    "drawing.view": "any",
    "drawing.upload": "any",
  },
  owner: {
    ...everyone,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "defect.view": "any",
    "notice.view": "any",
    "acceptance.view": "any",
    "acceptance.manage": "any",
    "acceptance.sign": "any",
    "dashboard.view": "any",
    "report.export": "any",
    "drawing.view": "any",
    "drawing.upload": "any",
  },
  designer: {
    ...everyone,
    "compound.view": "any",
    "organization.view": "own",
    "lot.view": "any",
    "defect.view": "any",
    "notice.view": "any",
    "acceptance.view": "any",
    "acceptance.sign": "any",
    "dashboard.view": "any",
    "report.export": "any",
    "drawing.view": "any",
    "drawing.upload": "any",
  },
  contractor: {
    ...everyone,
    "compound.view": "own",
    "organization.view": "own",
    "lot.view": "own",
    "lot.create": "own",
    "lot.record": "own",
    "lot.submit": "own",
    "photo.upload": "own",
    "defect.view": "own",
    "defect.rectify": "own",
    "notice.view": "own",
    "notice.reply": "own",
    "acceptance.view": "own",
    "acceptance.sign": "own",
    "dashboard.view": "own",
    "report.export": "own",
    "drawing.view": "own",
  },
  // Street offices see lots in their compounds but not defects: a defect is an open matter
  // between supervisor and contractor; the street hears of it through the lot or acceptance.
  street: {
    ...everyone,
    "compound.view": "own",
    "organization.view": "own",
    "lot.view": "own",
    "acceptance.view": "own",
    "dashboard.view": "own",
    "drawing.view": "own",
  },
  // granted in FUND_GRANTS below
  auditor: {},
  finance: {},
  // issue 19 roles: their actions are in the residents block below
  building_leader: { ...everyone },
  property: { ...everyone },
  enforcement: { ...everyone },
};

// ---- 资金监管 (fund supervision): one compact block, merged into the matrix below. Contractors
// see their own contracts; 审计局 and 财政局 read everything a payment rests on, change nothing
// but (财政局) the payment record.
const FUND_GRANTS: Partial<Record<Role, Partial<Record<Action, Scope>>>> = {
  admin: {},
  bureau: { "fund.view": "any", "fund.audit": "any" },
  supervisor: { "fund.view": "any", "fund.certify": "any" },
  contractor: { "fund.view": "own", "fund.apply": "own" },
  owner: { "fund.view": "any", "fund.approve": "any", "fund.reverse": "any", "fund.audit": "any" },
  designer: {},
  street: {},
  auditor: {
    ...everyone,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "audit.view": "any",
    "acceptance.view": "any",
    "report.export": "any",
    "fund.view": "any",
    "fund.audit": "any",
  },
  finance: {
    ...everyone,
    "compound.view": "any",
    "organization.view": "any",
    "lot.view": "any",
    "audit.view": "any",
    "acceptance.view": "any",
    "report.export": "any",
    "fund.view": "any",
    "fund.pay": "any",
    "fund.reverse": "any",
    "fund.audit": "any",
  },
};
for (const role of ROLES) PERMISSIONS[role] = { ...PERMISSIONS[role], ...FUND_GRANTS[role] };

/** Issue 19: the community (street), building leaders, property company and law enforcement. */
const residentsMatrix: Partial<Record<Role, Partial<Record<Action, Scope>>>> = {
  admin: { "residents.view": "any", "survey.view": "any", "survey.personal": "any" },
  bureau: {
    ...{ "residents.view": "any", "survey.view": "any", "survey.personal": "any" },
    ...{ "review.view": "any", "warranty.view": "any", "illegal.view": "any" },
  },
  supervisor: { "residents.view": "any", "warranty.view": "any" },
  owner: { "residents.view": "any", "review.view": "any", "warranty.view": "any" },
  contractor: { "residents.view": "own", "warranty.view": "own", "warranty.rectify": "own" },
  street: {
    ...{ "residents.view": "own", "survey.view": "own", "survey.personal": "own" },
    ...{ "survey.edit": "own", "review.manage": "own", "review.view": "own" },
    ...{ "warranty.view": "own", "warranty.report": "own", "warranty.review": "own" },
    ...{ "illegal.view": "own", "illegal.manage": "own" },
  },
  building_leader: {
    ...{ "residents.view": "own", "warranty.view": "own", "warranty.report": "own" },
  },
  property: {
    ...{ "residents.view": "own", "survey.view": "own", "warranty.view": "own" },
    ...{ "warranty.report": "own", "warranty.review": "own", "illegal.view": "own" },
  },
  enforcement: {
    ...{ "residents.view": "own", "illegal.view": "own", "illegal.manage": "own" },
  },
};
for (const role of ROLES) PERMISSIONS[role] = { ...PERMISSIONS[role], ...residentsMatrix[role] };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function scopeFor(role: Role, action: Action): Scope | null {
  return PERMISSIONS[role][action] ?? null;
}

export type Actor = { role: Role; organizationId: string };

/** Whether the actor may act on a record owned by the given organizations (none = not org-bound). */
export function permits(actor: Actor, action: Action, ownerOrgIds?: readonly string[]): boolean {
  const scope = scopeFor(actor.role, action);
  if (scope === null) return false;
  if (scope === "any" || ownerOrgIds === undefined) return true;
  return ownerOrgIds.includes(actor.organizationId);
}
