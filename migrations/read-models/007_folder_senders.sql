ALTER TABLE folders ADD COLUMN allowed_senders TEXT;
