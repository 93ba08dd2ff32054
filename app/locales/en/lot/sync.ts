import type { Catalogue } from "../../catalogue";
import type source from "../../zh-CN/lot/sync";

const sync: Catalogue<typeof source> = {
  offline: "Offline",
  pending_one: "{{count, number}} to upload",
  pending_other: "{{count, number}} to upload",
  conflicts_one: "{{count, number}} conflict",
  conflicts_other: "{{count, number}} conflicts",
  synced: "Synced",
  state: "Sync state: {{label}}",
  conflictsLabel: "Conflicts",
  conflictsTitle: "Conflicts (not accepted by the server)",
  reason: "Reason: ",
  refused: "Refused by the server",
  copied: "Copied",
  copy: "Copy",
  discard: "Discard",
  discardConfirm: "Discard this unsaved record? It cannot be recovered.",
  pendingLabel: "To upload",
  nothingPending: "Nothing waiting to upload.",
  offlineHint: "Offline: records upload in order when the network is back.",
  signOutConfirm_one:
    "{{count}} record has not been uploaded (waiting or in conflict). It stays on this device and uploads when you sign in with the same account. Sign out?",
  signOutConfirm_other:
    "{{count}} records have not been uploaded (waiting or in conflict). They stay on this device and upload when you sign in with the same account. Sign out?",
  photos_one: "incl. {{count, number}} photo, {{size}}",
  photos_other: "incl. {{count, number}} photos, {{size}}",
  photo: "Photo {{name}} ({{size}})",
  photoOf: "{{item}} photo {{name}} ({{size}})",
  defect: "Defect: {{title}}",
  wifiOnly: "Upload photos on Wi-Fi only",
  wifiOnlyHint:
    "When on, photos stay on this device over mobile data and upload on Wi-Fi; records still upload.",
  wifiWaiting: "Not on Wi-Fi: {{count}} photos wait for Wi-Fi; records still upload.",
  wifiUnknown: "This device does not report its network type: photos upload as usual.",
  photoStates: { pending: "Waiting", sending: "Uploading", refused: "Conflict" },
  queuedPhotos: "Photos waiting to upload",
  queued: "Kept on this device; uploads when the network is back",
  transition: "{{action}}: {{reason}}",
  command: {
    defect: "Defect {{defect}}",
    defectPhoto: "Defect {{defect}} · {{item}}",
    lotOnly: "Lot {{lot}}",
    lot: "Lot {{lot}} · {{item}}",
    result: "Result: {{result}}",
    points: "Measured: {{points}}",
    design: "Design value: {{value}}",
    note: "Note: {{note}}",
    pointSep: ", ",
    sep: "; ",
  },
  results: { pass: "Pass", fail: "Fail", na: "N/A" },
};

export default sync;
