// lot:drawings.* — the drawings a lot is built to (lot page panel).
const drawings = {
  title: "依据图纸",
  none: "尚未选择本检验批依据的图纸。",
  register: "图纸目录",
  revision: "{{revision}} 版",
  issued: "出图 {{date}}",
  superseded: "已作废",
  newer: "该图纸已有新版次",
  newerTail: "，本检验批依据的是 {{revision}} 版。须监理工程师确认后才能验收签认。",
  acknowledged: "新版次已由 {{who}} 于 {{at}} 确认",
  acknowledge: "确认版次变更",
  remove: "移除",
  add: "添加图纸（现行版次）",
  choose: "选择图纸",
  addButton: "添加",
};

export default drawings;
