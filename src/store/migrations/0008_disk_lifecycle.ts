import type { Migration } from "../migration.ts";

/**
 * Disk lifecycle: the SCSI failed-command counter at the last check (to report new I/O
 * errors as a delta), and the audited acknowledgements of vanished disks
 * (`bynar disks forget`), which stop `--check` reporting them.
 */
export const MIGRATION_0008: Migration = {
  version: 8,
  description: "disk lifecycle: I/O error counter, forgotten disks",
  sql: `
ALTER TABLE disks ADD COLUMN io_errors INTEGER;        -- /sys/block/<disk>/device/ioerr_cnt at the last check
ALTER TABLE disks ADD COLUMN forgotten_at TEXT;        -- set by 'bynar disks forget', cleared when seen again
CREATE TABLE disk_acknowledgements (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  disk_key  TEXT NOT NULL,
  serial    TEXT,
  path      TEXT NOT NULL,                             -- last seen path (the slot)
  action    TEXT NOT NULL CHECK (action IN ('forget')),
  actor     TEXT NOT NULL,                             -- who (SUDO_USER, USER, LOGNAME or uid)
  reason    TEXT NOT NULL,                             -- why, as given
  at        TEXT NOT NULL                              -- when (ISO)
);
CREATE INDEX disk_acknowledgements_disk ON disk_acknowledgements(disk_key, id);
`,
};
