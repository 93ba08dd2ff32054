/** A short name for a checklist item: its text up to the first clause break. */
export function itemLabelZh(textZh: string): string {
  const cut = textZh.split(/[：，。；（(:]/)[0] ?? textZh;
  return cut.length > 22 ? `${cut.slice(0, 21)}…` : cut;
}

export const LOT_STATUS_CLASS: Record<string, string> = {
  draft: "status-draft",
  submitted: "status-submitted",
  rejected: "status-rejected",
  accepted: "status-accepted",
};
