import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, SelectField, useSchemaForm } from "~/components/form";
import { evidenceForms } from "~/modules/evidence/forms";
import type { EvidencePageData } from "~/modules/evidence/page.server";
import { useFormat } from "~/modules/i18n/use-format";
import { type Last, lastFor } from "./failed";

type Division = EvidencePageData["divisions"][number];
type TestForm = Division["testForms"][number];

type Fields = ReturnType<typeof useTestForm>[1];

function useTestForm(division: string, code: string, failed: Last) {
  const { t } = useTranslation("evidence");
  return useSchemaForm(evidenceForms(t).test, {
    id: `test-${division}-${code}`,
    lastResult: lastFor(failed, { intent: "test", division, code }),
    defaultValue: { testedOn: new Date().toISOString().slice(0, 10) },
  });
}

function AttributeFields({ form, fields }: { form: TestForm; fields: Fields }) {
  const { t } = useTranslation(["evidence", "checklist"]);
  return (
    <>
      {form.attributes.includes("pipeDiameter") ? (
        <InputField
          meta={fields.pipeDiameter}
          label={t("evidence:tests.pipeDiameter")}
          inputMode="numeric"
          required
        />
      ) : null}
      {form.attributes.includes("pipeMaterial") ? (
        <SelectField meta={fields.pipeMaterial} label={t("evidence:tests.pipeMaterial")}>
          <option value="plastic">{t("evidence:materials.plastic")}</option>
          <option value="rc">{t("evidence:materials.rc")}</option>
        </SelectField>
      ) : null}
      {form.attributes.includes("structure") ? (
        <SelectField meta={fields.structure} label={t("evidence:tests.structure")}>
          <option value="rc">{t("evidence:structures.rc")}</option>
          <option value="masonry">{t("evidence:structures.masonry")}</option>
        </SelectField>
      ) : null}
      {form.attributes.includes("roadClass") ? (
        <SelectField meta={fields.roadClass} label={t("checklist:verdict.attributes.roadClass")}>
          <option value="branch">{t("checklist:verdict.values.branch")}</option>
          <option value="secondary">{t("checklist:verdict.values.secondary")}</option>
          <option value="arterial">{t("checklist:verdict.values.arterial")}</option>
        </SelectField>
      ) : null}
    </>
  );
}

/** Recording one test's result at one place (安全和功能检验). */
function TestRecordForm({
  division,
  form: test,
  busy,
  failed,
}: {
  division: string;
  form: TestForm;
  busy: boolean;
  failed: Last;
}) {
  const { t } = useTranslation("evidence");
  const [form, fields] = useTestForm(division, test.code, failed);
  return (
    <Form method="post" className="evidence-test-form stack" {...getFormProps(form)}>
      <FormErrors form={form as never} />
      <input type="hidden" name="intent" value="test" />
      <input type="hidden" name="division" value={division} />
      <input type="hidden" name="code" value={test.code} />
      <SelectField meta={fields.place} label={t("tests.place")}>
        {test.places.map((p) => (
          <option key={p.key} value={p.key} translate="no">
            {p.label}
          </option>
        ))}
      </SelectField>
      <InputField meta={fields.values} label={t("tests.values")} />
      {test.needsDesign ? (
        <InputField meta={fields.design} label={t("tests.design")} inputMode="decimal" required />
      ) : null}
      <AttributeFields form={test} fields={fields} />
      <InputField meta={fields.testedOn} label={t("tests.testedOn")} type="date" />
      <InputField meta={fields.tester} label={t("tests.tester")} />
      <button type="submit" className="button" disabled={busy}>
        {t("tests.submit")}
      </button>
    </Form>
  );
}

/** The 安全和功能检验 of one 分部: each test's rule, its records by place, and the record form. */
export function TestsPanel({
  d,
  canTest,
  busy,
  failed,
}: {
  d: Division;
  canTest: boolean;
  busy: boolean;
  failed: Last;
}) {
  const { t } = useTranslation("evidence");
  const f = useFormat();
  return (
    <div className="evidence-tests">
      <h3>
        {t("tests.heading")} <small className="muted">{t("tests.clause")}</small>
      </h3>
      {d.testForms.length === 0 ? <p className="muted">{t("tests.none")}</p> : null}
      {d.testForms.map((form) => {
        const records = d.tests.filter((x) => x.code === form.code);
        return (
          <div key={form.code} className="evidence-test" data-testid={`test-${form.code}`}>
            <h4>
              {t(`testNames.${form.code}`)}{" "}
              <small className="muted">
                {form.clause} · {t(`rules.${form.rule.key}`, { ...form.rule.params })}
                {form.verified ? "" : t("tests.unverified")}
              </small>
            </h4>
            {records.length > 0 ? (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t("tests.place")}</th>
                    <th>{t("tests.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {records.map((r) => (
                    <tr key={r.id} className={r.pass ? "test-pass" : "test-fail"}>
                      <td translate="no">{r.place}</td>
                      <td>
                        <strong>{r.pass ? t("tests.pass") : t("tests.fail")}</strong>{" "}
                        <span translate="no">{r.summary}</span>{" "}
                        <small className="muted">
                          {f.date(r.testedOn ?? r.recordedAt)} ·{" "}
                          <span translate="no">{r.tester}</span>
                        </small>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {canTest && form.places.length > 0 ? (
              <TestRecordForm division={d.division} form={form} busy={busy} failed={failed} />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
