-- Written by hand (index-only, the same as the SQLite migration) for SQLite migrations:
-- sqlite: 20261206100001_dashboard_defect_count_indexes

-- DropIndex
DROP INDEX "Defect_compoundId_contractorOrgId_severity_status_idx";

-- CreateIndex
CREATE INDEX "Defect_compoundId_contractorOrgId_severity_status_dueOn_idx" ON "Defect"("compoundId", "contractorOrgId", "severity", "status", "dueOn");

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
