/**
 * How many missing places a coverage table shows per 分项 (the rest are on the plan page). The
 * page models send no more than these; the table words how many more there are.
 */
export const MISSING_SHOWN = { compoundPage: 6, dashboard: 4 } as const;
