// The "defect" namespace (source language). Keys are English, grouped by screen or concern.
const defect = {};

export default defect;
