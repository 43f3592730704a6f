CREATE TABLE sending_nodes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  ae_title TEXT NOT NULL,
  host TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  registered_at TEXT NOT NULL
);
CREATE UNIQUE INDEX sending_nodes_ae ON sending_nodes (ae_title);
