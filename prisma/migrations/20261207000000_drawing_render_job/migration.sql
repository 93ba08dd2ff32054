-- Drawing previews are rendered by a background job (docs/decisions/0023-job-queue.md):
-- a revision is pending until its drawing.render job has stored the images, or failed.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DrawingRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sheetId" TEXT NOT NULL,
    "revision" TEXT NOT NULL,
    "issuedOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'current',
    "supersededAt" DATETIME,
    "supersededById" TEXT,
    "sourceSha256" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "pageIndex" INTEGER NOT NULL,
    "imageSha256" TEXT,
    "previewSha256" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "previewWidth" INTEGER,
    "previewHeight" INTEGER,
    "renderStatus" TEXT NOT NULL DEFAULT 'ready',
    "renderError" TEXT,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DrawingRevision_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "DrawingSheet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrawingRevision_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "DrawingRevision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DrawingRevision_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_DrawingRevision" ("height", "id", "imageSha256", "issuedOn", "pageIndex", "previewHeight", "previewSha256", "previewWidth", "revision", "sheetId", "sourceFormat", "sourceSha256", "status", "supersededAt", "supersededById", "uploadedAt", "uploadedById", "width") SELECT "height", "id", "imageSha256", "issuedOn", "pageIndex", "previewHeight", "previewSha256", "previewWidth", "revision", "sheetId", "sourceFormat", "sourceSha256", "status", "supersededAt", "supersededById", "uploadedAt", "uploadedById", "width" FROM "DrawingRevision";
DROP TABLE "DrawingRevision";
ALTER TABLE "new_DrawingRevision" RENAME TO "DrawingRevision";
CREATE INDEX "DrawingRevision_sheetId_status_idx" ON "DrawingRevision"("sheetId", "status");
CREATE UNIQUE INDEX "DrawingRevision_sheetId_revision_key" ON "DrawingRevision"("sheetId", "revision");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

