-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WorkType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "division" TEXT NOT NULL,
    "standards" TEXT NOT NULL,
    "lotDivision" TEXT NOT NULL,
    "placeKind" TEXT NOT NULL,
    "zoneKinds" TEXT NOT NULL DEFAULT '[]',
    "rollupDivision" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_WorkType" ("code", "division", "id", "lotDivision", "nameEn", "nameZh", "placeKind", "seq", "standards", "zoneKinds") SELECT "code", "division", "id", "lotDivision", "nameEn", "nameZh", "placeKind", "seq", "standards", "zoneKinds" FROM "WorkType";
DROP TABLE "WorkType";
ALTER TABLE "new_WorkType" RENAME TO "WorkType";
CREATE UNIQUE INDEX "WorkType_code_key" ON "WorkType"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

