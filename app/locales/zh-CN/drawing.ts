// The "drawing" namespace (source language). Keys are English, grouped by screen or concern.
const drawing = {};

export default drawing;
