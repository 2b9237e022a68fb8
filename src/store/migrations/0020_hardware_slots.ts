import type { Migration } from "../migration.ts";

/**
 * Hardware (issue 19): the parts seen in each slot by the detector, so that a part whose
 * slot later reports `State: Absent` is known to be missing (not an empty bay by design).
 */
export const MIGRATION_0020: Migration = {
  version: 20,
  description: "hardware: parts seen per slot",
  sql: `
CREATE TABLE hardware_slots (
  slot      TEXT PRIMARY KEY,
  serial    TEXT,
  last_seen TEXT NOT NULL
);
`,
};
