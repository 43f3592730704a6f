CREATE TABLE users (
  id TEXT PRIMARY KEY,
  display_name TEXT,
  email TEXT,
  email_key TEXT,
  gmc_number TEXT,
  gmc_key TEXT,
  password_hash TEXT,
  is_admin INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  registered_at TEXT NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX users_gmc_key ON users (gmc_key);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  method TEXT NOT NULL,
  started_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE folders (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_position INTEGER NOT NULL
);
CREATE INDEX folders_owner ON folders (owner_id);

CREATE TABLE audit_entries (
  position INTEGER PRIMARY KEY,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT,
  source TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  causation_id TEXT
);
CREATE INDEX audit_entries_stream ON audit_entries (stream_id, revision);
