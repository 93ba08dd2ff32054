-- Written by hand like scripts/postgres/add-migration.ts would, for SQLite migrations:
-- sqlite: 20261204000000_item_versions

-- AlterTable
ALTER TABLE "LotItemEntry" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CommandReceipt" ADD COLUMN     "itemId" TEXT,
ADD COLUMN     "version" INTEGER;
