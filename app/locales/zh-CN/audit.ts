// The "audit" namespace (source language). Keys are English, grouped by screen or concern.
const audit = {};

export default audit;
