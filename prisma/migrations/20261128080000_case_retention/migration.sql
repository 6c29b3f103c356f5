-- DropIndex
DROP INDEX "Case_status_idx";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Case_status_closedAt_idx" ON "Case"("status", "closedAt");

