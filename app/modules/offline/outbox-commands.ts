/** The outbox's commands and how each is posted (shared by the outbox and its tests). */
import type { EntryInput } from "~/modules/lot/entry-types";

type CommandBase = {
  seq?: number;
  /** Client id of the command (shown in lists, used for React keys). */
  id: string;
  /** Idempotency key the server stores with the applied command. */
  key: string;
  userId: string;
  /**
   * The lot the command records on; a defect's own commands (DefectTransitionCommand) put
   * `defect:<id>` here, so each subject's commands are listed and kept in order by one index.
   */
  lotId: string;
  lotLabel: string;
  /** The lot's state when the value was recorded. */
  baseVersion: string;
  createdAt: number;
  status: "pending" | "refused";
  reasonZh?: string;
  attempts: number;
};

/** One checklist item's whole record (result, note, design value, points). */
export type EntryCommand = CommandBase & {
  kind: "entry";
  itemId: string;
  itemCode: string;
  /**
   * The item's version this record was based on (decision 0028): the page's, or the one an
   * earlier command of this item produced. Absent in commands queued before versions existed.
   */
  itemVersion?: number;
  entry: EntryInput;
};

/** One photo of the lot (or of one of its items), kept as a Blob until uploaded. */
export type PhotoCommand = CommandBase & {
  kind: "photo";
  itemId: string | null;
  /** The item's code when the photo is an item's (its label in lists). */
  itemCode: string | null;
  /** A defect's photo (lotId `defect:<id>`): its side, 整改前 or 整改后. */
  role?: "before" | "after";
  /** A defect's photo: its bytes' SHA-256 (hex), so a replay is known before the upload. */
  sha256?: string;
  file: Blob;
  fileName: string;
  fileType: string;
  fileSize: number;
};

/** A new defect raised from a lot's failing item: the form's fields as the page posts them. */
export type DefectCommand = CommandBase & {
  kind: "defect";
  itemId: string;
  itemCode: string;
  fields: Record<string, string>;
};

/** A supervisor's 退回 / 撤销验收 of the lot, with its reason (signing needs the network). */
export type TransitionCommand = CommandBase & {
  kind: "transition";
  action: "reject" | "reopen";
  reason: string;
  itemId?: undefined;
};

/**
 * A defect's transition (确认整改, 整改回复, 复查关闭, 退回) made on its page without signal. `lotId` is
 * `defect:<id>`, `lotLabel` the defect's number and title; `actionLabel` the button's words.
 */
export type DefectTransitionCommand = CommandBase & {
  kind: "defectTransition";
  defectId: string;
  action: "acknowledge" | "reply" | "close" | "return";
  actionLabel: string;
  comment: string;
  itemId?: undefined;
};

export type OutboxCommand =
  | EntryCommand
  | PhotoCommand
  | DefectCommand
  | TransitionCommand
  | DefectTransitionCommand;

/** The outbox list a defect's own commands are kept under. */
export const defectSubject = (defectId: string) => `defect:${defectId}`;
/** The defect whose list `lotId` is, or null for a lot's. */
export const subjectDefect = (lotId: string) =>
  lotId.startsWith("defect:") ? lotId.slice("defect:".length) : null;

export type NewEntryCommand = Pick<
  EntryCommand,
  "lotId" | "lotLabel" | "itemId" | "itemCode" | "baseVersion" | "entry"
> & { itemVersion: number };
export type NewPhotoCommand = Pick<
  PhotoCommand,
  "lotId" | "lotLabel" | "itemId" | "itemCode" | "baseVersion" | "role"
> & { file: File };
export type NewDefectCommand = Pick<
  DefectCommand,
  "lotId" | "lotLabel" | "itemId" | "itemCode" | "baseVersion" | "fields"
>;

/** `key`: the page's post's own key when it was sent and its answer lost (else a new one). */
export type NewTransitionCommand = Pick<
  TransitionCommand,
  "lotId" | "lotLabel" | "baseVersion" | "action" | "reason"
> & { key?: string };

export type NewDefectTransitionCommand = Pick<
  DefectTransitionCommand,
  "defectId" | "lotLabel" | "baseVersion" | "action" | "actionLabel" | "comment"
> & { key?: string };

export function commandBody(command: OutboxCommand): FormData {
  const body = new FormData();
  body.set("key", command.key);
  body.set("baseVersion", command.baseVersion);
  if (command.kind === "photo") {
    if (command.itemId) body.set("itemId", command.itemId);
    // The file part last: the server reads the fields before the bytes.
    body.append("photo", new File([command.file], command.fileName, { type: command.fileType }));
    return body;
  }
  body.set("kind", command.kind);
  if (command.kind === "defect") {
    for (const [name, value] of Object.entries(command.fields)) body.set(name, value);
    return body;
  }
  if (command.kind === "transition") {
    body.set("intent", command.action);
    body.set("reason", command.reason);
    return body;
  }
  if (command.kind === "defectTransition") {
    body.set("intent", command.action);
    body.set("comment", command.comment);
    return body;
  }
  if (command.itemVersion !== undefined) body.set("itemVersion", String(command.itemVersion));
  body.set("entry", JSON.stringify(command.entry));
  return body;
}

/** Where each kind of command goes: photos as uploads, the rest to the lot's commands by kind. */
export function commandUrl(command: OutboxCommand): string {
  // The action in the address: the server checks its permission before reading the body.
  if (command.kind === "defectTransition")
    return `/defects/${encodeURIComponent(command.defectId)}/commands?intent=${command.action}`;
  const lot = `/lots/${encodeURIComponent(command.lotId)}`;
  const defectId = subjectDefect(command.lotId);
  // A defect's photo: stored once per defect and content (a replay answers 已上传过), no receipt;
  // its hash in the address answers a replay before the defect's state is checked.
  if (command.kind === "photo" && defectId)
    return `/defects/${encodeURIComponent(defectId)}/photos?role=${command.role ?? "after"}${
      command.sha256 ? `&sha256=${command.sha256}` : ""
    }`;
  // The key in the URL too: a replay is known before the upload's bytes (see the photos route).
  if (command.kind === "photo") return `${lot}/photos?key=${encodeURIComponent(command.key)}`;
  return command.kind === "entry" ? `${lot}/commands` : `${lot}/commands?kind=${command.kind}`;
}
