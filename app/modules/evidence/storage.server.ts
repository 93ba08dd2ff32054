import { documentStorage } from "~/modules/files/document-store.server";

/** The evidence documents' store: the one document store (files/document-store.server.ts). */
export const evidenceStorage = () => documentStorage("evidence");
