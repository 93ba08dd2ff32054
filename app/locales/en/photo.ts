import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/photo";

const photo: Catalogue<typeof source> = {};

export default photo;
