import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/plan";

const plan: Catalogue<typeof source> = {};

export default plan;
