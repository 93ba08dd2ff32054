// The "auth" namespace (source language). Keys are English, grouped by screen or concern.
const auth = {};

export default auth;
