/**
 * Every action a module records in the audit chain: one typed list. Its labels live in the "audit"
 * catalogue (actions.*, both languages); the stored rows keep these codes, so the chain's
 * canonical form never depends on a language.
 */
export const AUDIT_ACTIONS = [
  "lot.create",
  "lot.entry.save",
  "lot.place.save",
  "lot.point.correct",
  "lot.records.save",
  "lot.subitem.set",
  "lot.submit",
  "lot.accept",
  "lot.reject",
  "lot.reopen",
  "lot.drawing.add",
  "lot.drawing.remove",
  "lot.drawing.acknowledge",
  "checklist.publish",
  "defect.create",
  "defect.acknowledge",
  "defect.reply",
  "defect.close",
  "defect.return",
  "photo.attach",
  "photo.annotate",
  "notice.issue",
  "notice.reply",
  "user.create",
  "user.update",
  "user.permissions",
  "user.activate",
  "user.deactivate",
  "user.password_reset",
  "plan.generate",
  "plan.lot.add",
  "plan.lot.remove",
  "plan.subitem.add",
  "plan.subitem.remove",
  "plan.approve",
  "plan.save",
  "plan.publish",
  "acceptance.open",
  "acceptance.participant",
  "acceptance.sign",
  "acceptance.pass",
  "acceptance.fail",
  "acceptance.void",
  "acceptance.supervise",
  // the 单位工程 acceptance ladder (decision 0033)
  "acceptance.report",
  "acceptance.preaccept",
  "acceptance.facts",
  "acceptance.file",
  "drawing.revision.upload",
  "drawing.revision.supersede",
  "drawing.revision.render",
  "drawing.revision.renderFail",
  "drawing.pin.place",
  "fund.apply",
  "fund.certify",
  "fund.approve",
  "fund.pay",
  "fund.reverse",
  "warranty.report",
  "warranty.acknowledge",
  "warranty.reply",
  "warranty.close",
  "warranty.return",
  "illegal.register",
  "illegal.registered",
  "illegal.notified",
  "illegal.deadline",
  "illegal.demolished",
  "review.codes",
  "review.submit",
  "review.publish",
  "review.hide",
  "survey.add",
  "survey.import",
  // division evidence (issue 15): 质量控制资料 and 安全和功能检验
  "evidence.upload",
  "evidence.check",
  "evidence.reject",
  "evidence.test",
  // Nonconformance routes (GB 50300-2013 §5.0.6; decision 0032)
  "lot.route.record",
  // 分项/分部 records (decision 0029)
  "division.subitem.sign",
  "division.appearance.rate",
  "division.sign",
  // 隐蔽工程验收 (issue 15)
  "concealed.create",
  "concealed.request",
  "concealed.sign",
  "concealed.refuse",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The kinds of record the chain names (entityType), each labelled in audit:entities.*. */
export const AUDIT_ENTITIES = [
  "InspectionLot",
  "ChecklistTemplate",
  "Photo",
  "Defect",
  "SupervisionNotice",
  "User",
  "FinalAcceptance",
  "DrawingRevision",
  "DrawingPin",
  "PaymentApplication",
  "Compound",
  "CompoundPlan",
  "InspectionPlan",
  "Household",
  "IllegalStructure",
  "ResidentReview",
  "WarrantyDefect",
  "EvidenceDocument",
  "FunctionTest",
  "DivisionRecord",
  "ConcealedWork",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export function isAuditEntity(value: string): value is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(value);
}

export const AUDIT_PAGE_SIZE = 50;
