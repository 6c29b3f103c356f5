-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "profileCapabilities" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "profileLegalBases" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "profileReviewedAt" TIMESTAMP(3),
ADD COLUMN     "profileSummary" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "profileVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RoleProfileVersion" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "changeSummary" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restoredFrom" INTEGER,

    CONSTRAINT "RoleProfileVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoleProfileVersion_organisationId_number_key" ON "RoleProfileVersion"("organisationId", "number");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE INDEX "Organisation_region_idx" ON "Organisation"("region");

-- AddForeignKey
ALTER TABLE "RoleProfileVersion" ADD CONSTRAINT "RoleProfileVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

