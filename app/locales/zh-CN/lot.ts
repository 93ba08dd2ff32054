// The "lot" namespace (source language). Keys are English, grouped by screen or concern.
const lot = {};

export default lot;
