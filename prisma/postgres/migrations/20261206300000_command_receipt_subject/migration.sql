-- Written by hand like scripts/postgres/add-migration.ts would, for SQLite migrations:
-- sqlite: 20261206300000_command_receipt_subject

-- AlterTable
ALTER TABLE "CommandReceipt" ADD COLUMN     "subjectId" TEXT;
