import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/fund";

const fund: Catalogue<typeof source> = {};

export default fund;
