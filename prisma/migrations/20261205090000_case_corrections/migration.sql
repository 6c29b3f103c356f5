-- Versions of a case's content (description, risk level) and what happened to the case besides
-- its content: closed or reopened with a reason, an identifier erased from every version.
-- CreateEnum
CREATE TYPE "CaseEventKind" AS ENUM ('CLOSED', 'REOPENED', 'IDENTIFIER_ERASED');

-- CreateEnum
CREATE TYPE "CaseCloseReason" AS ENUM ('GOALS_MET', 'TRANSFERRED', 'NO_LONGER_NEEDED', 'OTHER');

-- CreateTable
CREATE TABLE "CaseRevision" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "riskLevel" "RiskLevel" NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erasedAt" TIMESTAMP(3),

    CONSTRAINT "CaseRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "CaseEventKind" NOT NULL,
    "userId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closeReason" "CaseCloseReason",
    "note" TEXT,
    "versions" INTEGER,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseRevision_caseId_number_key" ON "CaseRevision"("caseId", "number");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

-- AddForeignKey
ALTER TABLE "CaseRevision" ADD CONSTRAINT "CaseRevision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRevision" ADD CONSTRAINT "CaseRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Every case that exists has its first version: what was brought in, by whom, when.
INSERT INTO "CaseRevision" ("id", "caseId", "number", "description", "riskLevel", "authorId", "createdAt")
SELECT 'rev-' || c."id", c."id", 1, c."description", c."riskLevel", c."createdById", c."createdAt" FROM "Case" c;
