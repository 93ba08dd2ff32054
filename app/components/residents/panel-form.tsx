import type { FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors } from "~/components/form";

/** A residents form in its own panel: a heading, the conform form, its form-level errors. */
export function PanelForm<F extends Record<string, unknown>>({
  title,
  form,
  multipart = false,
  children,
}: {
  title: ReactNode;
  form: FormMetadata<F, string[]>;
  multipart?: boolean;
  children: ReactNode;
}) {
  return (
    <section className="panel">
      <h2>{title}</h2>
      <Form
        method="post"
        encType={multipart ? "multipart/form-data" : undefined}
        className="residents-form"
        id={form.id}
        onSubmit={form.onSubmit}
        noValidate
      >
        <FormErrors form={form as never} />
        {children}
      </Form>
    </section>
  );
}

/** A photo taken with the tablet's camera (or chosen), required by the form it is in. */
export function PhotoInput({
  label,
  wide = false,
  multiple = false,
}: {
  label: ReactNode;
  wide?: boolean;
  multiple?: boolean;
}) {
  return (
    <label className={wide ? "field wide" : "field"}>
      <span>{label}</span>
      <input
        type="file"
        name="photo"
        accept="image/*"
        capture="environment"
        multiple={multiple || undefined}
        required
      />
    </label>
  );
}
