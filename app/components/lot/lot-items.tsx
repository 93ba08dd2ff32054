import { type ItemPhotos, LotItemCard, useEntryAutosave } from "~/components/lot-item-card";
import type { EntryInput } from "~/modules/lot/entry-types";
import type { LotItemView } from "~/modules/lot/item-view";
import type { computeLotVerdict, LotRules } from "~/modules/lot/verdict";
import type { OfflineDefectTarget } from "./offline-defect";

/** The entry an item starts from on the page (moved to modules/lot/entries.ts, shared with the server). */
export { emptyEntry } from "~/modules/lot/entries";

/** One item card whose changes are saved as they are made (online, or to the outbox). */
export function AutosavedItem({
  lotId,
  lotLabel,
  baseVersion,
  itemVersion,
  item,
  entry,
  verdict,
  rules,
  editable,
  onLocalChange,
  photos,
  defect,
}: {
  lotId: string;
  lotLabel: string;
  baseVersion: string;
  /** The item's version when the page was loaded (decision 0028). */
  itemVersion: number;
  item: LotItemView;
  entry: EntryInput;
  verdict: ReturnType<typeof computeLotVerdict>["items"][number] | undefined;
  rules: LotRules;
  editable: boolean;
  onLocalChange: (next: EntryInput) => void;
  photos: ItemPhotos;
  defect?: OfflineDefectTarget;
}) {
  const { save, state } = useEntryAutosave({
    lotId,
    lotLabel,
    itemId: item.id,
    itemCode: item.code,
    baseVersion,
    itemVersion,
  });
  return (
    <LotItemCard
      item={item}
      entry={entry}
      verdict={verdict}
      rules={rules}
      editable={editable}
      saveState={state}
      photos={photos}
      defect={defect}
      version={itemVersion}
      onChange={(next, mode) => {
        onLocalChange(next);
        save(next, mode);
      }}
    />
  );
}
