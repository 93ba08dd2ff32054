import { type FormMetadata, getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors } from "~/components/form";
import { NeedsNetwork, useOnline } from "~/components/needs-network";
import type { LadderIntent } from "~/modules/ladder/forms";
import { type Meta, SignedFields } from "./signed-fields";

export type Last = SubmissionResult<string[]> | undefined;

/**
 * The ladder's one form shell on the acceptance page: its refusals above the fields, the intent
 * the action dispatches on, the form's own fields (`children`), and, for a signed record, the
 * drawn signature and password (signing needs the network: the button waits for it).
 */
export function LadderForm({
  form,
  intent,
  title,
  submit,
  busy,
  signed,
  primary = true,
  children,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any form's metadata; only its props and errors are read
  form: FormMetadata<any, string[]>;
  intent: LadderIntent;
  title?: string;
  submit: string;
  busy: boolean;
  /** The signature and password fields, and what needs the network (for NeedsNetwork). */
  signed?: { signature: Meta; password: Meta; what: string };
  primary?: boolean;
  children: ReactNode;
}) {
  const online = useOnline();
  return (
    <Form method="post" className="form-stack" {...getFormProps(form)}>
      {title ? <h3>{title}</h3> : null}
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value={intent} />
      {children}
      {signed ? (
        <>
          <SignedFields signature={signed.signature} password={signed.password} />
          <NeedsNetwork what={signed.what} online={online} />
        </>
      ) : null}
      <button
        type="submit"
        className={primary ? "button button-primary" : "button"}
        disabled={busy || (signed !== undefined && !online)}
      >
        {submit}
      </button>
    </Form>
  );
}
