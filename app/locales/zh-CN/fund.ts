// The "fund" namespace (source language). Keys are English, grouped by screen or concern.
const fund = {};

export default fund;
