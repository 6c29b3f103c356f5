-- Closing with a watch for recurrence, and a referral that follows on an earlier closed case.
-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "monitorUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "earlierCaseId" TEXT;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_earlierCaseId_fkey" FOREIGN KEY ("earlierCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

