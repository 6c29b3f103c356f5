-- CreateEnum
CREATE TYPE "RegieKind" AS ENUM ('PROCESS', 'CONTENT');

-- CreateEnum
CREATE TYPE "RegieStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'ENDED');

-- CreateTable
CREATE TABLE "CaseRegie" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "RegieKind" NOT NULL,
    "organisationId" TEXT NOT NULL,
    "status" "RegieStatus" NOT NULL DEFAULT 'PROPOSED',
    "reason" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "declineReason" TEXT NOT NULL DEFAULT '',
    "endedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CaseRegie_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseRegie_caseId_kind_status_idx" ON "CaseRegie"("caseId", "kind", "status");

-- AddForeignKey
ALTER TABLE "CaseRegie" ADD CONSTRAINT "CaseRegie_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRegie" ADD CONSTRAINT "CaseRegie_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRegie" ADD CONSTRAINT "CaseRegie_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRegie" ADD CONSTRAINT "CaseRegie_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

