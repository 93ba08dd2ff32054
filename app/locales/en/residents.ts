import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/residents";

const residents: Catalogue<typeof source> = {};

export default residents;
