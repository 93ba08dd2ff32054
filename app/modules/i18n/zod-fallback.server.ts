import { z } from "~/infra/zod";
import { DEFAULT_LNG } from "./config";
import { fixedT } from "./i18n.server";
import { zodErrorMap } from "./zod-messages";

// A safety net, set once by the server entry: a parse that passes no error map of its own (a
// query read with safeParse, a data file) still reads in the language of record, from the
// catalogue, never zod's "Too big: expected string…". Forms and actions pass the reader's
// language per parse (parseSubmission, useSchemaForm), which wins over this.
z.config({ customError: zodErrorMap(fixedT(DEFAULT_LNG)) });
