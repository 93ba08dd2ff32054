import { type ComponentType, memo, useEffect, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

// A layout effect in the browser (no warning in the server render, where it never runs).
const useCommitEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** Controls whose click does something only with the page's code (or its client navigation). */
const CONTROL = "button, [role=button], summary, label, input[type=submit], input[type=button]";

/** Where `node` sits under `root`, as child indexes; and back. */
const pathOf = (root: Element, node: Element): number[] => {
  const path: number[] = [];
  for (let n: Element | null = node; n && n !== root; n = n.parentElement)
    path.unshift(n.parentElement ? [...n.parentElement.children].indexOf(n) : 0);
  return path;
};
const atPath = (root: Element, path: number[]): Element | null =>
  path.reduce<Element | null>((n, i) => n?.children[i] ?? null, root);

/**
 * What a held control is, to find the same one again: the rendered part may differ from the
 * server's HTML (client-only state), and a click must never land on another control.
 */
const signatureOf = (el: Element): string =>
  `${el.tagName}|${el.getAttribute("name") ?? ""}|${el.getAttribute("value") ?? ""}|${(el.textContent ?? "").trim()}`;

type Spot = { path: number[]; signature: string };

type Typed = {
  path: number[];
  tag: string;
  name: string;
  value: string;
  checked: boolean;
  files: FileList | null;
};
const FIELDS = "input, textarea, select";

/** What was typed or chosen in the server's HTML (fields whose value is not the page's own). */
function typedIn(root: Element): Typed[] {
  const typed: Typed[] = [];
  for (const el of root.querySelectorAll(FIELDS)) {
    const isFile = el instanceof HTMLInputElement && el.type === "file";
    const changed = isFile
      ? (el.files?.length ?? 0) > 0
      : el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")
        ? el.checked !== el.defaultChecked
        : el instanceof HTMLSelectElement
          ? [...el.options].some((o) => o.selected !== o.defaultSelected)
          : (el as HTMLInputElement | HTMLTextAreaElement).value !==
            (el as HTMLInputElement | HTMLTextAreaElement).defaultValue;
    if (!changed) continue;
    const field = el as HTMLInputElement;
    typed.push({
      path: pathOf(root, el),
      tag: el.tagName,
      name: field.name,
      value: field.value,
      checked: field.checked,
      files: isFile ? field.files : null,
    });
  }
  return typed;
}

/** Puts typed values back into the rendered part's same fields, as typing would (React sees it). */
function retype(root: Element, typed: Typed[]) {
  for (const t of typed) {
    const el = atPath(root, t.path);
    if (!el || el.tagName !== t.tag || (el as HTMLInputElement).name !== t.name) continue;
    // A photo chosen before the code came: handed to the rendered uploader as if chosen now.
    if (el instanceof HTMLInputElement && el.type === "file") {
      if (t.files) el.files = t.files;
      el.dispatchEvent(new Event("change", { bubbles: true }));
      continue;
    }
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      if (el.checked !== t.checked) el.click();
      continue;
    }
    const proto = Object.getPrototypeOf(el) as object;
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, t.value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/**
 * A click the server's HTML answers by itself: a submit button of a form (it posts as without
 * JavaScript), or a file picker (returned, to wait for its answer) (the chosen file is handed to the rendered part, and the picker
 * opens only on the user's own tap: a replayed click has no user activation on iOS).
 */
function worksNatively(target: Element): HTMLInputElement | boolean {
  const label = target.closest("label");
  const picker = label instanceof HTMLLabelElement ? label.control : target;
  if (picker instanceof HTMLInputElement && picker.type === "file") return picker;
  const control = target.closest("button, input[type=submit]");
  if (!(control instanceof HTMLButtonElement || control instanceof HTMLInputElement)) return false;
  return control.type === "submit" && !!control.form && !control.disabled;
}

const spotOf = (root: Element, el: Element): Spot => ({
  path: pathOf(root, el),
  signature: signatureOf(el),
});
/** The element at the spot if it is still the same control, else null. */
const found = (root: Element, spot: Spot): Element | null => {
  const el = atPath(root, spot.path);
  return el && signatureOf(el) === spot.signature ? el : null;
};

function DeferredPart<P extends object>({
  load,
  server,
  props,
}: {
  load: () => Promise<ComponentType<P>>;
  server: ComponentType<P> | undefined;
  props: P;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [Part, setPart] = useState<ComponentType<P> | undefined>(() => server);
  const held = useRef<Spot | null>(null);
  const typed = useRef<Typed[]>([]);
  const focused = useRef<number[] | null>(null);
  useEffect(() => {
    if (Part) return;
    let mounted = true;
    // While a file picker opened from the server's HTML is open, or a word is being composed
    // (pinyin), the HTML is not replaced: the photo would land on a removed input, the word be
    // broken off. The swap waits for the picker's answer or the composition's end.
    let picking: HTMLInputElement | null = null;
    let composing = false;
    let swap: (() => void) | null = null;
    const swapWhenQuiet = () => {
      if (picking || composing || !swap) return;
      const run = swap;
      swap = null;
      setTimeout(run, 0);
    };
    const pickerDone = () => {
      picking = null;
      swapWhenQuiet();
    };
    // On window, in the capture phase: before React's listener on the document.
    const hold = (e: Event) => {
      const root = box.current;
      const target = e.target;
      if (!root || !(target instanceof Element) || !root.contains(target)) return;
      // A form sent before the code came posts as without JavaScript, with what was typed in it
      // (the server's HTML is a working form): nothing to hold, nothing to lose.
      const native = worksNatively(target);
      if (native) {
        if (native instanceof HTMLInputElement) {
          picking = native;
          native.addEventListener("change", pickerDone, { once: true });
          native.addEventListener("cancel", pickerDone, { once: true });
        }
        return;
      }
      const control = target.closest(CONTROL);
      if (!control || !root.contains(control)) return;
      held.current = spotOf(root, control);
      control.setAttribute("aria-busy", "true");
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const compose = (e: Event) => {
      if (!(e.target instanceof Node) || !box.current?.contains(e.target)) return;
      composing = e.type === "compositionstart";
      swapWhenQuiet();
    };
    // A picker closed without an answer in a browser without the `cancel` event.
    const refocused = () =>
      setTimeout(() => {
        if (picking && !picking.files?.length) pickerDone();
      }, 1000);
    const listeners: [string, (e: Event) => void][] = [
      ["click", hold],
      ["compositionstart", compose],
      ["compositionend", compose],
    ];
    const release = () => {
      for (const [type, fn] of listeners) window.removeEventListener(type, fn, true);
      window.removeEventListener("focus", refocused);
    };
    for (const [type, fn] of listeners) window.addEventListener(type, fn, true);
    window.addEventListener("focus", refocused);
    load().then(
      (c) => {
        if (!mounted) return;
        swap = () => {
          if (!mounted) return;
          // Nothing is held any more: a click `retype` makes must not be taken for the user's.
          release();
          // Text typed into the server's HTML before the code came is kept, not lost: read and
          // rendered afresh in one task, so no keystroke falls between the two (a scheduled
          // render let a reason typed meanwhile vanish with the replaced HTML).
          const root = box.current;
          typed.current = root ? typedIn(root) : [];
          const active = document.activeElement;
          focused.current = root && active && root.contains(active) ? pathOf(root, active) : null;
          flushSync(() => setPart(() => c));
        };
        swapWhenQuiet();
      },
      // No code (offline before it was cached): the server's HTML stays, its forms post as
      // without JavaScript.
      () => {
        release();
        held.current = null;
        for (const busy of box.current?.querySelectorAll("[aria-busy]") ?? [])
          busy.removeAttribute("aria-busy");
      },
    );
    return () => {
      mounted = false;
      release();
    };
  }, [Part, load]);
  // Once the part is rendered by its code (in the same task: a layout effect), what was typed is
  // put back and the focus returned.
  useCommitEffect(() => {
    const root = box.current;
    if (!Part || !root) return;
    if (typed.current.length > 0) retype(root, typed.current);
    typed.current = [];
    const focus = focused.current ? atPath(root, focused.current) : null;
    focused.current = null;
    if (focus instanceof HTMLElement) focus.focus();
  }, [Part]);
  // A click held meanwhile is replayed once the part's own effects have run (it is live).
  useEffect(() => {
    const root = box.current;
    const pending = held.current;
    if (!Part || !root || !pending) return;
    held.current = null;
    // Not the same control any more (the part renders differently): the tap is dropped, never
    // replayed on another control.
    const target = found(root, pending);
    if (target instanceof HTMLElement) target.click();
  }, [Part]);
  if (!Part)
    // Until its code is here the part keeps the server's HTML: React neither hydrates nor
    // removes the children of an element whose content is set as HTML.
    return (
      <div
        className="deferred"
        ref={box}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: empty; keeps the server's HTML
        dangerouslySetInnerHTML={{ __html: "" }}
        suppressHydrationWarning
      />
    );
  return (
    <div className="deferred" ref={box}>
      <Part {...props} />
    </div>
  );
}

/**
 * A part of a page the server renders in full, whose code the browser loads only after the
 * page's own (docs/decisions/0036-lot-page-first-load.md). Until then the part shows the server's
 * HTML untouched (not hydrated); once its code is here, React renders it afresh in place. A click
 * on one of its controls meanwhile is held, the control marked busy (aria-busy), and replayed on
 * the rendered part; a form sent meanwhile posts as without JavaScript. Nothing done right after
 * the page shows is lost.
 *
 * `server` is the component itself on the server (`import.meta.env.SSR ? X : undefined`, so the
 * browser build drops the static import) and `load` imports it in the browser.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  server: ComponentType<P> | undefined,
): ComponentType<P> {
  // Props compared shallowly: a parent's re-render with the same data stops here.
  return memo((props: P) => (
    <DeferredPart load={load} server={server} props={props} />
  )) as unknown as ComponentType<P>;
}
