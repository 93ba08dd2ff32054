/**
 * 安全和功能检验 records (GB 50300-2013 §5.0.3-3): one test at one place of the plan, judged when
 * recorded against the limit of its checklist item. A failed test stays on record; a retest is a
 * new row. One transaction with its audit event.
 */
import i18next from "i18next";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import zhEvidence from "~/locales/zh-CN/evidence";
import type { AnyT } from "~/modules/acceptance/words";
import { recordEvent } from "~/modules/audit/record.server";
import { DEFAULT_LNG, i18nOptions } from "~/modules/i18n/config";
import type { PlaceAttributes } from "~/modules/lot/verdict-vocabulary";
import { getPlan } from "~/modules/plan/plan.server";
import { placeKey, testPlaces } from "./assemble";
import type { TestForm } from "./forms";
import { judgeTest, parseValues, type RuleWords, type TestVerdict } from "./judge";
import { divisionTest } from "./specs.server";

let record: AnyT | undefined;
/** The language of record (Chinese) for stored summaries; usable from seeds under tsx too. */
function recordT(): AnyT {
  if (!record) {
    const instance = i18next.createInstance();
    void instance.init({
      ...i18nOptions(DEFAULT_LNG, ["evidence"]),
      defaultNS: "evidence",
      resources: { [DEFAULT_LNG]: { evidence: zhEvidence } },
      initAsync: false,
    });
    record = instance.t as AnyT;
  }
  return record;
}

/** A verdict's values and rule in words, in the language of `t`. */
export function summaryText(t: AnyT, v: Extract<TestVerdict, { ok: true }>): string {
  const p = v.summary.params;
  if (v.summary.key !== "values") return t(`evidence:summary.${v.summary.key}`, { ...p });
  const ruleKey = String(p.ruleKey) as RuleWords["key"];
  const rule = t(`evidence:rules.${ruleKey}`, { ...p });
  return t("evidence:summary.values", { ...p, rule });
}

const refuse = (code: string, params: Record<string, string | number> = {}, status = 400) =>
  new DomainError(code as never, { status, params });

async function registerAttributes(db: Db, placeKindId: { placeKind: string; placeId: string }) {
  if (placeKindId.placeKind !== "zone") return {};
  const zone = await db.zone.findUnique({
    where: { id: placeKindId.placeId },
    select: { roadClass: true, pipeMaterial: true, pipeDiameter: true, structure: true },
  });
  return zone ?? {};
}

/** Records one test of a division of the compound's plan; returns the verdict. */
export async function recordFunctionTest(
  db: Db,
  viewer: { id: string },
  compoundId: string,
  input: Omit<TestForm, "intent">,
) {
  const plan = await getPlan(db, compoundId);
  if (!plan) throw refuse("evidence:errors.noPlan", {}, 409);
  const found = divisionTest(input.division, input.code);
  if (!found) throw refuse("evidence:errors.unknownTest");
  const divisionOf = new Map(plan.subItems.map((s) => [s.id, s.division]));
  const places = plan.lots.map((l) => ({ ...l, division: divisionOf.get(l.subItemId) ?? "" }));
  const place = testPlaces(places, input.division, found.test.workTypes).find(
    (p) => p.key === input.place,
  );
  if (!place) throw refuse("evidence:errors.unknownPlace");
  const [placeKind = "", placeId = ""] = place.key.split(":");
  const values = parseValues(input.values);
  if (!values) throw refuse("evidence:errors.values");
  if (values.length > 50) throw refuse("evidence:errors.tooManyValues", { n: 50 });

  const given: PlaceAttributes = {
    pipeDiameter: input.pipeDiameter,
    pipeMaterial: input.pipeMaterial,
    structure: input.structure,
    roadClass: input.roadClass,
  };
  const attributes: PlaceAttributes = { ...(await registerAttributes(db, { placeKind, placeId })) };
  for (const a of found.test.attributes) if (given[a] !== undefined) attributes[a] = given[a];
  const verdict = judgeTest(found.spec, { values, attributes, design: input.design ?? null });
  if (!verdict.ok) throw refuse(`evidence:errors.${verdict.error}`, verdict.params);
  const summary = summaryText(recordT(), verdict);

  return db.$transaction(async (tx) => {
    const row = await tx.functionTest.create({
      data: {
        compoundId,
        division: input.division,
        code: input.code,
        placeKind,
        placeId,
        placeLabel: place.label,
        input: JSON.stringify({ values, attributes, design: input.design ?? null }),
        pass: verdict.pass,
        summary,
        testedOn: input.testedOn,
        tester: input.tester,
        recordedById: viewer.id,
      },
      select: { id: true, pass: true },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "evidence.test",
      entityType: "FunctionTest",
      entityId: row.id,
      data: {
        compoundId,
        division: input.division,
        code: input.code,
        place: placeKey({ placeKind, placeId }),
        values,
        attributes,
        pass: verdict.pass,
        ref: verdict.ref,
      },
    });
    return row;
  });
}
