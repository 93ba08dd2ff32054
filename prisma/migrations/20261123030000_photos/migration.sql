-- CreateTable
CREATE TABLE "Photo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sha256" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'evidence',
    "attachKey" TEXT NOT NULL,
    "lotId" TEXT,
    "itemId" TEXT,
    "format" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "displaySha256" TEXT NOT NULL,
    "displayFormat" TEXT NOT NULL,
    "thumbSha256" TEXT NOT NULL,
    "capturedAt" DATETIME,
    "gpsLat" REAL,
    "gpsLng" REAL,
    "gpsAlt" REAL,
    "device" TEXT,
    "originalName" TEXT,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Photo_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "InspectionLot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Photo_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Photo_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Photo_lotId_itemId_idx" ON "Photo"("lotId", "itemId");

-- CreateIndex
CREATE INDEX "Photo_sha256_idx" ON "Photo"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Photo_sha256_attachKey_key" ON "Photo"("sha256", "attachKey");

