-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "AgendaProposal" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "timeboxMinutes" INTEGER NOT NULL,
    "proposingOrganisationId" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "declineReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "agendaItemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgendaProposal_agendaItemId_key" ON "AgendaProposal"("agendaItemId");

-- CreateIndex
CREATE INDEX "AgendaProposal_meetingId_status_idx" ON "AgendaProposal"("meetingId", "status");

-- AddForeignKey
ALTER TABLE "AgendaProposal" ADD CONSTRAINT "AgendaProposal_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaProposal" ADD CONSTRAINT "AgendaProposal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaProposal" ADD CONSTRAINT "AgendaProposal_proposingOrganisationId_fkey" FOREIGN KEY ("proposingOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

