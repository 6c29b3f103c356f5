-- Plan van aanpak: goals per phase, each led by an organisation, with a state, a review date and linked actions.
-- CreateEnum
CREATE TYPE "PlanPhase" AS ENUM ('IMMEDIATE_SAFETY', 'STABLE_SAFETY', 'RECOVERY');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'MET', 'DROPPED');

-- CreateTable
CREATE TABLE "CaseGoal" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "phase" "PlanPhase" NOT NULL,
    "text" TEXT NOT NULL,
    "leadOrganisationId" TEXT NOT NULL,
    "contributorOrganisationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "GoalStatus" NOT NULL DEFAULT 'OPEN',
    "reviewDate" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CaseGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseGoalAction" (
    "goalId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,

    CONSTRAINT "CaseGoalAction_pkey" PRIMARY KEY ("goalId","actionId")
);

-- CreateIndex
CREATE INDEX "CaseGoal_caseId_idx" ON "CaseGoal"("caseId");

-- CreateIndex
CREATE INDEX "CaseGoalAction_actionId_idx" ON "CaseGoalAction"("actionId");

-- AddForeignKey
ALTER TABLE "CaseGoal" ADD CONSTRAINT "CaseGoal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseGoal" ADD CONSTRAINT "CaseGoal_leadOrganisationId_fkey" FOREIGN KEY ("leadOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseGoalAction" ADD CONSTRAINT "CaseGoalAction_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "CaseGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseGoalAction" ADD CONSTRAINT "CaseGoalAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

