-- AlterEnum
ALTER TYPE "NeedStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "addressedOnBehalf" BOOLEAN NOT NULL DEFAULT false;
