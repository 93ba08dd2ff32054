-- Photos and defects as outbox commands (issue 17): a receipt names what its command created, so
-- a replay answers the same photo or defect.
ALTER TABLE "CommandReceipt" ADD COLUMN "subjectId" TEXT;
