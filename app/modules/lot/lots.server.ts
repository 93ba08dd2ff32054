// The inspection lot's server module, by concern: reading (lot-query), recording (record),
// state changes (transition) and what a signature binds (signoff). One import path for callers.
export * from "./lot-query.server";
export * from "./record.server";
export * from "./save-entry.server";
export * from "./signoff.server";
export * from "./transition.server";
