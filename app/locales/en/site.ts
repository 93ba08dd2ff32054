import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/site";

const site: Catalogue<typeof source> = {};

export default site;
