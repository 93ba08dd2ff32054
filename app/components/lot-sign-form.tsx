import { Form } from "@remix-run/react";
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
  const conclusionLabel = step === "accept" ? "监理单位验收结论" : "施工单位检查结果";
  return (
    <Form method="post" className="panel form-stack sign-form lot-sign-form">
      <h2>{step === "accept" ? "验收签认" : "施工自检签字"}</h2>
      <p className="muted">
        {signerTitle}签字：请核对结论文字（可修改），在框内手写签名并输入登录密码。签字后记录只读。
      </p>
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
          专业工长
          <input name="foreman" maxLength={40} required autoComplete="off" />
        </label>
      ) : null}
      <SignaturePad name="signature" />
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <label className="check">
        <input type="checkbox" name="confirm" value="on" required />
        我已核对本检验批记录，确认签字（签字后不可更改）
      </label>
      <div className="workflow-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          确认签字
        </button>
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </Form>
  );
}
