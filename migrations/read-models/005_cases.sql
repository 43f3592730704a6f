CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  folder_id TEXT,
  owner_id TEXT,
  title TEXT NOT NULL,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL,
  held_reason TEXT,
  missing TEXT NOT NULL,
  teaching TEXT NOT NULL,
  author_subject TEXT,
  author TEXT,
  author_gmc TEXT,
  submitter_note TEXT,
  sender TEXT NOT NULL,
  routing TEXT NOT NULL,
  procedure_codes TEXT NOT NULL,
  modalities TEXT NOT NULL,
  body_parts TEXT NOT NULL,
  pixel_review TEXT NOT NULL,
  phi_warnings TEXT NOT NULL,
  warnings TEXT NOT NULL DEFAULT '[]',
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_folder ON cases (folder_id);
CREATE INDEX cases_author_gmc ON cases (author_gmc);

CREATE TABLE case_series (
  case_id TEXT NOT NULL,
  study_instance_uid TEXT NOT NULL,
  study_date TEXT,
  series_instance_uid TEXT NOT NULL,
  modality TEXT,
  series_number INTEGER,
  description TEXT,
  body_part TEXT,
  PRIMARY KEY (case_id, series_instance_uid)
);

CREATE TABLE case_instances (
  case_id TEXT NOT NULL,
  series_instance_uid TEXT NOT NULL,
  sop_instance_uid TEXT NOT NULL,
  sop_class_uid TEXT NOT NULL,
  kind TEXT NOT NULL,
  instance_number INTEGER,
  number_of_frames INTEGER,
  rows INTEGER,
  columns INTEGER,
  transfer_syntax_uid TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (case_id, sop_instance_uid)
);
CREATE INDEX case_instances_series ON case_instances (case_id, series_instance_uid, instance_number);
