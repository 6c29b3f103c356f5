-- Referrals (aanmeldingen): the agenda proposals become one kind of referral. Existing proposals
-- keep their rows: accepted ones went to their meeting, declined ones went back with the reason.

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'TRIAGE';

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('PENDING', 'TO_MEETING', 'OTHER_TABLE', 'RETURNED', 'NO_ACTION');
CREATE TYPE "ReferralUrgency" AS ENUM ('ROUTINE', 'URGENT');
CREATE TYPE "ReferralKind" AS ENUM ('REFERRAL', 'PROPOSAL');

-- The proposals table becomes the referrals table.
ALTER TABLE "AgendaProposal" RENAME TO "Referral";
ALTER TABLE "Referral" RENAME CONSTRAINT "AgendaProposal_pkey" TO "Referral_pkey";
ALTER INDEX "AgendaProposal_agendaItemId_key" RENAME TO "Referral_agendaItemId_key";
ALTER INDEX "AgendaProposal_meetingId_status_idx" RENAME TO "Referral_meetingId_status_idx";
ALTER TABLE "Referral" RENAME COLUMN "proposingOrganisationId" TO "referringOrganisationId";
ALTER TABLE "Referral" RENAME COLUMN "proposedById" TO "referredById";
ALTER TABLE "Referral" RENAME COLUMN "declineReason" TO "outcomeReason";

ALTER TABLE "Referral" DROP CONSTRAINT "AgendaProposal_meetingId_fkey";
ALTER TABLE "Referral" DROP CONSTRAINT "AgendaProposal_caseId_fkey";
ALTER TABLE "Referral" DROP CONSTRAINT "AgendaProposal_proposingOrganisationId_fkey";

ALTER TABLE "Referral" ALTER COLUMN "meetingId" DROP NOT NULL;
ALTER TABLE "Referral" ALTER COLUMN "timeboxMinutes" SET DEFAULT 20;
ALTER TABLE "Referral" ADD COLUMN "kind" "ReferralKind" NOT NULL DEFAULT 'REFERRAL';
UPDATE "Referral" SET "kind" = 'PROPOSAL';
ALTER TABLE "Referral" ADD COLUMN "region" TEXT;
UPDATE "Referral" r SET "region" = o.region FROM "Organisation" o WHERE o.id = r."referringOrganisationId";
ALTER TABLE "Referral" ALTER COLUMN "region" SET NOT NULL;
ALTER TABLE "Referral" ADD COLUMN "criterionIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "partnerOrganisationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "urgency" "ReferralUrgency" NOT NULL DEFAULT 'ROUTINE',
  ADD COLUMN "informed" BOOLEAN,
  ADD COLUMN "notInformedReason" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "deadlineAt" TIMESTAMP(3),
  ADD COLUMN "otherTable" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Referral" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Referral" ALTER COLUMN "status" TYPE "ReferralStatus" USING (
  CASE "status"::text WHEN 'ACCEPTED' THEN 'TO_MEETING' WHEN 'DECLINED' THEN 'RETURNED' ELSE 'PENDING' END
)::"ReferralStatus";
ALTER TABLE "Referral" ALTER COLUMN "status" SET DEFAULT 'PENDING';
DROP TYPE "ProposalStatus";

-- CreateIndex
CREATE INDEX "Referral_region_status_deadlineAt_idx" ON "Referral"("region", "status", "deadlineAt");
CREATE INDEX "Referral_referringOrganisationId_createdAt_idx" ON "Referral"("referringOrganisationId", "createdAt");
CREATE INDEX "Referral_caseId_idx" ON "Referral"("caseId");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referringOrganisationId_fkey" FOREIGN KEY ("referringOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "InclusionCriterion" (
    "id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "key" TEXT,
    "labelNl" TEXT NOT NULL DEFAULT '',
    "labelEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InclusionCriterion_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InclusionCriterion_region_position_idx" ON "InclusionCriterion"("region", "position");
CREATE UNIQUE INDEX "InclusionCriterion_region_key_key" ON "InclusionCriterion"("region", "key");

-- CreateTable
CREATE TABLE "TriageSetting" (
    "region" TEXT NOT NULL,
    "routineWorkingDays" INTEGER NOT NULL DEFAULT 5,
    "urgentWorkingDays" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TriageSetting_pkey" PRIMARY KEY ("region")
);
