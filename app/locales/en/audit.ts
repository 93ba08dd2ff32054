import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/audit";

const audit: Catalogue<typeof source> = {
  actions: {
    lot: {
      create: "Created inspection lot",
      entry: { save: "Recorded inspection entries" },
      place: { save: "Recorded lot quantity and location details" },
      point: { correct: "Corrected a measured point" },
      records: { save: "Updated completeness of records" },
      subitem: { set: "Set the sub-item of work" },
      submit: "Submitted contractor's self-inspection",
      accept: "Supervision engineer signed acceptance",
      reject: "Supervision engineer returned the lot",
      reopen: "Withdrew acceptance",
      drawing: {
        add: "Added a reference drawing",
        remove: "Removed a reference drawing",
        acknowledge: "Supervision engineer acknowledged a revision change",
      },
    },
    checklist: { publish: "Published a new checklist version" },
    defect: {
      create: "Recorded a defect",
      acknowledge: "Acknowledged rectification",
      reply: "Submitted rectification reply",
      close: "Closed after re-inspection",
      return: "Returned for rectification",
    },
    photo: { attach: "Uploaded a photo", annotate: "Annotated a photo" },
    notice: { issue: "Issued a supervision notice", reply: "Replied to a supervision notice" },
    user: {
      create: "Created a user",
      update: "Edited a user's details",
      permissions: "Changed a user's role or organisation",
      activate: "Activated an account",
      deactivate: "Deactivated an account",
      password_reset: "Reset a password",
    },
    plan: {
      generate: "Generated the inspection lot plan",
      lot: {
        add: "Added a planned lot to the inspection lot plan",
        remove: "Removed a planned lot from the inspection lot plan",
      },
      approve: "Chief supervisor approved the inspection lot plan",
      save: "Saved the renovation plan",
      publish: "Published the renovation plan",
    },
    acceptance: {
      open: "Opened final acceptance",
      participant: "Named an acceptance signatory",
      sign: "Signed final acceptance",
      pass: "Final acceptance passed",
      fail: "Final acceptance failed",
      void: "Voided final acceptance",
      supervise: "Quality supervision station recorded its supervision",
    },
    drawing: {
      revision: {
        upload: "Uploaded a drawing revision",
        supersede: "Drawing revision superseded by a newer one",
      },
      pin: { place: "Pinned a defect on a drawing" },
    },
    fund: {
      apply: "Applied for an interim payment",
      certify: "Supervision engineer certified the measurement",
      approve: "Client approved the interim payment",
      pay: "Finance bureau recorded the payment",
      reverse: "Reversed an interim payment",
    },
    warranty: {
      report: "Reported a defect in the warranty period",
      acknowledge: "Acknowledged warranty rectification",
      reply: "Replied on warranty rectification",
      close: "Closed a warranty defect after re-inspection",
      return: "Returned a warranty defect for rectification",
    },
    illegal: {
      register: "Registered an illegal structure",
      registered: "Illegal structure set back to registered",
      notified: "Owner of an illegal structure notified",
      deadline: "Deadline set to demolish an illegal structure",
      demolished: "Illegal structure demolished",
    },
    review: {
      codes: "Issued residents' review codes",
      submit: "Submitted a residents' review",
      publish: "Published a residents' review",
      hide: "Hid a residents' review",
    },
    survey: { add: "Recorded a household survey", import: "Imported household surveys" },
  },
  entities: {
    InspectionLot: "Inspection lot",
    ChecklistTemplate: "Checklist",
    Photo: "Photo",
    Defect: "Defect",
    SupervisionNotice: "Supervision notice",
    User: "User",
    FinalAcceptance: "Final acceptance",
    DrawingRevision: "Drawing revision",
    DrawingPin: "Drawing pin",
    PaymentApplication: "Interim payment",
  },
  page: {
    metaTitle: "Activity log · Yanshou",
    title: "Activity log",
    subtitle:
      "Every change of state is written to a hash chain, each record linked to the one before; any later alteration is found when the chain is verified.",
    export: "Export the audit chain",
    exportFormat: "(JSON Lines)",
    verify: "Verify the audit chain and signed records",
    verifying: "Verifying…",
    expectedActual: "expected {{expected}}, found {{actual}}",
    chainWhole_one: "✓ {{count, number}} record, the chain is intact.",
    chainWhole_other: "✓ {{count, number}} records, the chain is intact.",
    recordBreak: "✗ {{label}}: {{message}}",
    recordsWhole_one:
      "✓ Business records agree with the audit log; {{count, number}} signed record is unaltered.",
    recordsWhole_other:
      "✓ Business records agree with the audit log; {{count, number}} signed records are unaltered.",
    checkedAt: "Verified at {{at}}",
    actor: "Actor",
    entityType: "Record type",
    entityId: "Record number",
    entityIdPlaceholder: "e.g. NH-SR-001",
    from: "From",
    to: "To",
    all: "All",
    search: "Search",
    total_one: "{{count, number}} record",
    total_other: "{{count, number}} records",
    columns: {
      seq: "No.",
      at: "Time",
      actor: "Actor",
      action: "Action",
      entity: "Record",
      hash: "Hash",
    },
    system: "System",
    actorName: "{{name}} ({{org}})",
    pager: "Pages",
    previous: "Previous",
    next: "Next",
    pageOf: "Page {{page, number}} of {{pages, number}}",
  },
  names: {
    drawing: "{{number}} {{title}} Rev. {{revision}}",
    pin: "pin of defect {{number}}",
    lotItem: "{{number}} {{item}}",
    user: "{{name}} ({{username}})",
    checklist: "{{name}} version {{version, number}}",
  },
  verify: {
    chain: {
      gap: "Record {{expected}} is missing (the next is record {{seq}}): records were deleted or inserted",
      link: "The previous-hash of record {{seq}} does not match the hash of record {{previous}}: the chain breaks here",
      content:
        "Record {{seq}} ({{action}} {{entityType}} {{entityId}}) was altered after it was written",
    },
    label: {
      lot: "Inspection lot {{number}}",
      defect: "Defect {{number}}",
      notice: "Supervision notice {{number}}",
      payment: "Interim payment {{number}}",
      drawing: "Drawing {{number}} Rev. {{revision}}",
      photo: "Photo {{hash}}…",
      photoOfLot: "Photo {{hash}}… (inspection lot {{number}})",
      photoOfDefect: "Photo {{hash}}… (defect {{number}})",
    },
    statusChanged:
      "Status is “{{status}}” but the last status in the audit log is “{{expected}}”: the status was changed directly",
    lot: {
      notCreated: "No creation record: the inspection lot was not created through the system",
      entryChanged:
        "The record of check item {{item}} differs from its last saved version: results or measured values were changed directly",
      drawingsChanged: "The reference drawings differ from the audit log: changed directly",
      recordsChanged: "The completeness of documents differs from the audit log: changed directly",
      signatureChanged:
        "A signature differs from the audit log: signer, conclusion or signature image changed directly",
      signatureImage:
        "A signature image no longer matches the hash taken at signing: it was replaced",
      hashMismatch: "Signed content hash mismatch: {{signed}}… when signed, {{now}}… now",
    },
    defect: { notRaised: "No raising record: the defect was not raised through the system" },
    notice: { notIssued: "No issue record: the notice was not issued through the system" },
    photo: {
      missing: "Original image file missing",
      altered: "Original image altered: its SHA-256 is now {{actual}}…",
    },
    drawing: {
      missing: {
        source: "Source file missing",
        full: "Image file missing",
        preview: "Preview file missing",
      },
      altered: {
        source: "Source file altered: its SHA-256 is now {{actual}}…",
        full: "Image altered: its SHA-256 is now {{actual}}…",
        preview: "Preview altered: its SHA-256 is now {{actual}}…",
      },
    },
    payment: {
      notApplied:
        "No application record: the interim payment was not applied for through the system",
      signatureChanged: "The “{{step}}” signature differs from the audit log",
      signatureMissing: "The “{{step}}” signature recorded in the audit log is missing",
      hashMismatch: "Measured content hash mismatch: {{certified}}… when certified, {{now}}… now",
      paymentChanged:
        "The funding source or voucher number differs from what was recorded at payment",
    },
  },
};

export default audit;
