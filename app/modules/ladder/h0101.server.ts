/**
 * The rows GB 50300-2013 表 H.0.1-1 asks for beyond what the acceptance record already prints:
 * 结构类型, 层数, 建筑面积, 开工/完工日期 (entered by the 建设单位, decision 0034), the 分部工程
 * count and how many passed (from the division contract), and each 施工单位's 项目负责人 and
 * 技术负责人 (people of that organisation whose 职务 names the post). Chinese, the record's language.
 */
import type { Db } from "~/infra/db.server";
import { canHoldSeat } from "~/modules/acceptance/parties";
import type { DivisionSummary } from "~/modules/division/summary.server";
import { formatDate } from "~/modules/i18n/dates";
import { fixedT } from "~/modules/i18n/i18n.server";

/** The H.0.1-1 facts the 建设单位 enters (nullable columns of Compound). */
export const FACTS_SELECT = {
  structureType: true,
  storeys: true,
  floorArea: true,
  startedOn: true,
  finishedOn: true,
} as const;

export async function h0101Pairs(
  db: Db,
  compoundId: string,
  divisions: DivisionSummary[],
): Promise<[string, string][]> {
  const t = fixedT("zh-CN");
  const w = (key: string, params?: Record<string, string | number>) =>
    String(t(`ladder:h0101.${key}` as never, params as never));
  const compound = await db.compound.findUniqueOrThrow({
    where: { id: compoundId },
    select: { ...FACTS_SELECT, contracts: { select: { contractorOrgId: true } } },
  });
  const orgIds = [...new Set(compound.contracts.map((c) => c.contractorOrgId))];
  const people = await db.user.findMany({
    where: { organizationId: { in: orgIds } },
    select: { displayName: true, title: true },
    orderBy: { displayName: "asc" },
  });
  const names = (list: string[]) => (list.length ? list.join(w("sep")) : w("unset"));
  const day = (d: Date | null) => (d ? formatDate(d) : w("unset"));
  return [
    [w("structureType"), compound.structureType ?? w("unset")],
    [w("storeys"), compound.storeys ?? w("unset")],
    [
      w("floorArea"),
      compound.floorArea === null ? w("unset") : w("area", { n: compound.floorArea }),
    ],
    [w("dates"), `${day(compound.startedOn)} — ${day(compound.finishedOn)}`],
    [
      w("divisions"),
      divisions.length === 0
        ? w("noDivisions")
        : w("divisionsValue", {
            total: divisions.length,
            passed: divisions.filter((d) => d.passed).length,
          }),
    ],
    [
      w("manager"),
      names(people.filter((p) => canHoldSeat("contractor", p.title)).map((p) => p.displayName)),
    ],
    [
      w("technical"),
      names(people.filter((p) => p.title.includes(w("technicalPost"))).map((p) => p.displayName)),
    ],
  ];
}
