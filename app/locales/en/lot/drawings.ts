import type { Catalogue } from "../../catalogue";
import type source from "../../zh-CN/lot/drawings";

const drawings: Catalogue<typeof source> = {
  title: "Reference drawings",
  none: "No reference drawings chosen for this lot yet. ",
  register: "Drawing register",
  revision: "rev. {{revision}}",
  issued: "issued {{date}}",
  superseded: "superseded",
  newer: "This drawing has a newer revision:",
  newerTail:
    "; this lot was inspected against rev. {{revision}}. A supervision engineer must acknowledge it before acceptance.",
  acknowledged: "New revision acknowledged by {{who}} on {{at}}",
  acknowledge: "Acknowledge revision change",
  remove: "Remove",
  add: "Add a drawing (current revision)",
  choose: "Choose a drawing",
  addButton: "Add",
};

export default drawings;
