import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/checklist";

const checklist: Catalogue<typeof source> = {};

export default checklist;
