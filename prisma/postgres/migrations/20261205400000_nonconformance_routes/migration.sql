-- Written by hand like scripts/postgres/add-migration.ts would, for SQLite migrations:
-- sqlite: 20261205400000_nonconformance_routes

-- CreateTable
CREATE TABLE "LotAcceptanceRoute" (
    "id" TEXT NOT NULL,
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
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lotAcceptedAt" TIMESTAMP(3),

    CONSTRAINT "LotAcceptanceRoute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LotAcceptanceRoute_lotId_recordedAt_idx" ON "LotAcceptanceRoute"("lotId", "recordedAt");
