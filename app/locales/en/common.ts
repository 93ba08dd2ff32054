import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/common";

const common: Catalogue<typeof source> = {
  app: {
    title: "Yanshou · Quality acceptance for old-compound renovation",
    brand: "Yanshou",
  },
  nav: {
    label: "Main navigation",
    dashboard: "Statistics",
    projects: "Projects",
    lots: "Inspection lots",
    workTypes: "Checklists",
    defects: "Defects",
    notices: "Notices",
    residents: "Residents",
    organizations: "Organisations",
    users: "Users",
    audit: "Activity log",
    funds: "Funds",
    inboxUnread_one: "Inbox, {{count}} unread",
    inboxUnread_other: "Inbox, {{count}} unread",
    inbox: "Inbox",
    account: "Account",
    signOut: "Sign out",
  },
  language: {
    label: "Language",
    "zh-CN": "中文",
    en: "English",
  },
  actions: {
    save: "Save",
    cancel: "Cancel",
    back: "Back",
    home: "Back to home",
    search: "Search",
    submit: "Submit",
    delete: "Delete",
    edit: "Edit",
    previous: "Previous",
    next: "Next",
  },
  error: {
    unexpectedTitle: "Something went wrong",
    unexpected:
      "The system hit an unexpected error. Please try again later; if it persists, contact the administrator.",
    refusedTitle: "Refused",
    forbiddenTitle: "Not allowed",
    forbidden:
      "Your account may not “{{action}}”. To get access, ask the housing bureau or the administrator.",
    forbiddenShort: "Your account may not “{{action}}”",
    thisAction: "do this",
    notFoundTitle: "Not found",
    notFound: "{{what}} does not exist or you may not see it",
    page: "This page",
    status: {
      "400": {
        title: "Bad request",
        detail:
          "What was sent is incomplete or malformed; nothing was saved. Go back, correct it and try again.",
      },
      "401": { title: "Sign-in needed", detail: "Please sign in first." },
      "405": { title: "Not supported", detail: "This page does not accept this kind of request." },
      "409": {
        title: "Changed meanwhile",
        detail: "Someone else changed the record. Reload the page and try again.",
      },
      "411": {
        title: "Bad request",
        detail: "The request has no content length; nothing was done.",
      },
      "413": { title: "Too large", detail: "What was sent is over the limit; nothing was saved." },
      "415": {
        title: "Unsupported format",
        detail: "Only page forms are accepted; nothing was saved.",
      },
      "429": { title: "Too many attempts", detail: "Please try again later." },
      "500": {
        title: "Something went wrong",
        detail:
          "The system hit an unexpected error. Please try again later; if it persists, contact the administrator.",
      },
      "503": { title: "Busy", detail: "The server cannot take this now. Please try again later." },
      "507": {
        title: "Storage full",
        detail: "The server is out of storage; nothing was saved. Contact the administrator.",
      },
    },
    badQuery: "Invalid search: {{reason}}",
    brokenForm: "The form arrived incomplete or damaged; nothing was done. Please submit it again.",
  },
  validation: {
    required: "Required",
    invalid: "Invalid format",
    tooLongText: "At most {{max, number}} characters",
    tooManyItems: "At most {{max, number}} items",
    tooBig: "At most {{max, number}}",
    tooShortText: "At least {{min, number}} characters",
    tooFewItems: "At least {{min, number}} items",
    tooSmall: "At least {{min, number}}",
    invalidOption: "Invalid choice",
    multipleOf: "Must be a multiple of {{divisor, number}}",
    unknownKeys: "Contains unexpected fields",
    fallback: "Invalid input",
    decimal: "Must be a decimal number",
    integer: "Must be a whole number in decimal digits",
    calendarDay: "Invalid date",
  },
};

export default common;
