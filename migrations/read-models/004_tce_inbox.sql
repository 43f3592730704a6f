CREATE TABLE tce_submissions (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  manifests TEXT NOT NULL DEFAULT '[]',
  expected TEXT NOT NULL DEFAULT '[]',
  purpose TEXT,
  hold_reason TEXT,
  merged_into TEXT,
  opened_at TEXT NOT NULL,
  last_activity_at TEXT NOT NULL
);
CREATE INDEX tce_submissions_status ON tce_submissions (status);

CREATE TABLE tce_instances (
  sop_instance_uid TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  kind TEXT NOT NULL,
  sop_class_uid TEXT NOT NULL,
  study_instance_uid TEXT NOT NULL,
  series_instance_uid TEXT NOT NULL,
  columns TEXT,
  pixel_review INTEGER NOT NULL DEFAULT 0,
  phi_warnings TEXT NOT NULL DEFAULT '[]',
  received_at TEXT NOT NULL,
  transport TEXT NOT NULL,
  calling_aet TEXT NOT NULL,
  called_aet TEXT NOT NULL,
  peer_address TEXT NOT NULL,
  association_id TEXT NOT NULL
);

CREATE TABLE tce_quarantine (
  sop_instance_uid TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  sop_class_uid TEXT NOT NULL,
  findings TEXT NOT NULL,
  received_at TEXT NOT NULL,
  calling_aet TEXT NOT NULL,
  peer_address TEXT NOT NULL,
  transport TEXT NOT NULL
);

CREATE TABLE dicom_associations (
  id TEXT PRIMARY KEY,
  transport TEXT NOT NULL,
  calling_aet TEXT NOT NULL,
  called_aet TEXT NOT NULL,
  peer_address TEXT NOT NULL,
  node_id TEXT,
  outcome TEXT NOT NULL,
  reason TEXT,
  opened_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  stored INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dicom_associations_ended ON dicom_associations (ended_at);

CREATE TABLE refused_instances (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  association_id TEXT NOT NULL,
  transport TEXT NOT NULL,
  sop_instance_uid TEXT,
  status INTEGER NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
