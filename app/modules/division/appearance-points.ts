/**
 * 观感质量 check points per 分部 (GB 50300-2013 §5.0.3-4, §3.0.6-8: checked on site, each point
 * rated 好/一般/差). Data, not logic: each point gathers the general items (一般项目) of the
 * checklists (prisma/data/checklists.json) that are judged by eye for that 分部, with the clause
 * those items cite. Point names by catalogue key (division:points.*).
 */
import { nameZh } from "~/modules/lot/record-division";

export type AppearancePoint = { code: string; source: string };

const P = (code: string, source: string): AppearancePoint => ({ code, source });

export const APPEARANCE_POINTS: Record<string, AppearancePoint[]> = {
  // stairwell-wiring / stairwell-sound-light general items, GB 50303-2015 §5, §11–§15, §18–§20
  [nameZh("buildingElectrical")]: [
    P("distributionBoards", "GB 50303-2015 §5.2"),
    P("luminaires", "GB 50303-2015 §18.2"),
    P("switchesSockets", "GB 50303-2015 §20.2"),
    P("cableRuns", "GB 50303-2015 §11.2/§12.2"),
  ],
  // wall-finishing / stair-railing general items, GB 50210-2018 §12.2, §4.2, §14.5
  [nameZh("decoration")]: [
    P("paintedWalls", "GB 50210-2018 §12.2"),
    P("plasteredSurfaces", "GB 50210-2018 §4.2"),
    P("railings", "GB 50210-2018 §14.5"),
    P("interfaces", "GB 50210-2018 §12.2.9"),
  ],
  // rain-sewer-network / septic-tank general items, GB 50242-2002 §10.2–§10.3, GB 50268-2008
  [nameZh("plumbing")]: [
    P("manholes", "GB 50242-2002 §10.3"),
    P("pipeJoints", "GB 50268-2008 §5.10"),
    P("gullies", "GB 50268-2008 §8.4"),
    P("covers", "GB 50242-2002 §10.3.2"),
  ],
  // road-repair general items, CJJ 1-2008 §6, §7, §10, §15
  [nameZh("subgrade")]: [P("subgradeSurface", "CJJ 1-2008 §6.8")],
  [nameZh("baseCourse")]: [P("baseSurface", "CJJ 1-2008 §7.8")],
  [nameZh("surfaceCourse")]: [
    P("evenness", "CJJ 1-2008 §8.5/§10.8"),
    P("joints", "CJJ 1-2008 §8.5/§10.8"),
    P("frames", "CJJ 1-2008 §8.5"),
  ],
  [nameZh("ancillary")]: [P("kerbs", "CJJ 1-2008 §15.6")],
  [nameZh("squaresParking")]: [P("evenness", "CJJ 1-2008 §11.2"), P("markings", "GB 5768.3")],
  // green-plaza / rubbish-point / fitness-equipment general items, CJJ 82-2012, GB 19272-2011
  [nameZh("outdoorEnvironment")]: [
    P("planting", "CJJ 82-2012 §4.3"),
    P("paving", "CJJ 1-2008 §11.2"),
    P("fixtures", "GB 19272-2011 §4"),
  ],
};

/** A 分部 without a listed point is looked at as a whole (§5.0.3-4). */
const GENERAL: AppearancePoint[] = [P("general", "GB 50300-2013 §5.0.3-4")];

export const appearancePointsOf = (division: string): AppearancePoint[] =>
  APPEARANCE_POINTS[division] ?? GENERAL;
