// The "acceptance" namespace (source language). Keys are English, grouped by screen or concern.
const acceptance = {};

export default acceptance;
