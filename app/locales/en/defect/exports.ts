import type { Catalogue } from "../../catalogue";
import type source from "../../zh-CN/defect/exports";

const exports: Catalogue<typeof source> = {
  meta: "Exports · Yanshou",
  title: "Exports",
  subtitle:
    "Large registers are built in the background; download them here. Files are kept 7 days",
  empty: "No exports yet.",
  kind: {
    "defects.xlsx": "Defect register (Excel)",
    "defects.pdf": "Defect register (PDF)",
    "lots.xlsx": "Lot list (Excel)",
  },
  status: { queued: "Generating", running: "Generating", ready: "Ready", failed: "Failed" },
  columns: {
    file: "File",
    rows: "Records",
    requestedAt: "Requested",
    status: "Status",
    size: "Size",
    action: "Action",
  },
  rows_one: "{{count, number}} record",
  rows_other: "{{count, number}} records",
  download: "Download",
  open: "View",
  all: "All exports",
  pendingHint: "The file is being generated in the background. This page refreshes itself.",
  noWorker: "Background jobs are not running; please contact the administrator",
  failedHint: "Generation failed: {{reason}}",
  expiresAt: "Download available until {{time}}",
  finishedAt: "Finished {{time}}",
  errors: {
    notFound: "The export does not exist or you may not see it",
    noAccess: "You may no longer export these records",
    buildFailed: "The file could not be generated; please try again later",
    fileMissing: "The file has expired or is missing; please export again",
    unknownKind: "This kind of export is not supported",
    storageFull: "The server's storage is full; please contact the administrator",
  },
};

export default exports;
