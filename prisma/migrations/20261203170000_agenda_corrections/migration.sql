-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "RemovedAgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "caseReference" TEXT NOT NULL,
    "timeboxMinutes" INTEGER NOT NULL,
    "tableOrganisationIds" TEXT[],
    "reason" TEXT NOT NULL,
    "removedById" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemovedAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RemovedAgendaItem_meetingId_idx" ON "RemovedAgendaItem"("meetingId");

-- CreateIndex
CREATE INDEX "RemovedAgendaItem_caseId_idx" ON "RemovedAgendaItem"("caseId");

-- AddForeignKey
ALTER TABLE "RemovedAgendaItem" ADD CONSTRAINT "RemovedAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemovedAgendaItem" ADD CONSTRAINT "RemovedAgendaItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
