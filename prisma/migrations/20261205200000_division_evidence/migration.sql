-- Division evidence (issue 15, decision 0030): 质量控制资料 documents with their reviews, and
-- 安全和功能检验 records, per 分部 of a compound's plan. New tables only.

-- CreateTable
CREATE TABLE "EvidenceDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "division" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EvidenceReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "reviewerId" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceReview_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "EvidenceDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FunctionTest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "division" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "placeKind" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placeLabel" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "pass" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,
    "testedOn" DATETIME NOT NULL,
    "tester" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "EvidenceDocument_compoundId_division_idx" ON "EvidenceDocument"("compoundId", "division");

-- CreateIndex
CREATE INDEX "EvidenceReview_documentId_reviewedAt_idx" ON "EvidenceReview"("documentId", "reviewedAt");

-- CreateIndex
CREATE INDEX "FunctionTest_compoundId_division_code_idx" ON "FunctionTest"("compoundId", "division", "code");
