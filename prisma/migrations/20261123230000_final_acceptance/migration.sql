-- CreateTable
CREATE TABLE "FinalAcceptance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedById" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "conclusion" TEXT NOT NULL,
    "remarks" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "closedAt" DATETIME,
    "voidReason" TEXT,
    CONSTRAINT "FinalAcceptance_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FinalAcceptance_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AcceptanceParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "acceptanceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "party" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "AcceptanceParticipant_acceptanceId_fkey" FOREIGN KEY ("acceptanceId") REFERENCES "FinalAcceptance" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AcceptanceParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AcceptanceParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "imageSha256" TEXT NOT NULL,
    "imagePng" BLOB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Signature_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "AcceptanceParticipant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FinalAcceptance_compoundId_status_idx" ON "FinalAcceptance"("compoundId", "status");

-- CreateIndex
CREATE INDEX "AcceptanceParticipant_userId_idx" ON "AcceptanceParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AcceptanceParticipant_acceptanceId_seq_key" ON "AcceptanceParticipant"("acceptanceId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_participantId_key" ON "Signature"("participantId");


-- A concluded acceptance (passed/failed) and every signature are evidence: never edited or deleted.
CREATE TRIGGER "FinalAcceptance_concluded_immutable" BEFORE UPDATE ON "FinalAcceptance"
WHEN OLD."status" IN ('passed', 'failed')
BEGIN
  SELECT RAISE(ABORT, 'concluded FinalAcceptance is immutable');
END;

CREATE TRIGGER "FinalAcceptance_no_delete" BEFORE DELETE ON "FinalAcceptance"
BEGIN
  SELECT RAISE(ABORT, 'FinalAcceptance cannot be deleted');
END;

CREATE TRIGGER "AcceptanceParticipant_concluded_immutable" BEFORE UPDATE ON "AcceptanceParticipant"
WHEN (SELECT "status" FROM "FinalAcceptance" WHERE "id" = OLD."acceptanceId") IN ('passed', 'failed')
BEGIN
  SELECT RAISE(ABORT, 'participants of a concluded FinalAcceptance are immutable');
END;

CREATE TRIGGER "Signature_no_update" BEFORE UPDATE ON "Signature"
BEGIN
  SELECT RAISE(ABORT, 'Signature is immutable');
END;

CREATE TRIGGER "Signature_no_delete" BEFORE DELETE ON "Signature"
BEGIN
  SELECT RAISE(ABORT, 'Signature is immutable');
END;
