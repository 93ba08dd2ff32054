-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "compoundId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "BudgetLine_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BillItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "unitPriceFen" BIGINT NOT NULL,
    "workTypeId" TEXT NOT NULL,
    "places" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "BillItem_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BillItem_workTypeId_fkey" FOREIGN KEY ("workTypeId") REFERENCES "WorkType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'applied',
    "period" TEXT NOT NULL,
    "appliedById" TEXT NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "grossFen" BIGINT,
    "retentionFen" BIGINT,
    "netFen" BIGINT,
    "contentHash" TEXT,
    "paidSource" TEXT,
    "voucherNo" TEXT,
    "paidAt" DATETIME,
    "reversedAt" DATETIME,
    "reverseReason" TEXT,
    CONSTRAINT "PaymentApplication_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentApplication_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "billItemId" TEXT NOT NULL,
    "claimedMilli" INTEGER NOT NULL,
    "certifiedMilli" INTEGER,
    "amountFen" BIGINT,
    CONSTRAINT "PaymentLine_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PaymentApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentLine_billItemId_fkey" FOREIGN KEY ("billItemId") REFERENCES "BillItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentLineLot" (
    "lineId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "capacityMilli" INTEGER NOT NULL,
    "lotHash" TEXT NOT NULL,

    PRIMARY KEY ("lineId", "lotId"),
    CONSTRAINT "PaymentLineLot_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "PaymentLine" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentLineLot_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "InspectionLot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL,
    CONSTRAINT "PaymentSignature_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PaymentApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable: new columns with defaults, no table redefinition
ALTER TABLE "Contract" ADD COLUMN "retentionBp" INTEGER NOT NULL DEFAULT 300;
ALTER TABLE "Contract" ADD COLUMN "warrantyEndsOn" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_compoundId_source_key" ON "BudgetLine"("compoundId", "source");

-- CreateIndex
CREATE INDEX "BillItem_contractId_seq_idx" ON "BillItem"("contractId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "BillItem_contractId_code_key" ON "BillItem"("contractId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentApplication_number_key" ON "PaymentApplication"("number");

-- CreateIndex
CREATE INDEX "PaymentApplication_contractId_status_idx" ON "PaymentApplication"("contractId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentApplication_contractId_seq_key" ON "PaymentApplication"("contractId", "seq");

-- CreateIndex
CREATE INDEX "PaymentLine_billItemId_idx" ON "PaymentLine"("billItemId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentLine_applicationId_billItemId_key" ON "PaymentLine"("applicationId", "billItemId");

-- CreateIndex
CREATE INDEX "PaymentLineLot_lotId_idx" ON "PaymentLineLot"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentSignature_applicationId_step_key" ON "PaymentSignature"("applicationId", "step");


-- An approved payment never changes: only approved -> paid (recording the voucher) and
-- approved|paid -> reversed (a new signed entry) are allowed, and nothing certified moves.
CREATE TRIGGER "PaymentApplication_approved_immutable" BEFORE UPDATE ON "PaymentApplication"
WHEN OLD."status" IN ('approved', 'paid', 'reversed') AND (
  OLD."status" = 'reversed'
  OR NEW."status" NOT IN ('paid', 'reversed')
  OR (OLD."status" = 'paid' AND NEW."status" <> 'reversed')
  OR NEW."grossFen" IS NOT OLD."grossFen"
  OR NEW."retentionFen" IS NOT OLD."retentionFen"
  OR NEW."netFen" IS NOT OLD."netFen"
  OR NEW."contentHash" IS NOT OLD."contentHash"
  OR NEW."contractId" IS NOT OLD."contractId"
  OR NEW."number" IS NOT OLD."number"
  OR NEW."seq" IS NOT OLD."seq"
  OR NEW."period" IS NOT OLD."period"
  OR NEW."appliedById" IS NOT OLD."appliedById"
  OR NEW."appliedAt" IS NOT OLD."appliedAt"
  OR (OLD."status" = 'paid' AND (
    NEW."paidSource" IS NOT OLD."paidSource"
    OR NEW."voucherNo" IS NOT OLD."voucherNo"
    OR NEW."paidAt" IS NOT OLD."paidAt"))
)
BEGIN
  SELECT RAISE(ABORT, 'approved PaymentApplication is immutable');
END;

CREATE TRIGGER "PaymentApplication_no_delete" BEFORE DELETE ON "PaymentApplication"
BEGIN
  SELECT RAISE(ABORT, 'PaymentApplication cannot be deleted');
END;

CREATE TRIGGER "PaymentLine_approved_immutable" BEFORE UPDATE ON "PaymentLine"
WHEN (SELECT "status" FROM "PaymentApplication" WHERE "id" = OLD."applicationId") IN ('approved', 'paid', 'reversed')
BEGIN
  SELECT RAISE(ABORT, 'lines of an approved PaymentApplication are immutable');
END;

CREATE TRIGGER "PaymentLine_no_delete" BEFORE DELETE ON "PaymentLine"
BEGIN
  SELECT RAISE(ABORT, 'PaymentLine cannot be deleted');
END;

CREATE TRIGGER "PaymentLineLot_no_update" BEFORE UPDATE ON "PaymentLineLot"
BEGIN
  SELECT RAISE(ABORT, 'PaymentLineLot is immutable');
END;

CREATE TRIGGER "PaymentLineLot_no_delete" BEFORE DELETE ON "PaymentLineLot"
BEGIN
  SELECT RAISE(ABORT, 'PaymentLineLot is immutable');
END;

CREATE TRIGGER "PaymentSignature_no_update" BEFORE UPDATE ON "PaymentSignature"
BEGIN
  SELECT RAISE(ABORT, 'PaymentSignature is immutable');
END;

CREATE TRIGGER "PaymentSignature_no_delete" BEFORE DELETE ON "PaymentSignature"
BEGIN
  SELECT RAISE(ABORT, 'PaymentSignature is immutable');
END;

-- A bill item measured on any application keeps its quantity and price.
CREATE TRIGGER "BillItem_used_immutable" BEFORE UPDATE ON "BillItem"
WHEN EXISTS (SELECT 1 FROM "PaymentLine" WHERE "billItemId" = OLD."id")
BEGIN
  SELECT RAISE(ABORT, 'BillItem on a payment is immutable');
END;
