// The "checklist" namespace (source language). Keys are English, grouped by screen or concern.
const checklist = {};

export default checklist;
