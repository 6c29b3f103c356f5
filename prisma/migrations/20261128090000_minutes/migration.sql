-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('DRAFT', 'APPROVED');

-- CreateTable
CREATE TABLE "Minutes" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "status" "MinutesStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB,
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedBy" TEXT,

    CONSTRAINT "Minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesAmendment" (
    "id" TEXT NOT NULL,
    "minutesId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "byOrganisationId" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "MinutesAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_meetingId_key" ON "Minutes"("meetingId");

-- CreateIndex
CREATE INDEX "MinutesAmendment_minutesId_at_idx" ON "MinutesAmendment"("minutesId", "at");

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesAmendment" ADD CONSTRAINT "MinutesAmendment_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

