-- Escalations of a case: level, by whom and why, what came of it, the step back down.
-- CreateEnum
CREATE TYPE "EscalationLevel" AS ENUM ('OPERATIONAL', 'MANAGEMENT', 'ADMINISTRATIVE');

-- CreateTable
CREATE TABLE "CaseEscalation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "level" "EscalationLevel" NOT NULL,
    "reason" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL DEFAULT '',
    "endedById" TEXT,
    "endedAt" TIMESTAMP(3),
    "movedTo" "EscalationLevel",
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CaseEscalation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseEscalation_caseId_endedAt_idx" ON "CaseEscalation"("caseId", "endedAt");

-- AddForeignKey
ALTER TABLE "CaseEscalation" ADD CONSTRAINT "CaseEscalation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEscalation" ADD CONSTRAINT "CaseEscalation_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEscalation" ADD CONSTRAINT "CaseEscalation_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

