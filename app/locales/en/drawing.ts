import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/drawing";

const drawing: Catalogue<typeof source> = {};

export default drawing;
