import { Form } from "@remix-run/react";
import { CONSENT, NEEDS, OCCUPANCY } from "~/modules/residents/survey";

type Places = { id: string; name: string; stairwells: { id: string; name: string }[] }[];

/** 入户调查表 on the tablet: one household at a time. */
export function SurveyHouseholdForm({
  places,
  errors,
  busy,
}: {
  places: Places;
  errors: Record<string, string>;
  busy: boolean;
}) {
  const err = (name: string) =>
    errors[name] ? <span className="field-error">{errors[name]}</span> : null;
  return (
    <section className="panel">
      <h2>入户调查表</h2>
      <Form method="post" className="residents-form">
        <input type="hidden" name="intent" value="add" />
        <label className="field">
          <span>楼栋单元</span>
          <select name="stairwellId" required>
            {places.map((b) => (
              <optgroup key={b.id} label={b.name}>
                {b.stairwells.map((s) => (
                  <option key={s.id} value={s.id}>
                    {b.name}
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {err("stairwellId")}
        </label>
        <label className="field">
          <span>房号</span>
          <input name="room" required maxLength={10} inputMode="numeric" />
          {err("room")}
        </label>
        <label className="field">
          <span>户主姓名</span>
          <input name="headName" required maxLength={20} />
          {err("headName")}
        </label>
        <label className="field">
          <span>联系电话</span>
          <input name="phone" type="tel" maxLength={13} />
          {err("phone")}
        </label>
        <label className="field">
          <span>居住情况</span>
          <select name="occupancy">
            {Object.entries(OCCUPANCY).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>常住人数</span>
          <input name="residents" type="number" min={0} max={30} defaultValue={1} />
          {err("residents")}
        </label>
        <label className="field">
          <span>60岁以上老人</span>
          <input name="elderly" type="number" min={0} max={30} defaultValue={0} />
        </label>
        <label className="field">
          <span>残疾人</span>
          <input name="disabled" type="number" min={0} max={30} defaultValue={0} />
        </label>
        <fieldset className="field wide">
          <legend>改造需求</legend>
          <div className="residents-checks">
            {Object.entries(NEEDS).map(([k, v]) => (
              <label key={k}>
                <input type="checkbox" name="needs" value={k} />
                {v}
              </label>
            ))}
          </div>
          {err("needs")}
        </fieldset>
        <label className="field">
          <span>是否同意改造方案</span>
          <select name="consent">
            {Object.entries(CONSENT).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="field wide">
          <span>备注</span>
          <input name="note" maxLength={200} />
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          登记
        </button>
      </Form>
    </section>
  );
}
