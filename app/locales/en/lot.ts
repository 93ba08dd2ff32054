import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/lot";

const lot: Catalogue<typeof source> = {};

export default lot;
