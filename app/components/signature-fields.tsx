import { FieldErrors, InputField } from "~/components/form";
import { SignaturePad } from "~/components/signature-pad";

type Meta = Parameters<typeof FieldErrors>[0]["meta"];

/** What a record is signed with: the drawn signature (field `signature`) and the password. */
export function SignatureAndPassword({
  signature,
  password,
  passwordLabel,
}: {
  signature: Meta;
  password: Meta;
  passwordLabel: string;
}) {
  return (
    <>
      <SignaturePad name="signature" />
      <FieldErrors meta={signature} />
      <InputField
        meta={password}
        type="password"
        label={passwordLabel}
        autoComplete="current-password"
      />
    </>
  );
}
