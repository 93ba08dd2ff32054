-- Written by hand like scripts/postgres/add-migration.ts would, for SQLite migrations:
-- sqlite: 20261207000000_drawing_render_job

-- AlterTable
ALTER TABLE "DrawingRevision" ADD COLUMN     "renderError" TEXT,
ADD COLUMN     "renderStatus" TEXT NOT NULL DEFAULT 'ready',
ALTER COLUMN "imageSha256" DROP NOT NULL,
ALTER COLUMN "previewSha256" DROP NOT NULL,
ALTER COLUMN "width" DROP NOT NULL,
ALTER COLUMN "height" DROP NOT NULL,
ALTER COLUMN "previewWidth" DROP NOT NULL,
ALTER COLUMN "previewHeight" DROP NOT NULL;
