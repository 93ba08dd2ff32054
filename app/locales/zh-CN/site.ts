// The "site" namespace (source language). Keys are English, grouped by screen or concern.
const site = {};

export default site;
