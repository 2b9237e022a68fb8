import type { Migration } from "../migration.ts";

/**
 * Hardware (issue 19): one workflow per failed server part (stored as a JSON document, the
 * slot and serial as columns for lookups) and its step journal. Version 19 leaves 6–18 to
 * other features; missing versions are applied in order.
 */
export const MIGRATION_0019: Migration = {
  version: 19,
  description: "hardware: part workflows and their journal",
  sql: `
CREATE TABLE hardware_workflows (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  slot       TEXT NOT NULL,
  serial     TEXT,
  active     INTEGER NOT NULL CHECK (active IN (0, 1)),
  doc        TEXT NOT NULL,   -- the PartWorkflow as JSON
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX hardware_workflows_slot ON hardware_workflows (slot, id);
CREATE UNIQUE INDEX hardware_workflows_one_active ON hardware_workflows (slot) WHERE active = 1;
CREATE TABLE hardware_journal (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  workflow_id INTEGER NOT NULL REFERENCES hardware_workflows (id),
  at          TEXT NOT NULL,
  step        TEXT NOT NULL,
  note        TEXT NOT NULL
);
`,
};
