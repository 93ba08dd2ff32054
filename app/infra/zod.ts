// zod for the whole app: import `z` from here, never from "zod" (checked in
// tests/architecture). In the browser zod runs jitless: its JIT probes `new Function`, which the
// CSP forbids and the browser reports as a violation even though zod catches it. A route module
// can be evaluated before the entry module, so the setting must come with the import itself.
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });

export { z };
