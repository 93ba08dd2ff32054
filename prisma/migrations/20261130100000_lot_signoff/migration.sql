-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "projectManager" TEXT;
ALTER TABLE "Contract" ADD COLUMN "subcontractorManager" TEXT;
ALTER TABLE "Contract" ADD COLUMN "subcontractorName" TEXT;

-- AlterTable
ALTER TABLE "InspectionLot" ADD COLUMN "subItem" TEXT;

-- CreateTable
CREATE TABLE "LotSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lotId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "foreman" TEXT,
    "conclusion" TEXT NOT NULL,
    "imageSha256" TEXT NOT NULL,
    "imagePng" BLOB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LotSignature_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "InspectionLot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable (added columns, not a table redefinition: other branches may add to SamplePoint too)
ALTER TABLE "SamplePoint" ADD COLUMN "was" TEXT;
ALTER TABLE "SamplePoint" ADD COLUMN "removed" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "LotSignature_lotId_kind_signedAt_idx" ON "LotSignature"("lotId", "kind", "signedAt");

