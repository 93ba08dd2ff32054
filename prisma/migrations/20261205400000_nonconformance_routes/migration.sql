-- Nonconformance routes (issue 15 item 4, GB 50300-2013 §5.0.6-2/-3; decision 0032): a new table
-- only; no existing table is redefined.
-- CreateTable
CREATE TABLE "LotAcceptanceRoute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lotId" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reportNumber" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "documentName" TEXT NOT NULL,
    "documentFormat" TEXT NOT NULL,
    "documentSize" INTEGER NOT NULL,
    "documentSha256" TEXT NOT NULL,
    "verdictSummary" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lotAcceptedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "LotAcceptanceRoute_lotId_recordedAt_idx" ON "LotAcceptanceRoute"("lotId", "recordedAt");
