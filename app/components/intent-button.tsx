import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A post form of one submit button naming its `intent` (the multi-intent actions' way), with
 * hidden fields and optional text before the button. Works without JavaScript.
 */
export function IntentButton({
  intent,
  label,
  fields,
  tone,
  busy,
  className,
  children,
}: {
  intent: string;
  label: ReactNode;
  fields?: Record<string, string>;
  tone?: "primary" | "danger";
  busy?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="post" className={className}>
      {children}
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        name="intent"
        value={intent}
        className={tone ? `button button-${tone}` : "button"}
        disabled={busy}
      >
        {label}
      </button>
    </Form>
  );
}
