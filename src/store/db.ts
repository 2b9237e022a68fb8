/**
 * The SQLite database (node:sqlite, WAL) with versioned migrations.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { dirname } from "node:path";
import { BynarError } from "../errors.ts";
import { MIGRATIONS } from "./migrations/mod.ts";
import type { Migration } from "./migration.ts";

export type { Migration } from "./migration.ts";

/** Options for {@linkcode openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * Open read-only (no migrations are applied; fails if the schema is older).
   * @default false
   */
  readOnly?: boolean;
  /**
   * Migrations to apply.
   * @default MIGRATIONS
   */
  migrations?: readonly Migration[];
}

/** Thrown when the database cannot be opened or migrated. */
export class StoreError extends BynarError {
  /**
   * Creates a store error.
   *
   * @param message What failed.
   * @param options Cause.
   */
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("store_failed", message, options);
    this.name = "StoreError";
  }
}

/**
 * Opens (creating if needed) the database at `path`, in WAL mode, and applies every
 * pending migration in one transaction each.
 *
 * @param path File path, or `:memory:`.
 * @param options Read-only mode and the migration list.
 * @returns The open database.
 * @throws {StoreError} When the file cannot be opened or a migration fails.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): DatabaseSync {
  const migrations = options.migrations ?? MIGRATIONS;
  if (path !== ":memory:" && !options.readOnly) {
    try {
      Deno.mkdirSync(dirname(path), { recursive: true, mode: 0o750 });
    } catch (err) {
      throw new StoreError(
        `Cannot create the directory of database "${path}": ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: options.readOnly ?? false });
    db.exec("PRAGMA busy_timeout = 5000");
    if (!options.readOnly) {
      db.exec("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
    }
    db.exec("PRAGMA foreign_keys = ON");
  } catch (err) {
    throw new StoreError(`Cannot open database "${path}": ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (!options.readOnly) migrate(db, migrations);
  return db;
}

/**
 * Returns the schema version recorded in the database (0 for a new database).
 *
 * @param db The database.
 * @returns The version.
 */
export function schemaVersion(db: DatabaseSync): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as
    | { v: number | null }
    | undefined;
  return row?.v ?? 0;
}

/**
 * Applies every migration not yet recorded, in version order, each in its own transaction.
 *
 * A migration is pending when its version is missing from `schema_migrations`, not merely
 * when it is above the highest recorded version, so a migration added with a lower number
 * (features developed in parallel) is still applied to an existing database.
 *
 * @param db The database.
 * @param migrations The migrations.
 * @returns The versions applied.
 * @throws {StoreError} When a migration fails (it is rolled back).
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[]): number[] {
  schemaVersion(db);
  const done = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[])
      .map((r) => r.version),
  );
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) {
      throw new StoreError(`Cannot migrate: two migrations share version ${sorted[i]!.version}`);
    }
  }
  const applied: number[] = [];
  for (const m of sorted) {
    if (done.has(m.version)) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(m.sql);
      db.prepare(
        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
      ).run(m.version, m.description, new Date().toISOString());
      db.exec("COMMIT");
      applied.push(m.version);
    } catch (err) {
      db.exec("ROLLBACK");
      throw new StoreError(
        `Cannot apply migration ${m.version} (${m.description}): ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  return applied;
}

/**
 * Runs `fn` inside a transaction (BEGIN IMMEDIATE … COMMIT), rolling back on error.
 *
 * @param db The database.
 * @param fn The work.
 * @returns What `fn` returns.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const out = fn();
    db.exec("COMMIT");
    return out;
  } catch (err) {
    db.exec("ROLLBACK");
    throw err;
  }
}
