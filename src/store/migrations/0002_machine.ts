import type { Migration } from "../migration.ts";

/** State machine: per-disk state, transition history and the intent journal. */
export const MIGRATION_0002: Migration = {
  version: 2,
  description: "disk state machine: states, transitions, intents",
  sql: `
CREATE TABLE machine_disks (
  disk_key      TEXT PRIMARY KEY,          -- DiskIdentity.key
  path          TEXT NOT NULL,             -- last seen device path (the slot)
  serial        TEXT,
  state         TEXT NOT NULL CHECK (state IN ('unscanned','scanned','good','not_mounted',
                  'mounted','mount_failed','read_only','write_failed','corrupt','repaired',
                  'repair_failed','reformatted','reformat_failed','worn_out',
                  'waiting_for_replacement','replaced')),
  reason        TEXT NOT NULL DEFAULT '',  -- why the disk is in this state (or held there)
  fs_type       TEXT,                      -- last known filesystem (kept for reformat)
  fs_uuid       TEXT,
  fs_label      TEXT,
  smart_verdict TEXT,
  vanished      INTEGER NOT NULL DEFAULT 0,
  replaced_by   TEXT,                      -- disk_key of the replacement
  holds         INTEGER NOT NULL DEFAULT 0,-- consecutive passes ended on hold
  updated_at    TEXT NOT NULL
);
CREATE INDEX machine_disks_path ON machine_disks(path);

CREATE TABLE machine_transitions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  disk_key    TEXT NOT NULL REFERENCES machine_disks(disk_key) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  from_state  TEXT NOT NULL,
  to_state    TEXT NOT NULL,
  step        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  pass_id     TEXT NOT NULL
);
CREATE INDEX machine_transitions_disk ON machine_transitions(disk_key, id);

-- Written BEFORE every side effect, deleted after it is finished or undone.
CREATE TABLE machine_intents (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  disk_key    TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('temp_mount','scratch','remount','repair','reformat')),
  device      TEXT NOT NULL,
  path        TEXT,                        -- mount point or scratch directory
  detail      TEXT NOT NULL DEFAULT '',
  pid         INTEGER NOT NULL,
  created_at  TEXT NOT NULL
);
`,
};
