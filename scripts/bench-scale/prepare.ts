/** Generates the county-scale database if it is not there yet (bench:audit runs this first, so
 * the verifier itself runs under the heap limit audit:verify uses). */
import { generateScaleDb } from "./generate";

await generateScaleDb((s) => console.log(`[generate] ${s}`));
