import type { Catalogue } from "../../catalogue";
import type source from "../../zh-CN/lot/commands";

const commands: Catalogue<typeof source> = {
  field: { result: "result", note: "note", designValue: "design value", points: "measured points" },
  itemChanged:
    "{{name}} has changed the {{item}} $t(lot:commands.field.{{what}}) since you opened it; your change was not saved: check the current value and record it again",
  itemChangedSeveral:
    "{{name}} has changed the {{item}} $t(lot:commands.field.{{what}}) and {{count}} parts in all since you opened it; your change was not saved: check the current values and record it again",
  itemChangedUnknown:
    "The {{item}} $t(lot:commands.field.{{what}}) was changed elsewhere since you opened it; your change was not saved: check the current value and record it again",
  stateChanged:
    "The inspection lot is now “$t(lot:states.{{state}})” (someone acted on it while you were offline); your $t(lot:commands.action.{{action}}) was not applied",
  action: {
    reject: "return",
    reopen: "reopening",
    submit: "self-check submission",
    accept: "acceptance",
  },
  versionInvalid: "The item's version number is not valid",
  pointsNotTaken: "This checklist item takes no measured points; nothing was saved",
  itemNotFound: "This checklist item does not exist or is not part of this inspection lot",
  tooLarge: "The offline record is too large (over {{kb}} KB); nothing was saved",
  lengthRequired: "The offline record must state its length; nothing was saved",
  contentType: "The offline record must be sent as a form; nothing was saved",
  truncated: "The offline record arrived incomplete (the transfer was cut off); nothing was saved",
};

export default commands;
