-- The 单位工程 acceptance ladder (docs/decisions/0033-unit-acceptance-steps.md): new tables only.
-- CreateTable
CREATE TABLE "CompletionReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "contractorOrgId" TEXT NOT NULL,
    "selfCheck" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "imagePng" BLOB NOT NULL,
    "imageSha256" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PreAcceptance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "chiefId" TEXT NOT NULL,
    "problems" TEXT NOT NULL,
    "defectIds" TEXT NOT NULL DEFAULT '[]',
    "assessment" TEXT NOT NULL,
    "conclusion" TEXT NOT NULL,
    "imagePng" BLOB NOT NULL,
    "imageSha256" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "CompletionReport_compoundId_contractorOrgId_key" ON "CompletionReport"("compoundId", "contractorOrgId");

-- CreateIndex
CREATE INDEX "PreAcceptance_compoundId_recordedAt_idx" ON "PreAcceptance"("compoundId", "recordedAt");
