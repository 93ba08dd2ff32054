// The "photo" namespace (source language). Keys are English, grouped by screen or concern.
const photo = {};

export default photo;
