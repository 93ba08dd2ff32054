import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SignaturePad } from "./signature-pad";

/**
 * Signing a lot (second step after 提交施工自检 / 验收签认): the conclusion text prefilled and
 * editable, the 专业工长 for 施工自检, a drawn signature, the password and a confirmation.
 */
export function LotSignForm({
  step,
  defaultConclusion,
  signerTitle,
  busy,
  onCancel,
}: {
  step: "submit" | "accept";
  defaultConclusion: string;
  signerTitle: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation("lot");
  const conclusionLabel =
    step === "accept" ? t("sign.conclusionAccept") : t("sign.conclusionSubmit");
  return (
    <Form method="post" className="panel form-stack sign-form lot-sign-form">
      <h2>{step === "accept" ? t("sign.titleAccept") : t("sign.titleSubmit")}</h2>
      <p className="muted">{t("sign.intro", { title: signerTitle })}</p>
      <input type="hidden" name="intent" value={step} />
      <label>
        {conclusionLabel}
        <textarea
          name="conclusion"
          rows={3}
          maxLength={500}
          required
          defaultValue={defaultConclusion}
        />
      </label>
      {step === "submit" ? (
        <label>
          {t("sign.foreman")}
          <input name="foreman" maxLength={40} required autoComplete="off" />
        </label>
      ) : null}
      <SignaturePad name="signature" />
      <label>
        {t("sign.password")}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <label className="check">
        <input type="checkbox" name="confirm" value="on" required />
        {t("sign.confirm")}
      </label>
      <div className="workflow-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("sign.ok")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("sign.cancel")}
        </button>
      </div>
    </Form>
  );
}
