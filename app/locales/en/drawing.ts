import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/drawing";

const drawing: Catalogue<typeof source> = {
  revision: {
    label: "Rev. {{revision}}",
    labelTight: "Rev. {{revision}}",
    status: { current: "current", superseded: "superseded" },
    chip: "Rev. {{revision}} {{status}}",
    navChip_current: "Rev. {{revision}} (current)",
    navChip_superseded: "Rev. {{revision}} (superseded)",
  },
  register: {
    // The compound's and sheet's names are Chinese data: an English tab title leaves them out.
    metaTitle: "Drawing register · Yanshou",
    title: "Drawings",
    subtitle_one: "design drawing register · {{count, number}} sheet",
    subtitle_other: "design drawing register · {{count, number}} sheets",
    filterLabel: "Filter drawings",
    workType: "Work type",
    discipline: "Discipline",
    allWorkTypes: "All work types",
    allDisciplines: "All disciplines",
    filter: "Filter",
    showing_one: "Showing {{count, number}} sheet",
    showing_other: "Showing {{count, number}} sheets",
    empty: "No drawings uploaded yet.",
    noMatch: "No drawings match the filter.",
    columns: {
      number: "Sheet no.",
      title: "Title",
      discipline: "Discipline",
      revisions: "Revisions",
    },
    issued: "Issued {{date}}",
    pins_one: "{{count, number}} defect pin",
    pins_other: "{{count, number}} defect pins",
  },
  upload: {
    title: "Upload drawings",
    help: "A PDF set (one sheet per page, at most {{maxPages, number}} pages, no page larger than twice A0, not encrypted) or a single <formats>JPEG/PNG/WebP</formats> image, at most {{mb, number}} MB. A page whose sheet number already exists becomes a new revision of that sheet, which you confirm before the upload; a file identical to the current revision is not stored again.",
    file: "File",
    discipline: "Discipline",
    numberPrefix: "Sheet number prefix",
    startNumber: "Starting number",
    defaultTitle: "Title (default)",
    defaultTitlePlaceholder: "e.g. Lighting plan",
    revision: "Revision (blank = next)",
    revisionPlaceholder: "A, B…",
    issuedOn: "Issue date",
    workType: "Work type (optional)",
    anyWorkType: "Any",
    pageLines:
      "Sheet number and title per page (optional, one line per page: number, space, title; blank lines are numbered from the prefix and starting number)",
    pageLinesPlaceholder: "E-01 Lighting plan\nE-02 Power plan",
    confirmIntro: "{{message}}:",
    willSupersede: "becomes Rev. {{revision}}, replacing Rev. {{supersedes}}",
    newSheet: "new sheet, Rev. {{revision}}",
    confirm: "Confirm upload",
    rendering: "Rendering…",
    cancel: "Cancel",
    submit: "Upload",
    checking: "Checking…",
    done_one: "Uploaded {{count, number}} sheet: {{list}}",
    done_other: "Uploaded {{count, number}} sheets: {{list}}",
    doneItem: "{{number}} Rev. {{revision}}",
    listSeparator: ", ",
    askConfirm:
      "The following sheets will become new revisions of existing drawings; please confirm before uploading",
    confirmChanged:
      "The drawing revisions changed after you confirmed; please check and confirm again",
  },
  disciplines: {
    architecture: "Architecture",
    structure: "Structure",
    plumbing: "Plumbing & drainage",
    electrical: "Electrical",
    hvac: "HVAC",
    sitePlan: "Site plan",
    roads: "Roads",
    landscape: "Landscape",
  },
  sheet: {
    metaTitle: "Drawing sheet, Rev. {{revision}} · Yanshou",
    issuedOn: "Issued {{date}}",
    superseded: "This revision is superseded.",
    currentIs: "The current revision is ",
    currentIsEnd: ".",
    pinsStay: "Defects pinned on this revision stay on it.",
    revisionsLabel: "Revisions",
    pinsLegend: "Defect pins",
    pinFilter: "{{state}} {{count, number}}",
    pinLabel: "{{number}} {{title}} ({{state}})",
    defectStates: {
      open: "Open",
      in_progress: "Being rectified",
      submitted: "Awaiting re-inspection",
      closed: "Closed",
    },
    placeHint: "Tap the sheet where the pin goes (zoom in first if needed).",
    placed: "Position selected.",
    placedOnSuperseded: "Note: this revision is superseded; the defect will be pinned on it.",
    newDefect: "Record a new defect",
    pinExisting: "or pin an existing defect",
    pickDefect: "Choose an unpinned defect of this compound",
    pin: "Pin",
    startPinning: "Pin a defect on the sheet",
    stopPinning: "Stop pinning",
  },
  render: {
    pending: "Preview being generated",
    pendingHint:
      "The drawing is uploaded and its preview is being generated; this page refreshes itself when it is ready.",
    stalledHint:
      "The preview has waited over 2 minutes: background jobs may not be running. Ask the system administrator to check that at least one instance runs with JOBS=1.",
    failed: "Rendering failed",
    failedHint: "The preview of this revision could not be generated: {{reason}}",
  },
  viewer: {
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    fit: "Fit",
    preview: "Drawing preview",
    image: "Drawing",
  },
  errors: {
    empty: "“{{name}}” is an empty file",
    notDrawing:
      "“{{name}}” is not a drawing: only PDF drawings or JPEG, PNG and WebP images are accepted (judged by the file's content, not its extension)",
    corrupt:
      "“{{name}}” is damaged or incomplete and cannot be opened; please export the PDF again and upload it",
    encrypted:
      "“{{name}}” is encrypted (it has an open password) and cannot be read; please export an unencrypted PDF and upload that",
    tooManyPages:
      "“{{name}}” has {{pages, number}} pages, more than the {{max, number}} allowed per upload; please split it and upload in batches",
    pdfNameNotPdf:
      "“{{name}}” ends in .pdf but is not a PDF (perhaps another file renamed); please upload the real PDF drawing",
    imageTooSmall:
      "“{{name}}” is too small ({{width}}×{{height}} pixels) to be a drawing (the short side needs at least {{min, number}} pixels)",
    notPure:
      "“{{name}}” is not a plain image file (other content, such as web page code, is hidden in or after the image data) and was refused; please upload the original drawing image or PDF",
    noPages: "“{{name}}” has no pages",
    tooManyPixels: "“{{name}}” has too many pixels; please reduce it and upload again",
    pageTooLarge:
      "Page {{page, number}} of “{{name}}” is too large ({{size}}), more than twice A0; please split or reduce it and upload again",
    pageTooSmall: "Page {{page, number}} of “{{name}}” is too small ({{size}}) to be a drawing",
    pageUnrenderable:
      "Page {{page, number}} of “{{name}}” cannot be rendered; the file may be damaged",
    renderFailed:
      "Generating the preview failed (retried several times); please upload the drawing again or contact the administrator",
    sourceMissing:
      "The original file of drawing {{name}} is not in storage, so no preview can be generated; please contact the administrator",
    notRendered:
      "Drawing {{number}} revision {{revision}} has no preview yet (or rendering failed) and cannot be referenced yet",
    tooLarge: "The file exceeds the {{mb, number}} MB limit; please split it and upload the parts",
    notMultipart: "Please upload files with a form (multipart/form-data)",
    incomplete:
      "The upload is incomplete (connection lost or form not finished); nothing was saved, please upload again",
    oneFile: "Upload one drawing file at a time",
    noFile: "Please choose a drawing file (PDF or image)",
    storageFull:
      "The server's storage is full or the upload folder is not writable; nothing was saved. Please contact the system administrator",
    unknownWorkType: "That work type does not exist",
    tooManyLines:
      "{{lines, number}} sheet lines were given, but the file has only {{pages, number}} pages",
    badRevision: "Enter the revision in capital letters, e.g. A, B",
    badNumber: "The sheet number “{{number}}” of page {{page, number}} is not valid",
    duplicateNumber: "Sheet number {{number}} appears twice in this upload",
    revisionNotLater:
      "The current revision of sheet {{number}} is {{current}}; a new upload must be later (e.g. {{next}})",
    identical:
      "Sheet {{number}} is identical to its current revision, Rev. {{revision}} (same SHA-256); nothing was uploaded. If the drawing changed, upload the changed file",
    identicalMany:
      "Sheets {{numbers}} are identical to their current revisions (same SHA-256); nothing was uploaded. If the drawings changed, upload the changed files",
    changedMeanwhile:
      "Sheet {{number}} was just updated by someone else; please reload and try again",
    conflict:
      "The sheet number or revision conflicts with a drawing just uploaded; please reload and try again",
    pinOutside: "The pin is outside the sheet",
    otherCompound: "The drawing and the defect belong to different compounds",
    alreadyPinned: "This defect is already pinned on a drawing",
    chooseDefect: "Please choose a defect",
    chooseDrawing: "Please choose a drawing",
    notInLotCompound: "This drawing does not belong to the inspection lot's compound",
    onlyCurrent: "Only current revisions can be referenced",
    notReferenced: "This inspection lot does not reference that drawing",
    onlySupervisor: "Only the supervision engineer can acknowledge a revision change",
    lotAccepted: "The inspection lot has been accepted and can no longer be changed",
    stillCurrent: "This drawing is still the current revision; nothing to acknowledge",
    issuedOn: "Please enter a valid issue date",
    startNumber: "The starting number must be a whole number from 0 to 999",
    compoundNotFound: "The compound does not exist or you may not see it",
    drawingNotFound: "The drawing does not exist or you may not see it",
    defectNotFound: "The defect does not exist or you may not see it",
    lotNotFound: "The inspection lot does not exist or you may not see it",
  },
};

export default drawing;
