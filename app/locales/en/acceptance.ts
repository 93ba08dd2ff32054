import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/acceptance";

const acceptance: Catalogue<typeof source> = {};

export default acceptance;
