-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "changedAfterPublishAt" TIMESTAMP(3);

