import type { Catalogue } from "../catalogue";
import type source from "../zh-CN/plan";

const plan: Catalogue<typeof source> = {
  // The compound's name (Chinese data) stays out of the English title.
  meta: { title: "Inspection-lot plan · Yanshou" },
  page: {
    title: "Inspection-lot plan",
    approvedAt: " · approved {{at}}",
    summary:
      "{{status}}{{approved}} · {{planned, number}} planned, {{opened, number}} opened, {{accepted, number}} accepted",
    none: "Not drawn up yet (GB 50300 §4.0.7: divided before work, reviewed by the supervision engineer)",
    generateHint:
      "Generate divisions, sub-divisions, sub-items and planned inspection lots from the compound's register of buildings, stairwells and outdoor areas and each work type's sub-items.",
    generate: "Generate the inspection-lot plan",
    approveHint:
      "The chief supervision engineer reviews and approves; after approval, any change to the planned lots needs approval again.",
    approve: "Approve the plan",
    counts:
      "{{planned, number}} planned · {{opened, number}} opened · {{accepted, number}} accepted",
    place: "Location",
    capacity: "Size",
    capacityValue: "{{n, number}} {{unit}}",
    state: "State",
    adjust: "Adjust",
    openLot: "No inspection lot · open one",
    removeReason: "Reason for removal",
    removeReasonFor: "Reason for removing this location",
    remove: "Remove",
    addPlaceFor: "Add a location for this sub-item",
    add: "Add a planned inspection lot",
    removeSubItem: "Remove sub-item",
    removeSubItemReason: "Reason for removing this sub-item",
    tree: "Adjust divisions, sub-divisions and sub-items",
    treeHint:
      "Adjust the division under GB 50300 §4.0.3 and §4.0.4: add a sub-item the register lacks (recorded by the chosen work type's lots and planned at every place of that work type), or remove a sub-item this work does not have. The plan then needs approval again.",
    division: "Division",
    subDivision: "Sub-division (optional)",
    subItemName: "Sub-item",
    standard: "Acceptance standard",
    workType: "Recorded by the lots of work type",
    addSubItem: "Add sub-item",
  },
  status: { draft: "Awaiting the chief supervision engineer", approved: "Approved" },
  placeState: { missing: "No inspection lot", opened: "Not accepted", accepted: "Accepted" },
  coverage: {
    none: "No inspection-lot plan: coverage cannot be measured.",
    draw: "Draw up the plan",
    plan: "Inspection-lot plan",
    approved: " (approved)",
    draft: " (awaiting the chief supervision engineer)",
    totals:
      ": <b>{{planned, number}}</b> planned · <b>{{opened, number}}</b> opened · <b>{{accepted, number}}</b> accepted",
    subItem: "Division › sub-division › sub-item",
    planned: "Planned",
    opened: "Opened",
    accepted: "Accepted",
    missingPlaces: "Locations without an inspection lot",
    more: "{{count, number}} more",
    nothing: "None",
  },
  done: {
    generated:
      "Inspection-lot plan generated from the site register; awaiting the chief supervision engineer",
    approved: "Inspection-lot plan approved",
    added: "Planned inspection lot added; the plan needs approval again",
    removed: "Planned inspection lot removed; the plan needs approval again",
    subItemAdded: "Sub-item and its planned lots added; the plan needs approval again",
    subItemRemoved: "Sub-item and its planned lots removed; the plan needs approval again",
  },
  errors: {
    unknownIntent: "Unknown action",
    chooseSubItem: "Choose a sub-item",
    choosePlace: "Choose a location",
    managerOnly: "Only the supervision company may draw up the inspection-lot plan",
    sealed:
      "This compound has passed completion acceptance; its inspection-lot plan can no longer change",
    compoundNotFound: "Compound not found",
    emptyRegister:
      "The compound has no buildings, stairwells or outdoor areas registered, so no inspection lots can be planned",
    exists: "This compound already has an inspection-lot plan",
    noPlan: "This compound has no inspection-lot plan yet",
    plannedLotNotFound: "Planned inspection lot not found",
    reasonRequired: "Give a reason for the removal",
    subItemNotFound: "Sub-item not found",
    placeNotAddable: "This location is not in the compound or is already planned",
    placeNotInCompound: "This location is not in the compound",
    placeAlreadyPlanned: "This location is already planned",
    chiefOnly: "The inspection-lot plan must be approved by the chief supervision engineer",
    alreadyApproved: "The plan is already approved",
    emptyPlan: "The plan has no planned inspection lots",
    changedByOther: "Someone else changed the plan; refresh and try again",
    workTypeUnknown: "Choose the work type whose lots record this sub-item",
    noPlaceForWorkType: "This compound has no place for that work type, so no lot can be planned",
    subItemExists: "That sub-item is already in the plan",
    lastSubItem: "The plan must keep at least one sub-item",
    fieldRequired: "Fill in this field",
  },
};

export default plan;
