-- County scale (issue 16): indexes the query plans asked for. Indexes only; no table is redefined.

-- Lots by place (stairwell, building and zone pages, acceptance prerequisites).
CREATE INDEX "InspectionLot_stairwellId_idx" ON "InspectionLot"("stairwellId");
CREATE INDEX "InspectionLot_buildingId_idx" ON "InspectionLot"("buildingId");
CREATE INDEX "InspectionLot_zoneId_idx" ON "InspectionLot"("zoneId");

-- A supervisor's defects (due-soon/overdue job); the defect list's order (due day, number),
-- for everyone and per contractor; the due job's and overdue counts' status + due day range.
CREATE INDEX "Defect_createdById_status_idx" ON "Defect"("createdById", "status");
CREATE INDEX "Defect_dueOn_number_idx" ON "Defect"("dueOn", "number");
CREATE INDEX "Defect_contractorOrgId_dueOn_number_idx" ON "Defect"("contractorOrgId", "dueOn", "number");
CREATE INDEX "Defect_status_dueOn_compoundId_contractorOrgId_idx" ON "Defect"("status", "dueOn", "compoundId", "contractorOrgId");

-- Covering indexes for the counts (dashboard, 公示, compound page): GROUP BY reads the narrow
-- index instead of every wide row.
CREATE INDEX "Defect_compoundId_contractorOrgId_severity_status_idx" ON "Defect"("compoundId", "contractorOrgId", "severity", "status");
CREATE INDEX "Defect_contractorOrgId_createdAt_closedAt_idx" ON "Defect"("contractorOrgId", "createdAt", "closedAt");
CREATE INDEX "InspectionLot_compoundId_workTypeId_status_idx" ON "InspectionLot"("compoundId", "workTypeId", "status");

-- A user's inbox, newest first.
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- Notices newest first.
CREATE INDEX "SupervisionNotice_issuedAt_idx" ON "SupervisionNotice"("issuedAt");
