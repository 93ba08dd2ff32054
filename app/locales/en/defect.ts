import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/defect";

const defect: Catalogue<typeof source> = {};

export default defect;
