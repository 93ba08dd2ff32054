-- CreateTable
CREATE TABLE "DivisionSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "recordKey" TEXT NOT NULL,
    "seat" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "conclusion" TEXT NOT NULL,
    "imageSha256" TEXT NOT NULL,
    "imagePng" BLOB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AppearanceRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "division" TEXT NOT NULL,
    "point" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "ratedById" TEXT NOT NULL,
    "ratedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "DivisionSignature_compoundId_level_recordKey_seat_key" ON "DivisionSignature"("compoundId", "level", "recordKey", "seat");

-- CreateIndex
CREATE INDEX "AppearanceRating_compoundId_division_idx" ON "AppearanceRating"("compoundId", "division");

-- A 分项/分部 record's signatures and 观感 ratings are never edited or deleted (a re-rating after
-- rework is a new row), like the lots' signatures (decision 0029).
CREATE TRIGGER "DivisionSignature_no_update" BEFORE UPDATE ON "DivisionSignature"
BEGIN
  SELECT RAISE(ABORT, 'DivisionSignature is immutable');
END;

CREATE TRIGGER "DivisionSignature_no_delete" BEFORE DELETE ON "DivisionSignature"
BEGIN
  SELECT RAISE(ABORT, 'DivisionSignature is immutable');
END;

CREATE TRIGGER "AppearanceRating_no_update" BEFORE UPDATE ON "AppearanceRating"
BEGIN
  SELECT RAISE(ABORT, 'AppearanceRating is immutable');
END;

CREATE TRIGGER "AppearanceRating_no_delete" BEFORE DELETE ON "AppearanceRating"
BEGIN
  SELECT RAISE(ABORT, 'AppearanceRating is immutable');
END;
