/**
 * Composition root of `bynar stats` and of the signal evidence `bynar disks` shows: reads
 * the stored signal decisions and alarm outcomes (read-only) and computes precision per
 * signal and per drive model.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { databasePath, loadConfig } from "../config/load.ts";
import { openDatabase } from "../store/db.ts";
import { SignalsRepo, type StoredDecision } from "../store/signals_repo.ts";
import { type PrecisionReport, precisionReport } from "../signals/precision.ts";

/** Options of the stats program. */
export interface StatsOptions {
  /** Configuration directory (for bynar.json `database_path`). */
  configDir: string;
  /** Database path. @default bynar.json database_path */
  db?: string | undefined;
}

/** What `bynar stats` shows. */
export interface StatsResult {
  /** The database read. */
  database: string;
  /** Precision per signal, model, and model/signal. */
  precision: PrecisionReport;
  /** Alarms still waiting for their ticket's end. */
  pending: number;
}

async function dbPathOf(options: StatsOptions): Promise<string> {
  if (options.db) return options.db;
  const config = await loadConfig(options.configDir, { files: ["bynar"] });
  return databasePath(config.bynar);
}

function withRepo<T>(path: string, empty: T, fn: (repo: SignalsRepo) => T): T {
  if (!existsSync(path)) return empty;
  const db = openDatabase(path, { readOnly: true });
  try {
    return fn(new SignalsRepo(db));
  } catch (err) {
    // A database older than the signals schema has no decisions yet.
    if (/no such table: signal_decisions/.test((err as Error).message)) return empty;
    throw err;
  } finally {
    db.close();
  }
}

/**
 * Computes the precision of the signals from the stored alarm outcomes (read-only).
 *
 * @param options Configuration directory and database.
 * @returns The report.
 * @throws {ConfigError} When bynar.json is invalid.
 * @throws {StoreError} When the database cannot be opened.
 */
export async function statsProgram(options: StatsOptions): Promise<StatsResult> {
  const database = await dbPathOf(options);
  return withRepo(database, { database, precision: precisionReport([]), pending: 0 }, (repo) => ({
    database,
    precision: precisionReport(repo.outcomes()),
    pending: repo.decisions({ limit: 1_000_000 }).filter((d) =>
      d.ticketId !== null && d.outcome === null
    ).length,
  }));
}

/**
 * Reads each disk's newest signal decision with its evidence (read-only).
 *
 * @param dbPath The database.
 * @returns By disk key (empty without a database or decisions).
 * @throws {StoreError} When the database cannot be opened.
 */
export function readSignalDecisions(dbPath: string): Map<string, StoredDecision> {
  return withRepo(dbPath, new Map(), (repo) => repo.latestByDisk());
}
