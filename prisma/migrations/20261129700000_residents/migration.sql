-- CreateTable
CREATE TABLE "CompoundParty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "CompoundParty_compoundId_organizationId_key" ON "CompoundParty"("compoundId", "organizationId");

-- CreateIndex
CREATE INDEX "CompoundParty_organizationId_idx" ON "CompoundParty"("organizationId");

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "buildingId" TEXT NOT NULL,
    "stairwellId" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "headName" TEXT NOT NULL,
    "phone" TEXT,
    "occupancy" TEXT NOT NULL,
    "residents" INTEGER NOT NULL DEFAULT 0,
    "elderly" INTEGER NOT NULL DEFAULT 0,
    "disabled" INTEGER NOT NULL DEFAULT 0,
    "needs" TEXT NOT NULL DEFAULT '[]',
    "consent" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Household_stairwellId_room_key" ON "Household"("stairwellId", "room");

-- CreateIndex
CREATE INDEX "Household_compoundId_buildingId_idx" ON "Household"("compoundId", "buildingId");

-- CreateTable
CREATE TABLE "ReviewCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "buildingId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCode_householdId_key" ON "ReviewCode"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCode_codeHash_key" ON "ReviewCode"("codeHash");

-- CreateIndex
CREATE INDEX "ReviewCode_compoundId_idx" ON "ReviewCode"("compoundId");

-- CreateTable
CREATE TABLE "CompoundPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "worksText" TEXT NOT NULL,
    "budgetYuan" INTEGER NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    "publishedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "CompoundPlan_compoundId_key" ON "CompoundPlan"("compoundId");

-- CreateTable
CREATE TABLE "ResidentReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "buildingId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "opinion" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "moderatedById" TEXT,
    "moderatedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "ResidentReview_codeId_topic_key" ON "ResidentReview"("codeId", "topic");

-- CreateIndex
CREATE INDEX "ResidentReview_compoundId_topic_status_idx" ON "ResidentReview"("compoundId", "topic", "status");

-- CreateTable
CREATE TABLE "PublicRateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "WarrantyDefect" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "compoundId" TEXT NOT NULL,
    "buildingId" TEXT,
    "placeLabel" TEXT NOT NULL,
    "workTypeId" TEXT,
    "contractorOrgId" TEXT,
    "route" TEXT NOT NULL,
    "warrantyEndsOn" DATETIME,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "lastComment" TEXT,
    "reportedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "WarrantyDefect_number_key" ON "WarrantyDefect"("number");

-- CreateIndex
CREATE INDEX "WarrantyDefect_compoundId_status_idx" ON "WarrantyDefect"("compoundId", "status");

-- CreateIndex
CREATE INDEX "WarrantyDefect_contractorOrgId_status_idx" ON "WarrantyDefect"("contractorOrgId", "status");

-- CreateTable
CREATE TABLE "IllegalStructure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "compoundId" TEXT NOT NULL,
    "placeLabel" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "areaM2" REAL,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "deadlineOn" DATETIME,
    "lastComment" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "IllegalStructure_number_key" ON "IllegalStructure"("number");

-- CreateIndex
CREATE INDEX "IllegalStructure_compoundId_status_idx" ON "IllegalStructure"("compoundId", "status");
