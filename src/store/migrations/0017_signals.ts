import type { Migration } from "../migration.ts";

/**
 * Signals beyond SMART (issue 17): every decision the combined signals led to (warn,
 * ticket, removal) with its evidence, the ticket it opened, and the alarm's outcome when
 * the ticket ended (true alarm: replaced and verified; false alarm: won't do, or the same
 * disk back), from which precision per signal and per drive model is computed.
 */
export const MIGRATION_0017: Migration = {
  version: 17,
  description: "signal decisions, evidence and alarm outcomes",
  sql: `
CREATE TABLE signal_decisions (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  disk_key       TEXT NOT NULL,
  model          TEXT,                                  -- drive model at decision time
  decided_at     TEXT NOT NULL,
  level          TEXT NOT NULL CHECK (level IN ('warn','ticket','remove')),
  score          REAL NOT NULL,
  fired          TEXT NOT NULL,                         -- JSON array of signal ids
  evidence       TEXT NOT NULL,                         -- JSON array of readings
  summary        TEXT NOT NULL,
  ticket_id      TEXT,                                  -- the ticket this decision opened or joined
  outcome        TEXT CHECK (outcome IN ('true_alarm','false_alarm')),
  ticket_end     TEXT CHECK (ticket_end IN ('replaced_verified','wont_do','same_disk_back')),
  outcome_at     TEXT,
  outcome_reason TEXT
);
CREATE INDEX signal_decisions_disk ON signal_decisions(disk_key, id);
CREATE INDEX signal_decisions_ticket ON signal_decisions(ticket_id);
`,
};
