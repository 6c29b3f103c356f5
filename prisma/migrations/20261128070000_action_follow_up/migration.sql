-- CreateEnum
CREATE TYPE "ActionCloseReason" AS ENUM ('EXECUTED', 'NO_LONGER_POSSIBLE', 'NOT_DONE');

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "closeReason" "ActionCloseReason",
ADD COLUMN     "closedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ActionUpdate" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "byOrganisationId" TEXT NOT NULL,
    "status" "ActionStatus" NOT NULL,
    "closeReason" "ActionCloseReason",
    "ownerUserId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ActionUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActionUpdate_actionId_at_idx" ON "ActionUpdate"("actionId", "at");

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

