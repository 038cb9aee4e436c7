-- Activity lines in the owner's language: the code of the sentence and its values (a JSON
-- object) beside the English text, which stays for the command line and for older lines.
ALTER TABLE activity ADD COLUMN code TEXT;
ALTER TABLE activity ADD COLUMN params TEXT CHECK (params IS NULL OR json_valid(params));
