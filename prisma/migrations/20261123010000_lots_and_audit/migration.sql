-- CreateTable
CREATE TABLE "InspectionLot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "compoundId" TEXT NOT NULL,
    "workTypeId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "contractorOrgId" TEXT NOT NULL,
    "placeKind" TEXT NOT NULL,
    "stairwellId" TEXT,
    "buildingId" TEXT,
    "zoneId" TEXT,
    "placeLabel" TEXT NOT NULL,
    "capacity" INTEGER,
    "capacityUnit" TEXT,
    "plannedStart" DATETIME,
    "plannedEnd" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "recordsComplete" BOOLEAN NOT NULL DEFAULT false,
    "selfCheckNote" TEXT,
    "lastReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "acceptedAt" DATETIME,
    "acceptedById" TEXT,
    CONSTRAINT "InspectionLot_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_workTypeId_fkey" FOREIGN KEY ("workTypeId") REFERENCES "WorkType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_contractorOrgId_fkey" FOREIGN KEY ("contractorOrgId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_stairwellId_fkey" FOREIGN KEY ("stairwellId") REFERENCES "Stairwell" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InspectionLot_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LotItemEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lotId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "result" TEXT,
    "note" TEXT,
    "designValue" REAL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "LotItemEntry_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "InspectionLot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LotItemEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotItemEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SamplePoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "value" REAL NOT NULL,
    "serious" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SamplePoint_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LotItemEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "InspectionLot_number_key" ON "InspectionLot"("number");

-- CreateIndex
CREATE INDEX "InspectionLot_compoundId_workTypeId_idx" ON "InspectionLot"("compoundId", "workTypeId");

-- CreateIndex
CREATE INDEX "InspectionLot_contractorOrgId_status_idx" ON "InspectionLot"("contractorOrgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LotItemEntry_lotId_itemId_key" ON "LotItemEntry"("lotId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "SamplePoint_entryId_seq_key" ON "SamplePoint"("entryId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

