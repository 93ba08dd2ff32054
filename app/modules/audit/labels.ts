export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "lot.create": "新建检验批",
  "lot.entry.save": "填写检查记录",
  "lot.records.save": "更新资料完整情况",
  "lot.submit": "提交施工自检",
  "lot.accept": "监理验收签认",
  "lot.reject": "监理退回",
  "lot.reopen": "撤销验收",
  "checklist.publish": "发布检查表新版本",
  "defect.create": "登记质量问题",
  "defect.acknowledge": "确认整改",
  "defect.reply": "提交整改回复",
  "defect.close": "复查通过关闭",
  "defect.return": "退回整改",
  "drawing.revision.upload": "上传图纸版次",
  "drawing.revision.supersede": "图纸版次作废（被新版次取代）",
  "drawing.pin.place": "在图纸上标注质量问题",
  "lot.drawing.add": "添加依据图纸",
  "lot.drawing.remove": "移除依据图纸",
  "lot.drawing.acknowledge": "监理确认图纸版次变更",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  InspectionLot: "检验批",
  ChecklistTemplate: "检查表",
  Photo: "照片",
  Defect: "质量问题",
  DrawingRevision: "图纸版次",
  DrawingPin: "图钉",
};
