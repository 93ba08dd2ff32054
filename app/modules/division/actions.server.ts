/**
 * The record pages' actions, after the route has authorised the viewer and parsed the form:
 * the signature image read (a 400 on a blank or broken drawing) and the command called.
 */
import type { Db } from "~/infra/db.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import type { AnyT } from "~/modules/acceptance/words";
import { rateAppearance, signDivision, signSubItem } from "./commands.server";
import { gapText } from "./words";

type Viewer = { id: string; role: string; title: string; organizationId: string };
type Sign = { conclusion: string; signature?: string; password: string };

async function signing(input: Sign) {
  return {
    conclusion: input.conclusion,
    image: await readSignature(input.signature ?? ""),
    password: input.password,
    confirmed: true,
  };
}

export async function signSubItemFromForm(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  subItemId: string,
  input: Sign,
) {
  await signSubItem(db, viewer, compoundId, subItemId, await signing(input));
}

export async function divisionAction(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  division: string,
  input:
    | ({ intent: "sign" } & Sign)
    | { intent: "rate"; points: Record<string, string>; conclusion: string },
  t: AnyT,
) {
  if (input.intent === "rate") {
    await rateAppearance(db, viewer, compoundId, division, input);
    return t("division:appearance.saved");
  }
  const separator = t("acceptance:prereq.listSeparator");
  await signDivision(db, viewer, compoundId, division, await signing(input), (record) =>
    record.readiness.map((g) => gapText(t, g)).join(separator),
  );
  return t("division:sign.done");
}
