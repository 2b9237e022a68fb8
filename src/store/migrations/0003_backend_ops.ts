import type { Migration } from "../migration.ts";

/**
 * Backend operation journal: every remove/add of a disk, recorded step by step so a crash
 * mid-operation resumes from the recorded step (and never repeats a destructive step on
 * another device: the device identity and the OSD fsid are recorded before them).
 */
export const MIGRATION_0003: Migration = {
  version: 3,
  description: "backend operation journal",
  sql: `
CREATE TABLE backend_ops (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  backend         TEXT NOT NULL,                 -- 'ceph'
  kind            TEXT NOT NULL CHECK (kind IN ('remove','add')),
  device          TEXT NOT NULL,                 -- device path at the start
  device_identity TEXT,                          -- wwn:/serial: key seen at the start
  osd_id          INTEGER,
  osd_fsid        TEXT,                          -- remove: fsid of the OSD on the device; add: of the new OSD
  status          TEXT NOT NULL CHECK (status IN ('running','done','abandoned')),
  plan            TEXT NOT NULL,                 -- JSON PlanStep[]
  state           TEXT NOT NULL DEFAULT '{}',    -- JSON: flags set by us, lease key, weigh-in memory
  last_error      TEXT,
  started_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  finished_at     TEXT
);
CREATE UNIQUE INDEX backend_ops_one_running_per_device ON backend_ops(backend, device)
  WHERE status = 'running';
CREATE INDEX backend_ops_osd ON backend_ops(osd_id, status);

CREATE TABLE backend_op_steps (
  op_id       INTEGER NOT NULL REFERENCES backend_ops(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  name        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('pending','running','done','failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  started_at  TEXT,
  finished_at TEXT,
  detail      TEXT,
  PRIMARY KEY (op_id, seq)
);
`,
};
