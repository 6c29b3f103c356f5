-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "earlierTexts" TEXT[] DEFAULT ARRAY[]::TEXT[];
