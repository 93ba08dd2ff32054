// The "plan" namespace (source language). Keys are English, grouped by screen or concern.
const plan = {};

export default plan;
