import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EvidencePageData } from "~/modules/evidence/page.server";
import { useFormat } from "~/modules/i18n/use-format";

type Division = EvidencePageData["divisions"][number];
type TestForm = Division["testForms"][number];

function AttributeFields({ form }: { form: TestForm }) {
  const { t } = useTranslation(["evidence", "checklist"]);
  return (
    <>
      {form.attributes.includes("pipeDiameter") ? (
        <label>
          {t("evidence:tests.pipeDiameter")}
          <input type="text" inputMode="numeric" name="pipeDiameter" required />
        </label>
      ) : null}
      {form.attributes.includes("pipeMaterial") ? (
        <label>
          {t("evidence:tests.pipeMaterial")}
          <select name="pipeMaterial">
            <option value="plastic">{t("evidence:materials.plastic")}</option>
            <option value="rc">{t("evidence:materials.rc")}</option>
          </select>
        </label>
      ) : null}
      {form.attributes.includes("structure") ? (
        <label>
          {t("evidence:tests.structure")}
          <select name="structure">
            <option value="rc">{t("evidence:structures.rc")}</option>
            <option value="masonry">{t("evidence:structures.masonry")}</option>
          </select>
        </label>
      ) : null}
      {form.attributes.includes("roadClass") ? (
        <label>
          {t("checklist:verdict.attributes.roadClass")}
          <select name="roadClass">
            <option value="branch">{t("checklist:verdict.values.branch")}</option>
            <option value="secondary">{t("checklist:verdict.values.secondary")}</option>
            <option value="arterial">{t("checklist:verdict.values.arterial")}</option>
          </select>
        </label>
      ) : null}
    </>
  );
}

/** The 安全和功能检验 of one 分部: each test's rule, its records by place, and the record form. */
export function TestsPanel({ d, canTest, busy }: { d: Division; canTest: boolean; busy: boolean }) {
  const { t } = useTranslation("evidence");
  const f = useFormat();
  const today = new Date().toISOString().slice(0, 10);
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
              <Form method="post" className="evidence-test-form stack">
                <input type="hidden" name="division" value={d.division} />
                <input type="hidden" name="code" value={form.code} />
                <label>
                  {t("tests.place")}
                  <select name="place" required>
                    {form.places.map((p) => (
                      <option key={p.key} value={p.key} translate="no">
                        {p.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("tests.values")}
                  <input type="text" name="values" required maxLength={400} />
                </label>
                {form.needsDesign ? (
                  <label>
                    {t("tests.design")}
                    <input type="text" inputMode="decimal" name="design" required />
                  </label>
                ) : null}
                <AttributeFields form={form} />
                <label>
                  {t("tests.testedOn")}
                  <input type="date" name="testedOn" required defaultValue={today} />
                </label>
                <label>
                  {t("tests.tester")}
                  <input type="text" name="tester" required maxLength={80} />
                </label>
                <button type="submit" name="intent" value="test" className="button" disabled={busy}>
                  {t("tests.submit")}
                </button>
              </Form>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
