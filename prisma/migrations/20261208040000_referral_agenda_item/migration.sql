-- A referral's agenda item as a foreign key: taking the item off the agenda clears the link
-- (a link to an item that was removed before this migration is cleared first).
UPDATE "Referral" r SET "agendaItemId" = NULL
WHERE r."agendaItemId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "AgendaItem" i WHERE i.id = r."agendaItemId");

-- The region of a former agenda proposal is its case's region (as for every new referral), not
-- the proposing organisation's.
UPDATE "Referral" r SET "region" = c.region FROM "Case" c WHERE c.id = r."caseId" AND r.region <> c.region;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
