import type { Migration } from "../migration.ts";

/** Disk-manager API operations (remove/add progress, polled by id). */
export const MIGRATION_0004: Migration = {
  version: 4,
  description: "disk-manager API operations",
  sql: `
CREATE TABLE api_operations (
  id            TEXT PRIMARY KEY,
  op            TEXT NOT NULL,               -- Remove | Add
  disk          TEXT NOT NULL,               -- device path named in the request
  disk_identity TEXT,                        -- serial/WWN/key named in the request
  state         TEXT NOT NULL CHECK (state IN ('PENDING','RUNNING','SUCCEEDED','FAILED')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  requested_by  TEXT,
  record        TEXT NOT NULL                -- the OperationStatus message as JSON
);
CREATE INDEX api_operations_created ON api_operations(created_at);
`,
};
