-- Issue 14: judge specs per checklist item, place attributes that select limits, lot quantities
-- and attributes, entered text and per-point design values. Columns only (no table redefined).
ALTER TABLE "ChecklistItem" ADD COLUMN "judge" TEXT;
ALTER TABLE "Zone" ADD COLUMN "surface" TEXT;
ALTER TABLE "Zone" ADD COLUMN "roadWidth" REAL;
ALTER TABLE "Zone" ADD COLUMN "roadClass" TEXT;
ALTER TABLE "Zone" ADD COLUMN "pipeMaterial" TEXT;
ALTER TABLE "Zone" ADD COLUMN "pipeDiameter" INTEGER;
ALTER TABLE "Zone" ADD COLUMN "structure" TEXT;
ALTER TABLE "InspectionLot" ADD COLUMN "quantities" TEXT;
ALTER TABLE "InspectionLot" ADD COLUMN "attributes" TEXT;
ALTER TABLE "SamplePoint" ADD COLUMN "text" TEXT;
ALTER TABLE "SamplePoint" ADD COLUMN "design" REAL;
