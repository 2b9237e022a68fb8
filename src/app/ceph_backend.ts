/**
 * Composition of the Ceph backend: one shared librados connection, the release and pool
 * checks, the host adapter (ceph-volume, sgdisk, …), the daemon control and the SQLite
 * operation journal.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { getRadosConnection } from "../../ffi/librados/mod.ts";
import {
  CephBackend,
  createCephHost,
  createDaemonControl,
  MIN_CEPH_MAJOR,
  RadosClusterApi,
} from "../backend/ceph/mod.ts";
import { TransientRetryingClusterApi } from "../backend/ceph/transient.ts";
import type { Clock } from "../shared/clock.ts";
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import type { CephConfig } from "../config/schema.ts";
import { openDatabase } from "../store/db.ts";
import { ConfigError } from "../errors.ts";
import { type CommandRunner, SYSTEM_RUNNER } from "../process/run.ts";
import { hostNamespaceRunner } from "../process/transient_unit.ts";
import { BackendOpsRepo } from "../store/backend_ops_repo.ts";

/** Options of {@linkcode createCephBackend}. */
export interface CreateCephBackendOptions {
  /** The database holding the operation journal (migrated). */
  db: DatabaseSync;
  /** Program runner. */
  runner?: CommandRunner;
  /** Clock. */
  clock?: Clock;
  /**
   * OSD data root.
   * @default "/var/lib/ceph/osd"
   */
  osdDataRoot?: string;
  /** Log sink (transient Ceph answers that were asked again). */
  log?: (line: string) => void;
}

/**
 * Connects (one shared librados connection per process), checks the release (14+, B-52)
 * and `pool_name`, and builds the Ceph backend.
 *
 * @param config Validated ceph.json.
 * @param options Database, runner, clock.
 * @returns The backend.
 * @throws {ConfigError} When the release is older than Nautilus or `pool_name` is missing.
 * @throws {RadosError} When the cluster cannot be reached within `client_mount_timeout`.
 */
export async function createCephBackend(
  config: CephConfig,
  options: CreateCephBackendOptions,
): Promise<CephBackend> {
  const rados = await getRadosConnection({
    confPath: config.config_file,
    user: config.user_id,
    cluster: config.cluster_name,
    mountTimeoutSeconds: config.client_mount_timeout,
    ...(config.keyring ? { conf: { keyring: config.keyring } } : {}),
  });
  const log = options.log;
  // The one policy for transient answers ("not yet"): every call asked again within
  // transient_retry_seconds.
  const api = new TransientRetryingClusterApi(new RadosClusterApi(rados), {
    deadlineMs: config.transient_retry_seconds * 1000,
    ...(log
      ? {
        onRetry: (what: string, reason: string, attempt: number) =>
          log(`ceph: ${what}: not yet (${reason}); asking again (attempt ${attempt + 1})`),
      }
      : {}),
  });
  const version = await api.version();
  if (version.major < MIN_CEPH_MAJOR) {
    throw new ConfigError(
      "ceph.json",
      `Cannot use Ceph ${version.major}.${version.minor}.${version.patch}: Bynar supports Ceph ${MIN_CEPH_MAJOR} (Nautilus) and later`,
    );
  }
  if (config.pool_name && !(await api.pools()).includes(config.pool_name)) {
    throw new ConfigError(
      "ceph.json",
      `Cannot use pool_name "${config.pool_name}": no such pool in the cluster`,
      { field: "pool_name" },
    );
  }
  // Under systemd, ceph-volume and umount run in transient units of the host's mount
  // namespace, so OSD mounts reach ceph-osd@N (see process/transient_unit.ts).
  const base = options.runner ?? SYSTEM_RUNNER;
  const runner = config.daemon_control === "systemd" ? hostNamespaceRunner(base) : base;
  let runDir = "/run/ceph";
  try {
    runDir = rados.confGet("run_dir");
  } catch { /* default */ }
  return new CephBackend({
    config,
    api,
    host: createCephHost({
      runner,
      volume: {
        confPath: config.config_file,
        allowLoop: config.allow_loop_devices,
        ...(config.ceph_volume_log_dir ? { logDir: config.ceph_volume_log_dir } : {}),
      },
      systemDisks: config.system_disks.map((d) => d.device),
    }),
    daemons: createDaemonControl({
      kind: config.daemon_control,
      runner,
      cluster: config.cluster_name,
      confPath: config.config_file,
      runDir,
    }),
    repo: new BackendOpsRepo(options.db),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.osdDataRoot ? { osdDataRoot: options.osdDataRoot } : {}),
  });
}

/** The configuration files `bynar ceph` reads. */
export const CEPH_CONFIG_FILES = ["bynar", "ceph"] as const;

/** Options of {@linkcode withCephBackend} and {@linkcode listBackendOps}. */
export interface CephProgramOptions {
  /** The configuration directory. */
  configDir: string;
  /** Database path. @default bynar.json database_path */
  db?: string | undefined;
}

/**
 * Loads the configuration `bynar ceph` needs (`bynar.json`, `ceph.json`).
 *
 * @param configDir The configuration directory.
 * @returns The configuration.
 * @throws {ConfigError} When one of those files is invalid.
 */
export function loadCephConfig(configDir: string): Promise<Config> {
  return loadConfig(configDir, { files: CEPH_CONFIG_FILES });
}

/**
 * Runs `fn` with a Ceph backend built from the configuration (`bynar ceph status`,
 * `plan-remove`, `plan-add`); closes the backend and the database afterwards.
 *
 * @param options Configuration directory and database.
 * @param fn What to do with the backend.
 * @param overrides Replaces the loaded configuration (tests).
 * @returns What `fn` returns.
 * @throws {ConfigError} When the configuration is invalid.
 */
export async function withCephBackend<T>(
  options: CephProgramOptions,
  fn: (backend: CephBackend) => Promise<T>,
  overrides: { config?: Config } = {},
): Promise<T> {
  const config = overrides.config ?? await loadCephConfig(options.configDir);
  const db = openDatabase(options.db ?? databasePath(config.bynar));
  try {
    const backend = await createCephBackend(config.ceph, { db });
    try {
      return await fn(backend);
    } finally {
      backend.close();
    }
  } finally {
    db.close();
  }
}

/**
 * The Ceph backend's operation journal, newest first (`bynar ceph ops`).
 *
 * @param options Configuration directory, database and how many.
 * @returns The journal rows.
 * @throws {ConfigError} When the configuration is invalid.
 */
export async function listBackendOps(
  options: CephProgramOptions & { limit: number },
): Promise<ReturnType<BackendOpsRepo["list"]>> {
  const config = await loadCephConfig(options.configDir);
  const db = openDatabase(options.db ?? databasePath(config.bynar));
  try {
    return new BackendOpsRepo(db).list({ limit: options.limit });
  } finally {
    db.close();
  }
}
