-- Version-based conflict detection for outbox commands (issue 17, decision 0028): each item's
-- record counts its applied changes; a command's receipt keeps its item and the version it produced.
ALTER TABLE "LotItemEntry" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CommandReceipt" ADD COLUMN "itemId" TEXT;
ALTER TABLE "CommandReceipt" ADD COLUMN "version" INTEGER;
