-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Photo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sha256" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'evidence',
    "attachKey" TEXT NOT NULL,
    "lotId" TEXT,
    "itemId" TEXT,
    "defectId" TEXT,
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
    CONSTRAINT "Photo_defectId_fkey" FOREIGN KEY ("defectId") REFERENCES "Defect" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Photo_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Photo" ("attachKey", "byteSize", "capturedAt", "device", "displayFormat", "displaySha256", "format", "gpsAlt", "gpsLat", "gpsLng", "height", "id", "itemId", "lotId", "originalName", "role", "sha256", "thumbSha256", "uploadedAt", "uploadedById", "width") SELECT "attachKey", "byteSize", "capturedAt", "device", "displayFormat", "displaySha256", "format", "gpsAlt", "gpsLat", "gpsLng", "height", "id", "itemId", "lotId", "originalName", "role", "sha256", "thumbSha256", "uploadedAt", "uploadedById", "width" FROM "Photo";
DROP TABLE "Photo";
ALTER TABLE "new_Photo" RENAME TO "Photo";
CREATE INDEX "Photo_lotId_itemId_idx" ON "Photo"("lotId", "itemId");
CREATE INDEX "Photo_defectId_idx" ON "Photo"("defectId");
CREATE INDEX "Photo_sha256_idx" ON "Photo"("sha256");
CREATE UNIQUE INDEX "Photo_sha256_attachKey_key" ON "Photo"("sha256", "attachKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

