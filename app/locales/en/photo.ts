import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/photo";

const photo: Catalogue<typeof source> = {
  errors: {
    upload: {
      notMultipart: "Please upload files as a form (multipart/form-data)",
      incomplete:
        "The upload was incomplete (connection lost or form not finished); nothing was saved, please upload again",
      tooManyFiles: "Too many files in one upload; please upload them in batches",
      requestTooLarge:
        "The files in one upload exceed {{mb, number}} MB in total; please upload them in batches",
      fileTooLarge:
        "“{{name}}” exceeds the {{mb, number}} MB limit per file; please compress it and upload again",
      storageFull:
        "The server's storage is full or the upload folder is not writable; nothing was saved: please contact the system administrator",
      noFile: "Please choose a photo",
      postOnly: "Only POST is supported",
    },
    empty: "“{{name}}” is an empty file",
    notPhoto:
      "“{{name}}” is not a photo: only JPEG, PNG and WebP are accepted (judged by content, not by extension)",
    heicUnsupported:
      "“{{name}}” is in HEIC format, which this server cannot decode: set the camera to “Most Compatible” (JPEG) and take it again, or convert it to JPEG before uploading",
    corrupt:
      "“{{name}}” is damaged or incomplete (the upload may have been interrupted) and cannot be read; please upload it again",
    notPure:
      "“{{name}}” is not a plain image file (other content, such as web code, is embedded in or after the image data) and was refused: please upload the original photo from the camera or gallery",
    tooManyPixels:
      "“{{name}}” has too many pixels ({{w}}×{{h}}), over the {{mp, number}}-megapixel limit",
    tooSmall:
      "“{{name}}” is too small ({{w}}×{{h}}) to serve as evidence (the short side must be at least 200 pixels)",
    photoTooLarge:
      "“{{name}}” exceeds the {{mb, number}} MB limit per photo; please compress it and upload again",
    photosTooLarge:
      "The photos in one upload exceed {{mb, number}} MB in total; please upload them in batches",
    /** A message another module still words itself (until it throws DomainError). */
    asWritten: "{{message}}",
    itemNotInLot: "This checklist item does not belong to this inspection lot",
    notFound: "The photo does not exist or you may not view it",
    defectNotFound: "The defect does not exist or you may not view it",
    defectGone: "The defect no longer exists (the photo was not saved)",
    notSaved: "{{reason}} (the photo was not saved)",
    lotAccepted:
      "The inspection lot has been accepted and signed; its photos and their markup can no longer change",
    defectClosedMarkup: "The defect is closed; its photos and their markup can no longer change",
    defectPhoto: {
      upload: {
        beforeSupervisorOnly:
          "Only the supervision engineer may upload before-rectification photos",
        afterContractorOnly: "Only the assigned contractor may upload after-rectification photos",
      },
      markup: {
        beforeSupervisorOnly:
          "Only the supervision engineer may mark up before-rectification photos",
        afterContractorOnly: "Only the assigned contractor may mark up after-rectification photos",
      },
      closed: "The defect is closed; no more photos can be added",
      notInProgress:
        "Please acknowledge the defect first; after-rectification photos can only be added while it is being rectified",
    },
    annotation: {
      notNumber: "Coordinates must be numbers",
      outside: "The coordinates are outside the photo",
      badColour: "Invalid colour",
      textEmpty: "The text must not be empty",
      textTooLong: "The text may have at most {{max, number}} characters",
      controlCharacters: "The text contains control characters",
      unknownShape: "Unknown markup shape",
      invalidLayer: "Invalid markup data",
      tooMany: "A photo may carry at most {{max, number}} marks",
      badJson: "The markup data is malformed",
      invalid: "Invalid markup",
    },
  },
  watermark: {
    captured: "Taken: {{time}}",
    uploaded: "Uploaded: {{time}} (no capture time in the photo)",
    project: "Project: {{project}}",
    place: "Compound: {{compound}}  Location: {{place}}",
    work: "Work: {{workType}}",
    workItem: "Work: {{workType}}  Item: {{item}}",
    by: "{{time}}  Taken by: {{user}}",
    user: "{{name}} ({{org}})",
    defectWork: "Defect",
    before: "before",
    after: "after",
    defaultName: "photo",
    fileName: "file",
  },
  timeNote: {
    noExif: "The photo has no capture time (EXIF); the upload time is used",
    afterUpload: "Taken after it was uploaded: the camera clock may be wrong",
    daysBefore_one: "Taken {{count, number}} day before upload",
    daysBefore_other: "Taken {{count, number}} days before upload",
    hoursBefore_one: "Taken {{count, number}} hour before upload",
    hoursBefore_other: "Taken {{count, number}} hours before upload",
  },
  grid: {
    open: "View photo {{n, number}}",
    alt: "Photo {{n, number}}, {{time}}",
  },
  viewer: {
    label: "Photo viewer",
    alt: "Photo {{n, number}}",
    captured: "Taken {{time}}",
    noCaptureTime: "No capture time",
    uploaded: "uploaded {{time}}",
    hasGps: "with location",
    previous: "Previous",
    next: "Next",
    markup: "Mark up",
    editMarkup: "Edit markup",
    original: "Download original",
    close: "Close",
  },
  uploader: {
    pick: "Take / choose photos",
    failedHttp: "Upload failed (HTTP {{status}})",
    sessionExpired: "Your session has expired; please sign in again",
    networkDown: "Network lost; the upload failed",
    duplicate: "Already uploaded: this photo is in the record and was not saved twice",
    progress: "{{name}} upload progress",
    retry: "Retry",
    dismiss: "Dismiss {{name}}",
    notKept:
      "This photo could not be kept in the tablet's upload queue (storage full?); retry or free some space",
    uploaded: "Uploaded",
  },
  markup: {
    tools: { arrow: "Arrow", ellipse: "Circle", rect: "Box", text: "Text" },
    colours: { red: "Red", yellow: "Yellow", white: "White" },
    colour: "{{colour}}",
    loadFailed: "Could not load the existing markup; please close and try again",
    title: "Photo markup",
    toolbar: "Markup tools",
    textPlaceholder: "Type the text, then tap the photo to place it",
    textLabel: "Markup text",
    undo: "Undo",
    clear: "Clear",
    cancel: "Cancel",
    saving: "Saving…",
    save: "Save markup",
    photo: "Photo being marked up",
    saved: "Markup saved",
  },
  defectPhotos: {
    title: "Before and after rectification",
    heldByQueued:
      "More photos can be added once the rectification step waiting on this device has been sent.",
    count_one: "{{count, number}} photo",
    count_other: "{{count, number}} photos",
    before: "Before",
    after: "After",
    noBefore: "No before-rectification photos yet",
    noAfter: "The contractor uploads photos here after rectification",
    pickLabel: "{{side}}: take / choose photos",
    pickButton: "Photograph ({{side}})",
  },
  pinCrop: "Part of the drawing",
};

export default photo;
