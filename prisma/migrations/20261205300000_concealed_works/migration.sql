-- CreateTable
CREATE TABLE "ConcealedWork" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "contractorOrgId" TEXT NOT NULL,
    "workTypeCode" TEXT NOT NULL,
    "placeKind" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placeLabel" TEXT NOT NULL,
    "division" TEXT NOT NULL,
    "subItem" TEXT NOT NULL,
    "work" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requests" INTEGER NOT NULL DEFAULT 1,
    "refusedReason" TEXT,
    "refusedAt" DATETIME,
    "refusedById" TEXT,
    "signedById" TEXT,
    "signedAt" DATETIME,
    "opinion" TEXT,
    "signatureSha256" TEXT,
    "signaturePng" BLOB,
    "contentHash" TEXT
);

-- CreateIndex
CREATE INDEX "ConcealedWork_contractorOrgId_idx" ON "ConcealedWork"("contractorOrgId");

CREATE UNIQUE INDEX "ConcealedWork_compoundId_workTypeCode_placeKind_placeId_key" ON "ConcealedWork"("compoundId", "workTypeCode", "placeKind", "placeId");

