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
  "photo.attach": "上传照片",
  "notice.issue": "签发监理通知单",
  "notice.reply": "回复监理通知单",
  "user.create": "新建用户",
  "user.update": "修改用户资料",
  "user.permissions": "变更用户角色或单位",
  "user.activate": "启用账号",
  "user.deactivate": "停用账号",
  "user.password_reset": "重置密码",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  InspectionLot: "检验批",
  ChecklistTemplate: "检查表",
  Photo: "照片",
  Defect: "质量问题",
  SupervisionNotice: "监理通知单",
  User: "用户",
};
