-- Written by hand (index-only, the same as the SQLite migration) for SQLite migrations:
-- sqlite: 20261206100000_page_read_indexes

-- DropIndex
DROP INDEX "InspectionLot_compoundId_workTypeId_idx";

-- CreateIndex
CREATE INDEX "InspectionLot_compoundId_workTypeId_number_idx" ON "InspectionLot"("compoundId", "workTypeId", "number");

-- CreateIndex
CREATE INDEX "InspectionLot_coverage_idx" ON "InspectionLot"("compoundId", "workTypeId", "placeKind", "stairwellId", "buildingId", "zoneId", "status", "number");

-- CreateIndex
CREATE INDEX "InspectionLot_acceptedAt_idx" ON "InspectionLot"("acceptedAt");

-- CreateIndex
CREATE INDEX "Defect_createdAt_idx" ON "Defect"("createdAt");

-- CreateIndex
CREATE INDEX "Defect_closedAt_idx" ON "Defect"("closedAt");

-- CreateIndex
CREATE INDEX "Defect_contractorOrgId_closedAt_idx" ON "Defect"("contractorOrgId", "closedAt");
