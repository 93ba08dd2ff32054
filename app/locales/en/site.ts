import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/site";

const site: Catalogue<typeof source> = {
  things: { compound: "Compound", projects: "Projects" },
  zoneKind: {
    road: "Roads",
    pipe: "Storm and foul sewers",
    septic: "Septic tanks",
    green: "Green spaces and squares",
    rubbish: "Refuse collection points",
    fitness: "Fitness equipment",
    parking: "Car parks",
    demolition: "Illegal structures removed",
  },
  lotState: {
    draft: "Draft",
    submitted: "Contractor's self-check submitted",
    rejected: "Returned by supervision",
    accepted: "Accepted by supervision",
  },
  rollup: { pass: "Pass", open: "In progress", none: "Not started" },
  money: { yuan: "yuan", tenThousandYuan: "× 10,000 yuan" },
  dates: { ongoing: "ongoing" },
  compound: {
    // The compound's name (Chinese data) stays out of the English title.
    title: "Compound · Yanshou",
    subtitle:
      "<d>{{address}}</d> · {{households, number}} households · {{buildings, number}} buildings, {{stairwells, number}} stairwells · <d>{{street}}</d>",
    defects: "Defects",
    raiseDefect: "Report a defect",
    acceptance: "Completion acceptance",
    plan: "Inspection-lot plan",
    lots: "Inspection lots",
    drawings: "Drawings",
    qr: "Public notice QR code",
    contractor: "Contractor: ",
    coverage: "Inspection-lot coverage (against the plan)",
    rollupTitle: "Quality acceptance summary",
    unitProject: "Unit project: {{status}}",
    division: "Division",
    subItem: "Sub-item (work type)",
    lotCounts: "Inspection lots accepted / total",
    conclusion: "Conclusion",
    lotsTitle: "Inspection lots",
    lotsAccepted: "{{accepted, number}} of {{total, number}} accepted",
    noLots:
      "No inspection lots yet. Open one from a stairwell or outdoor area page by choosing a work type.",
    acceptedOf: "{{accepted, number}} / {{total, number}} accepted",
    seeAll: "See all {{count, number}}",
    buildings: "Buildings and stairwells",
    buildingFacts: "{{floors, number}} storeys · <d>{{structure}}</d> · built {{year}}",
    zones: "Outdoor areas",
  },
};

export default site;
