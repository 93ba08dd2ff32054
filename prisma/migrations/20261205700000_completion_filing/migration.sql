-- 附录H H.0.1-1 facts of the 单位工程 (decision 0034): nullable columns, no table redefined
ALTER TABLE "Compound" ADD COLUMN "structureType" TEXT;
ALTER TABLE "Compound" ADD COLUMN "storeys" TEXT;
ALTER TABLE "Compound" ADD COLUMN "floorArea" REAL;
ALTER TABLE "Compound" ADD COLUMN "startedOn" DATETIME;
ALTER TABLE "Compound" ADD COLUMN "finishedOn" DATETIME;

-- CreateTable
CREATE TABLE "CompletionFiling" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "acceptanceId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "filedOn" DATETIME NOT NULL,
    "authority" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "CompletionFiling_acceptanceId_key" ON "CompletionFiling"("acceptanceId");

-- CreateIndex
CREATE INDEX "CompletionFiling_compoundId_idx" ON "CompletionFiling"("compoundId");
