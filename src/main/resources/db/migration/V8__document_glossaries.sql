-- A document's glossary (glossary_id on POST /api/v1/documents): the glossary and version it was uploaded with, and a
-- copy of that version's dictionary for the document's language pair (TSV), AES-GCM sealed under the document's key
-- like its text. Every part is translated with this copy, so a glossary changed or deleted while the job waits or
-- runs changes nothing of the document (hence no foreign key). The copy is erased with the original when the job ends.
ALTER TABLE documents ADD COLUMN glossary_id VARCHAR(40);
ALTER TABLE documents ADD COLUMN glossary_version INTEGER;
ALTER TABLE documents ADD COLUMN glossary_entries BYTEA;
