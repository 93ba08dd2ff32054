-- Written by hand like scripts/postgres/add-migration.ts would, for SQLite migrations:
-- sqlite: 20261202000000_notification_kind

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "params" TEXT;
