-- Corrections of an action (text, due date, owner) kept in its history, and moves to another
-- organisation that wait for that organisation to accept.
CREATE TYPE "ActionUpdateKind" AS ENUM ('STATUS', 'CORRECTION', 'TRANSFER_OFFERED', 'TRANSFER_DECLINED');
CREATE TYPE "CorrectionSource" AS ENUM ('TABLE', 'ACTIONS', 'MINUTES');

ALTER TABLE "ActionUpdate" ADD COLUMN "kind" "ActionUpdateKind" NOT NULL DEFAULT 'STATUS',
  ADD COLUMN "via" "CorrectionSource",
  ADD COLUMN "changes" JSONB;

ALTER TABLE "Action" ADD COLUMN "transferToOrganisationId" TEXT;
ALTER TABLE "Action" ADD CONSTRAINT "Action_transferToOrganisationId_fkey" FOREIGN KEY ("transferToOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Action_transferToOrganisationId_idx" ON "Action"("transferToOrganisationId");

-- An amendment to approved minutes may correct an action or a decision itself.
CREATE TYPE "AmendmentKind" AS ENUM ('TEXT', 'ACTION', 'DECISION');
ALTER TABLE "MinutesAmendment" ADD COLUMN "kind" "AmendmentKind" NOT NULL DEFAULT 'TEXT',
  ADD COLUMN "actionId" TEXT,
  ADD COLUMN "decisionId" TEXT,
  ADD COLUMN "changes" JSONB;
