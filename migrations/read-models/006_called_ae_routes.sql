CREATE TABLE called_ae_routes (ae_title TEXT PRIMARY KEY, folder_id TEXT NOT NULL, set_at TEXT NOT NULL);
