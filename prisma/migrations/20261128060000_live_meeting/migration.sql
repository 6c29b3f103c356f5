-- CreateEnum
CREATE TYPE "Involvement" AS ENUM ('LEADS', 'CONTRIBUTES', 'INFORMED');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('OPEN', 'ADDRESSED');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE');

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedWithOpenNeeds" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "liveSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AgendaItemTable" ADD COLUMN     "involvement" "Involvement",
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "currentItemId" TEXT,
ADD COLUMN     "currentItemSince" TIMESTAMP(3),
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "liveSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RoleCard" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "roleInCase" TEXT NOT NULL DEFAULT '',
    "knowledge" TEXT NOT NULL DEFAULT '',
    "knowledgeLegalBasis" TEXT NOT NULL DEFAULT '',
    "contribution" TEXT NOT NULL DEFAULT '',
    "limitsHere" TEXT NOT NULL DEFAULT '',
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoleCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "NeedStatus" NOT NULL DEFAULT 'OPEN',
    "addressedByOrganisationId" TEXT,
    "addressedNote" TEXT NOT NULL DEFAULT '',
    "addressedById" TEXT,
    "addressedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionDissent" (
    "decisionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "DecisionDissent_pkey" PRIMARY KEY ("decisionId","organisationId")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerOrganisationId" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "dueDate" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveMutation" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveMutation_pkey" PRIMARY KEY ("userId","key")
);

-- CreateTable
CREATE TABLE "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "payload" BYTEA
);

-- CreateIndex
CREATE UNIQUE INDEX "RoleCard_agendaItemId_organisationId_key" ON "RoleCard"("agendaItemId", "organisationId");

-- CreateIndex
CREATE INDEX "Need_agendaItemId_idx" ON "Need"("agendaItemId");

-- CreateIndex
CREATE INDEX "Decision_agendaItemId_idx" ON "Decision"("agendaItemId");

-- CreateIndex
CREATE INDEX "Action_agendaItemId_idx" ON "Action"("agendaItemId");

-- CreateIndex
CREATE INDEX "Action_ownerOrganisationId_status_idx" ON "Action"("ownerOrganisationId", "status");

-- CreateIndex
CREATE INDEX "Action_caseId_idx" ON "Action"("caseId");

-- CreateIndex
CREATE INDEX "LiveMutation_createdAt_idx" ON "LiveMutation"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "socket_io_attachments_id_key" ON "socket_io_attachments"("id");

-- AddForeignKey
ALTER TABLE "RoleCard" ADD CONSTRAINT "RoleCard_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleCard" ADD CONSTRAINT "RoleCard_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_addressedByOrganisationId_fkey" FOREIGN KEY ("addressedByOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionDissent" ADD CONSTRAINT "DecisionDissent_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionDissent" ADD CONSTRAINT "DecisionDissent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

