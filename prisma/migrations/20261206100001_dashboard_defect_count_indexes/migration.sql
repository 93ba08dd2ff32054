-- The dashboard counts defects and the overdue ones per compound, contractor, severity and state
-- in one pass over a covering index (issue 16): index-only, no table redefined.
-- (compoundId, contractorOrgId, severity, status) gains dueOn; it serves every read it did.
-- DropIndex
DROP INDEX "Defect_compoundId_contractorOrgId_severity_status_idx";

-- CreateIndex
CREATE INDEX "Defect_compoundId_contractorOrgId_severity_status_dueOn_idx" ON "Defect"("compoundId", "contractorOrgId", "severity", "status", "dueOn");

-- A contractor's own defects, counted the same way.
-- CreateIndex
CREATE INDEX "Defect_contractorOrgId_compoundId_severity_status_dueOn_idx" ON "Defect"("contractorOrgId", "compoundId", "severity", "status", "dueOn");

-- A contractor's lots: (contractorOrgId, status) gains the columns the dashboard counts by.
-- DropIndex
DROP INDEX "InspectionLot_contractorOrgId_status_idx";

-- CreateIndex
CREATE INDEX "InspectionLot_contractor_counts_idx" ON "InspectionLot"("contractorOrgId", "status", "compoundId", "workTypeId", "acceptedAt");

-- A contractor's overdue defects (open states, due by a day) by range: (contractorOrgId, status)
-- gains dueOn.
-- DropIndex
DROP INDEX "Defect_contractorOrgId_status_idx";

-- CreateIndex
CREATE INDEX "Defect_contractorOrgId_status_dueOn_idx" ON "Defect"("contractorOrgId", "status", "dueOn");
