
-- AlterTable
ALTER TABLE "Compound" ADD COLUMN "ownerOrgId" TEXT;

-- CreateTable
CREATE TABLE "InspectionPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" TEXT,
    "approvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PlanSubItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "division" TEXT NOT NULL,
    "subDivision" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    CONSTRAINT "PlanSubItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "InspectionPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlannedLot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "subItemId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "workTypeCode" TEXT NOT NULL,
    "placeKind" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placeLabel" TEXT NOT NULL,
    "capacity" INTEGER,
    "capacityUnit" TEXT,
    CONSTRAINT "PlannedLot_planId_fkey" FOREIGN KEY ("planId") REFERENCES "InspectionPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlannedLot_subItemId_fkey" FOREIGN KEY ("subItemId") REFERENCES "PlanSubItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AcceptanceSupervision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "acceptanceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "record" TEXT NOT NULL,
    "filedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "InspectionPlan_compoundId_key" ON "InspectionPlan"("compoundId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSubItem_planId_division_subDivision_name_key" ON "PlanSubItem"("planId", "division", "subDivision", "name");

-- CreateIndex
CREATE INDEX "PlannedLot_planId_idx" ON "PlannedLot"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "PlannedLot_subItemId_workTypeCode_placeKind_placeId_key" ON "PlannedLot"("subItemId", "workTypeCode", "placeKind", "placeId");

-- CreateIndex
CREATE UNIQUE INDEX "AcceptanceSupervision_acceptanceId_key" ON "AcceptanceSupervision"("acceptanceId");

