import {
  type FieldMetadata,
  type FormMetadata,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { useTranslation } from "react-i18next";
import type { z } from "~/infra/zod";
import { zodErrorMap } from "~/modules/i18n/zod-messages";

/**
 * The one form pattern: the form's zod schema validates in the browser (same messages as the
 * server, in the reader's language), its limits become the inputs' required/maxLength/min/max, and
 * the action's reply (parseSubmission / replyError) puts errors beside their fields.
 */
export function useSchemaForm<
  S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>,
>(
  schema: S,
  options: {
    id?: string;
    lastResult?: SubmissionResult<string[]> | null | undefined;
    defaultValue?: Partial<Record<keyof z.input<S> & string, unknown>>;
  } = {},
) {
  const { t } = useTranslation();
  return useForm<z.input<S> & Record<string, unknown>, z.output<S>, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema, error: zodErrorMap(t) }),
  });
}

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/** A field's messages, linked from the input by aria-describedby (conform sets it). */
export function FieldErrors({ meta }: { meta: Meta }) {
  if (!meta.errors?.length) return null;
  return (
    <em className="field-error" id={meta.errorId}>
      {meta.errors.map((e) => (
        <span key={e}>{e} </span>
      ))}
    </em>
  );
}

/** Form-level messages (a refusal that belongs to no field), announced to screen readers. */
export function FormErrors({ form }: { form: FormMetadata<Record<string, unknown>, string[]> }) {
  if (!form.errors?.length) return null;
  return (
    <div className="alert alert-error" id={form.errorId} role="alert">
      {form.errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

type Labelled = { meta: Meta; label: ReactNode; hint?: ReactNode };

export function InputField({
  meta,
  label,
  hint,
  type = "text",
  ...rest
}: Labelled & {
  type?: "text" | "number" | "date" | "tel" | "password" | "email" | "search";
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id">) {
  return (
    <label className="field" htmlFor={meta.id}>
      <span>{label}</span>
      <input {...getInputProps(meta as FieldMetadata<string>, { type })} {...rest} />
      {hint}
      <FieldErrors meta={meta} />
    </label>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  ...rest
}: Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  return (
    <label className="field" htmlFor={meta.id}>
      <span>{label}</span>
      <textarea {...getTextareaProps(meta as FieldMetadata<string>)} {...rest} />
      {hint}
      <FieldErrors meta={meta} />
    </label>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  children,
  ...rest
}: Labelled & { children: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name" | "id"
  >) {
  return (
    <label className="field" htmlFor={meta.id}>
      <span>{label}</span>
      <select {...getSelectProps(meta as FieldMetadata<string>)} {...rest}>
        {children}
      </select>
      {hint}
      <FieldErrors meta={meta} />
    </label>
  );
}
