-- CreateTable
CREATE TABLE "CommandReceipt" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseVersion" TEXT,
    "appliedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "key")
);

-- CreateIndex
CREATE INDEX "CommandReceipt_lotId_idx" ON "CommandReceipt"("lotId");

