/** Runs the due-soon/overdue notification job to completion on DATABASE_PATH (bench:scale). */
import { createDb } from "~/infra/db.server";
import { syncDueNotifications } from "~/modules/defect/inbox.server";

const db = createDb(process.env.DATABASE_PATH ?? "data/yanshou.db");
const started = Date.now();
let total = 0;
for (let added = 1; added > 0; total += added)
  added = await syncDueNotifications(db, new Date(), 5000);
console.log(`due notifications added: ${total} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
await db.$disconnect();
