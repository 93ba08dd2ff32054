import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/audit";

const audit: Catalogue<typeof source> = {};

export default audit;
