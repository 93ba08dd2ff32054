// lot:commands.* — a tablet's outbox commands (POST /lots/:id/commands) and item conflicts.
const commands = {
  field: { result: "检查结果", note: "备注", designValue: "设计值", points: "实测点" },
  itemChanged:
    "{{item}} 的$t(lot:commands.field.{{what}})已被 {{name}} 改过，你的这次修改未保存：请核对现值后重新录入",
  itemChangedSeveral:
    "{{item}} 的$t(lot:commands.field.{{what}})等 {{count}} 处已被 {{name}} 改过，你的这次修改未保存：请核对现值后重新录入",
  itemChangedUnknown:
    "{{item}} 的$t(lot:commands.field.{{what}})已在别处被改过，你的这次修改未保存：请核对现值后重新录入",
  stateChanged:
    "检验批已是“$t(lot:states.{{state}})”（离线期间已有人处理），这次$t(lot:commands.action.{{action}})未执行",
  action: { reject: "退回", reopen: "撤销验收", submit: "提交施工自检", accept: "验收签认" },
  versionInvalid: "检查项目的版本号无效",
  pointsNotTaken: "该检查项目不记录实测点，未保存",
  itemNotFound: "该检查项目不存在或不属于本检验批",
  tooLarge: "离线记录过大（超过 {{kb}} KB），未保存",
  lengthRequired: "离线记录须注明长度，未保存",
  contentType: "离线记录须以表单格式发送，未保存",
  truncated: "离线记录不完整（传输中断），未保存",
};

export default commands;
