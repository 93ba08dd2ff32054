import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { findJumpTarget, type JumpItem, nextUnfilled } from "~/modules/lot/jump";

type Item = JumpItem & { id: string };

/** Where the next value of an item goes: its design value or measured-value box, else 合格. */
function focusItem(code: string) {
  const card = document.getElementById(`item-${code}`);
  if (!card) return;
  card.scrollIntoView({ block: "center" });
  const target =
    // By field name, not label: the labels are in the reader's language.
    card.querySelector<HTMLInputElement>(
      "input:is([name='designValue'], [name='pointDesign']):not([disabled])",
    ) ??
    card.querySelector<HTMLInputElement>(".point-add input:not([disabled])") ??
    card.querySelector<HTMLButtonElement>(".segmented button:not([disabled])");
  target?.focus({ preventScroll: true });
}

/**
 * 跳到第 N 项 / 下一未填: a compact bar that stays at the bottom of the screen while the items
 * scroll. On a lot with nothing filled yet it takes the focus, so typing an item number and
 * Enter goes straight to that item's input.
 */
export function LotJump({
  items,
  incomplete,
  startHere,
}: {
  items: Item[];
  incomplete: ReadonlySet<string>;
  startHere: boolean;
}) {
  const { t } = useTranslation("lot");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const last = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on first render of the lot
  useEffect(() => {
    if (startHere) input.current?.focus({ preventScroll: true });
  }, []);

  function go(item: Item | null, notFound: string) {
    if (!item) {
      setError(notFound);
      return;
    }
    setError(null);
    setText("");
    last.current = item.id;
    focusItem(item.code);
  }

  return (
    <form
      className="lot-jump"
      aria-label={t("jump.label")}
      onSubmit={(e) => {
        e.preventDefault();
        go(findJumpTarget(items, text), t("jump.notFound", { text }));
      }}
    >
      <input
        ref={input}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        inputMode="text"
        enterKeyHint="go"
        autoComplete="off"
        placeholder={t("jump.placeholder")}
        aria-label={t("jump.input")}
        aria-invalid={error ? true : undefined}
      />
      <button type="submit" className="button">
        {t("jump.go")}
      </button>
      <button
        type="button"
        className="button"
        disabled={incomplete.size === 0}
        onClick={() => go(nextUnfilled(items, incomplete, last.current), t("jump.allDone"))}
      >
        {t("jump.next")}
      </button>
      {error ? (
        <em className="field-error" role="alert">
          {error}
        </em>
      ) : null}
    </form>
  );
}
