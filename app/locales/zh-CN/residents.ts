// The "residents" namespace (source language). Keys are English, grouped by screen or concern.
const residents = {};

export default residents;
