-- CreateTable
CREATE TABLE "DrawingSheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "workTypeId" TEXT,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DrawingSheet_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrawingSheet_workTypeId_fkey" FOREIGN KEY ("workTypeId") REFERENCES "WorkType" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DrawingRevision" (
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
    "imageSha256" TEXT NOT NULL,
    "previewSha256" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "previewWidth" INTEGER NOT NULL,
    "previewHeight" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DrawingRevision_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "DrawingSheet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrawingRevision_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "DrawingRevision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DrawingRevision_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DrawingPin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "defectId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "x" REAL NOT NULL,
    "y" REAL NOT NULL,
    "placedById" TEXT NOT NULL,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DrawingPin_defectId_fkey" FOREIGN KEY ("defectId") REFERENCES "Defect" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrawingPin_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "DrawingRevision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrawingPin_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LotDrawingRef" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lotId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedById" TEXT,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "LotDrawingRef_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "InspectionLot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotDrawingRef_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "DrawingRevision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotDrawingRef_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotDrawingRef_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DrawingSheet_compoundId_number_key" ON "DrawingSheet"("compoundId", "number");

-- CreateIndex
CREATE INDEX "DrawingRevision_sheetId_status_idx" ON "DrawingRevision"("sheetId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DrawingRevision_sheetId_revision_key" ON "DrawingRevision"("sheetId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "DrawingPin_defectId_key" ON "DrawingPin"("defectId");

-- CreateIndex
CREATE INDEX "DrawingPin_revisionId_idx" ON "DrawingPin"("revisionId");

-- CreateIndex
CREATE UNIQUE INDEX "LotDrawingRef_lotId_revisionId_key" ON "LotDrawingRef"("lotId", "revisionId");

