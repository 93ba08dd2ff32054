import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/auth";

const auth: Catalogue<typeof source> = {};

export default auth;
