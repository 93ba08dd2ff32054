-- Indexes the dashboard and compound page ask for at county scale (issue 16): index-only, no
-- table redefined.

-- The compound page's first lots of each work type in number order: (compoundId, workTypeId)
-- becomes (compoundId, workTypeId, number), which serves every read the old one did.
-- DropIndex
DROP INDEX "InspectionLot_compoundId_workTypeId_idx";

-- CreateIndex
CREATE INDEX "InspectionLot_compoundId_workTypeId_number_idx" ON "InspectionLot"("compoundId", "workTypeId", "number");

-- Plan coverage groups a compound's lots by work type and place from this index alone.
-- CreateIndex
CREATE INDEX "InspectionLot_coverage_idx" ON "InspectionLot"("compoundId", "workTypeId", "placeKind", "stairwellId", "buildingId", "zoneId", "status", "number");

-- Lots accepted within a project phase.
-- CreateIndex
CREATE INDEX "InspectionLot_acceptedAt_idx" ON "InspectionLot"("acceptedAt");

-- The weekly trend counts defects opened / closed per week by range.
-- CreateIndex
CREATE INDEX "Defect_createdAt_idx" ON "Defect"("createdAt");

-- CreateIndex
CREATE INDEX "Defect_closedAt_idx" ON "Defect"("closedAt");

-- CreateIndex
CREATE INDEX "Defect_contractorOrgId_closedAt_idx" ON "Defect"("contractorOrgId", "closedAt");
