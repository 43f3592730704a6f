CREATE TABLE folder_cases (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  folder_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  title TEXT NOT NULL,
  filed_at TEXT NOT NULL,
  UNIQUE (folder_id, case_id)
);
CREATE INDEX folder_cases_folder ON folder_cases (folder_id, seq);
