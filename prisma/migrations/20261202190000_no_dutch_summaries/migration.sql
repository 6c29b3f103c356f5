-- Summaries the app wrote itself are no longer stored as Dutch text: the version history says
-- them in the reader's language (restored from N, first version, reviewed without changes).
UPDATE "RoleProfileVersion" SET "changeSummary" = ''
WHERE ("restoredFrom" IS NOT NULL AND "changeSummary" = 'Versie ' || "restoredFrom" || ' teruggezet')
   OR "changeSummary" IN ('Herzien, geen wijzigingen', 'Eerste versie (demo-inrichting)');
