import type { Migration } from "../migration.ts";

/**
 * Detector: one replacement workflow per failing disk and attempt (every step stored
 * before its side effect), the step journal, and the audited approvals.
 */
export const MIGRATION_0005: Migration = {
  version: 5,
  description: "detector: replacement workflows, step journal, approvals",
  sql: `
CREATE TABLE detect_workflows (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  disk_key            TEXT NOT NULL,            -- DiskIdentity.key of the failed disk
  attempt             INTEGER NOT NULL,         -- 1, 2 … when the disk fails again (B-72)
  host                TEXT NOT NULL,
  path                TEXT NOT NULL,            -- the slot
  serial              TEXT NOT NULL,
  wwn                 TEXT,
  model               TEXT,
  reasons             TEXT NOT NULL DEFAULT '[]', -- JSON array
  status              TEXT NOT NULL CHECK (status IN ('active','done','cancelled')),
  step                TEXT NOT NULL,
  outcome             TEXT,                     -- replaced, wont_do, disk_back, same_disk, rejected
  approval            TEXT NOT NULL CHECK (approval IN ('not_required','pending','approved','rejected')),
  approved_by         TEXT,
  safety              TEXT,                     -- JSON: last safe-to-remove answer
  removal             TEXT NOT NULL CHECK (removal IN ('pending','requested','done','skipped')),
  remove_op_id        TEXT,
  remove_requested_at TEXT,
  osd_id              INTEGER,                  -- kept for the replacement
  ticket              TEXT NOT NULL CHECK (ticket IN ('none','requested','filed')),
  ticket_id           TEXT,
  ticket_key          TEXT,
  ticket_url          TEXT,
  resolution          TEXT CHECK (resolution IN ('open','resolved','wont_do','missing')),
  resolution_name     TEXT,
  replacement_key     TEXT,
  replacement_serial  TEXT,
  add_state           TEXT NOT NULL CHECK (add_state IN ('pending','requested','done')),
  add_op_id           TEXT,
  add_requested_at    TEXT,
  close_state         TEXT NOT NULL CHECK (close_state IN ('pending','requested','done')),
  vanished_seen       INTEGER NOT NULL DEFAULT 0,
  marks               TEXT NOT NULL DEFAULT '[]', -- JSON array of one-shot markers
  note                TEXT NOT NULL DEFAULT '',
  errors              INTEGER NOT NULL DEFAULT 0,
  retry_at            TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  closed_at           TEXT,
  UNIQUE (disk_key, attempt)
);
-- At most one active workflow per disk.
CREATE UNIQUE INDEX detect_workflows_one_active ON detect_workflows(disk_key) WHERE status = 'active';
CREATE INDEX detect_workflows_serial ON detect_workflows(serial);

-- Every step, written in the same transaction as the workflow row.
CREATE TABLE detect_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  workflow_id INTEGER NOT NULL REFERENCES detect_workflows(id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  step        TEXT NOT NULL,
  event       TEXT NOT NULL
);
CREATE INDEX detect_events_workflow ON detect_events(workflow_id, id);

-- Operator decisions in manual approval mode (audit trail; never updated or deleted).
CREATE TABLE detect_approvals (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  workflow_id INTEGER NOT NULL REFERENCES detect_workflows(id),
  serial      TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('approve','reject')),
  actor       TEXT NOT NULL,
  via         TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL
);
`,
};
