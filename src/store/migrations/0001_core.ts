import type { Migration } from "../migration.ts";

/** Core tables: known disks and the history of health checks. */
export const MIGRATION_0001: Migration = {
  version: 1,
  description: "disks and check history",
  sql: `
CREATE TABLE disks (
  disk_key     TEXT PRIMARY KEY,          -- wwn:/serial:/path: key (see DiskIdentity.key)
  path         TEXT NOT NULL,             -- last seen device path
  name         TEXT NOT NULL,
  model        TEXT,
  serial       TEXT,
  wwn          TEXT,
  by_id_path   TEXT,
  disk_type    TEXT NOT NULL,
  size_bytes   INTEGER NOT NULL,
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL,
  vanished_at  TEXT                       -- set when a known disk is gone from the host
);
CREATE INDEX disks_path ON disks(path);

CREATE TABLE check_results (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  disk_key        TEXT NOT NULL REFERENCES disks(disk_key) ON DELETE CASCADE,
  checked_at      TEXT NOT NULL,
  path            TEXT NOT NULL,
  verdict         TEXT NOT NULL CHECK (verdict IN ('ok','warning','critical','unknown')),
  reasons         TEXT NOT NULL,          -- JSON array of sentences
  smart_source    TEXT NOT NULL,
  smart_status    INTEGER,                -- 1 good, 0 failing, NULL unknown
  reallocated     INTEGER,                -- ATA 5 raw
  pending         INTEGER,                -- ATA 197 raw
  offline_uncorr  INTEGER,                -- ATA 198 raw
  reported_uncorr INTEGER,                -- ATA 187 raw
  command_timeout INTEGER,                -- ATA 188 raw
  media_errors    TEXT,                   -- NVMe (decimal string, 128-bit)
  percentage_used INTEGER,                -- NVMe
  grown_defects   INTEGER,                -- SCSI
  power_on_hours  INTEGER,
  temperature_c   REAL
);
CREATE INDEX check_results_disk_time ON check_results(disk_key, checked_at);
`,
};
