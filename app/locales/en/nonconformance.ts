import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/nonconformance";

const nonconformance: Catalogue<typeof source> = {
  routes: {
    testing: "Testing and appraisal",
    recalculation: "Design recalculation",
  },
  clause: {
    testing: "Accepted after testing and appraisal under GB 50300-2013 §5.0.6, item 2",
    recalculation:
      "Accepted on the original designer's recalculation under GB 50300-2013 §5.0.6, item 3",
  },
  rules: {
    rework:
      "§5.0.6 item 1: an inspection lot that has been reworked or repaired shall be accepted again.",
    testing:
      "§5.0.6 item 2: an inspection lot that a qualified testing body has tested and appraised as meeting the design requirements shall be accepted.",
    recalculation:
      "§5.0.6 item 3: an inspection lot appraised as not meeting the design requirements, but which the original designer's recalculation confirms meets safety and serviceability, may be accepted.",
    repair:
      "§5.0.6 item 4: sub-item and division works that have been repaired or strengthened and meet safety and serviceability may be accepted under the technical treatment plan and the agreed documents.",
    forbidden:
      "§5.0.8 (mandatory): division and unit works that still fail safety or essential serviceability after repair or strengthening shall not be accepted.",
  },
  panel: {
    title: "The verdict fails: handling under GB 50300-2013 §5.0.6",
    intro:
      "This inspection lot's computed verdict is a fail. It can be handled by one of the routes below; the failed verdict always stays on record.",
    reworkTitle: "Rework or repair, then re-inspect",
    reworkHow:
      "Return the lot to the contractor for rework or repair; once it has self-checked and submitted again, it is accepted in the normal way.",
    testingTitle: "Testing and appraisal",
    testingHow:
      "Where a qualified testing body appraises the work as meeting the design requirements, the supervision engineer (监理) accepts it with the test report attached.",
    recalculationTitle: "Design recalculation",
    recalculationHow:
      "Where the appraisal falls short but the original designer's recalculation confirms safety and serviceability, the chief supervision engineer accepts it with the recalculation attached.",
    open: "Record a testing appraisal or design recalculation",
    pending: "{{route}} recorded, awaiting acceptance: the signature will cover this document.",
  },
  form: {
    title: "Record an acceptance route under §5.0.6",
    back: "Back to the inspection lot",
    route: "Route",
    body: "Testing body or original designer",
    bodyHint: "Full name, e.g. the county construction quality testing centre",
    reportNumber: "Report or recalculation number",
    note: "Note",
    noteHint: "What was tested or recalculated, the finding and its basis",
    document: "Test report or recalculation (PDF or photo)",
    documentHint:
      "PDF, JPEG, PNG or WebP, up to {{mb}} MB. The document cannot be changed once recorded.",
    submit: "Record",
    chiefOnly: "(chief supervision engineer only)",
    recorded: "The acceptance route is recorded. Please sign the acceptance.",
  },
  record: {
    heading: "Nonconformance handling",
    route: "Route",
    body: "Testing body / designer",
    reportNumber: "Report no.",
    document: "Document",
    sha256: "SHA-256",
    note: "Note",
    failedVerdict: "Computed verdict",
    recordedBy: "Recorded by",
    reworked: "Reworked or repaired, then re-inspected",
    returned: "{{date}} returned by {{name}}: {{reason}}",
    resubmitted: "{{date}} resubmitted by {{name}}",
    labelled: "{{label}}: {{value}}",
    hashed: "{{name}} (SHA-256 {{sha256}})",
    sep: "; ",
  },
  errors: {
    forbiddenRole: "Only the supervision engineer (监理) can record an acceptance route",
    wrongState: "An acceptance route can be recorded only for a submitted lot awaiting acceptance",
    verdictPasses:
      "This lot's verdict passes: sign its acceptance in the normal way; no §5.0.6 route is needed",
    verdictIncomplete:
      "The inspection record is not complete: §5.0.6 applies once the lot is inspected and fails",
    chiefRequired:
      "Acceptance under §5.0.6 item 3 (design recalculation) is for the chief supervision engineer",
    documentRequired: "Attach the test report or recalculation (PDF or photo)",
    documentFormat: "“{{name}}” is not a PDF, JPEG, PNG or WebP file",
    documentTooLarge: "The file is larger than {{mb}} MB",
    documentUnreadable: "“{{name}}” is damaged and cannot be opened; it was not saved",
    storageFull:
      "The server has no room to store the file; it was not saved. Please contact the administrator",
    oneDocument: "Attach one file only",
    notMultipart: "Please upload the file with the form",
    incomplete: "The upload was incomplete; please try again",
    routeUnknown: "Choose a route",
    bodyRequired: "Name the testing body or the original designer",
    reportNumberRequired: "Enter the report number",
    noteRequired: "Enter a note",
    tooLong: "“{{field}}” is too long",
    notFound: "The inspection lot does not exist or you may not see it",
    changedByOther: "Someone else changed this lot; reload and try again",
    documentMissing: "The document does not exist",
  },
  completion: {
    remark: "Inspection lots accepted under GB 50300-2013 §5.0.6 items 2 and 3: {{list}}",
  },
};

export default nonconformance;
