import type { TFunction } from "i18next";
import { isAuditAction, isAuditEntity } from "./actions";

// Label lookups by a code read from the chain: the codes are typed (actions.ts), the keys follow.
type AnyKey = (key: string, options?: Record<string, unknown>) => string;

/** An action's label in the language of `t`; an unknown code (an old row) shows as stored. */
export function auditActionLabel(t: TFunction, action: string): string {
  return isAuditAction(action)
    ? (t as unknown as AnyKey)(`actions.${action}`, { ns: "audit" })
    : action;
}

/** A record type's label in the language of `t`; an unknown type shows as stored. */
export function auditEntityLabel(t: TFunction, entityType: string): string {
  return isAuditEntity(entityType) ? t(`entities.${entityType}`, { ns: "audit" }) : entityType;
}
