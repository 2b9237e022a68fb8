/**
 * Composition root of `bynar disk-manager`: loads its configuration (`disk-manager.json`,
 * `ceph.json`, `bynar.json` for the database path), opens the database, builds the Ceph
 * backend and the inventory, then starts the key source (Vault JWKS or local file),
 * authentication, audit log, operation registry, the API app over TLS, the ops listener,
 * and publishes the TLS certificate fingerprint to Vault KV v2.
 *
 * @module
 */
import { readTextConfined } from "../config/confined_read.ts";
import { assertGranted, denoPermissionQuery, requiredGrants } from "./grants.ts";
import type { DatabaseSync } from "node:sqlite";
import type { Backend } from "../backend/types.ts";
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import { discoverInventory } from "../api/inventory_source.ts";
import { openDatabase } from "../store/db.ts";
import { createCephBackend } from "./ceph_backend.ts";
import { ExecutorBackend, executorInventory } from "../executor/client.ts";
import { simulatedHost } from "./simulated_host.ts";
import { type ConnectingBackend, connectingBackend } from "./connecting_backend.ts";
import type { DiskManagerConfig } from "../config/schema.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import { DetectRepo } from "../store/detect_repo.ts";
import { certFingerprint, publishCertPin, type PublishResult } from "../vault/cert_pin.ts";
import { VaultClient } from "../vault/client.ts";
import { type ApiLimits, createApp } from "../api/app.ts";
import { AuditLog, DEFAULT_AUDIT_LOG } from "../api/audit/log.ts";
import { ApiMetrics } from "../api/metrics.ts";
import {
  auth,
  fileKeySource,
  type KeySource,
  remoteKeySource,
  vaultJwksUrl,
} from "../api/middleware/auth/mod.ts";
import { createOpsApp } from "../api/ops_app.ts";
import { OperationRegistry } from "../api/operations/registry.ts";
import { sqliteOperationStore } from "../api/operations/sqlite_store.ts";
import { listen, type RunningServer } from "../api/server.ts";
import type { DiskInventory, DiskStateLookup, SeenAtLookup, TicketSource } from "../api/types.ts";
import { DisksRepo } from "../store/disks_repo.ts";
import { MachineRepo } from "../store/machine_repo.ts";

/** What {@linkcode startDiskManager} is given besides the configuration. */
export interface DiskManagerDeps {
  /** Storage backend. */
  backend: Backend;
  /** Disk inventory. */
  inventory: DiskInventory;
  /** Open, migrated database for operations and disk states (the caller closes it). */
  db: DatabaseSync;
  /** Vault token (from vault_token / vault_token_file / BYNAR_VAULT_TOKEN). */
  vaultToken?: string;
  /** Tickets. @default the detector's open tickets in the database */
  tickets?: TicketSource;
  /** Override of the key source (tests). */
  keys?: KeySource;
  /** Fetch used for Vault (private CA). @default fetch with vault_ca_file */
  fetch?: typeof fetch;
  /** Host names accepted in `bynar_hosts`. @default host_names or the hostname */
  hostnames?: string[];
  /** Log sink. @default console.error */
  log?: (line: string) => void;
  /** Clock of the token checks and the rate limiter, epoch ms (tests). @default Date.now */
  now?: () => number;
}

/** The disk-manager's HTTP apps and their parts, not listening yet. */
export interface DiskManagerApp {
  /** The API app (`/v1`). */
  app: ReturnType<typeof createApp>;
  /** The ops app (`/healthz`, `/metrics`). */
  opsApp: ReturnType<typeof createOpsApp>;
  /** The operation registry (SQLite-backed). */
  registry: OperationRegistry;
  /** Metrics. */
  metrics: ApiMetrics;
  /** TLS certificate and key, unless plain HTTP is configured. */
  tls: { cert: string; key: string } | undefined;
  /** Fetch used for Vault. */
  fetch: typeof fetch;
}

/** A running disk-manager. */
export interface RunningDiskManager extends RunningServer {
  /** The certificate pin publication, when Vault is configured. */
  pin?: PublishResult;
  /** The operation registry. */
  registry: OperationRegistry;
  /** Metrics. */
  metrics: ApiMetrics;
  /**
   * Stops listeners, waits for operations, closes the backend (not the database).
   *
   * @returns When closed.
   */
  close(): Promise<void>;
}

/**
 * The API's read-only lookups, through the repositories of the modules that own the data:
 * a disk's state (the state machine's, else the last check verdict) and the disks this
 * host last saw at a path.
 *
 * @param db The open, migrated database.
 * @returns The lookups.
 */
export function diskLookups(db: DatabaseSync): { stateOf: DiskStateLookup; seenAt: SeenAtLookup } {
  const machine = new MachineRepo(db);
  const disks = new DisksRepo(db);
  return {
    stateOf: (key) =>
      machine.getDisk(key)?.state ?? disks.history(key, { limit: 1 })[0]?.verdict ?? null,
    // `bynar --check`'s records AND the detector's observations: a replacement Bynar added
    // itself (seen only by the detector) is known when it fails in turn, so a second and
    // third failure in one slot pass the identity check.
    seenAt: (path) => {
      const out = new Map<string, { key: string; serial: string | null; wwn: string | null }>();
      for (const d of disks.seenAt(path)) {
        out.set(d.diskKey, { key: d.diskKey, serial: d.serial, wwn: d.wwn });
      }
      for (const d of machine.disksAt(path)) {
        if (!out.has(d.diskKey)) {
          out.set(d.diskKey, { key: d.diskKey, serial: d.serial, wwn: null });
        }
      }
      return [...out.values()];
    },
  };
}

function sqliteTickets(db: DatabaseSync): TicketSource {
  const repo = new DetectRepo(db);
  return { list: () => Promise.resolve(repo.openTickets()) };
}

function defaultHostnames(): string[] {
  const h = Deno.hostname();
  const short = h.split(".")[0] ?? h;
  return [...new Set([h, short])];
}

async function vaultFetch(config: DiskManagerConfig): Promise<typeof fetch> {
  if (!config.vault_ca_file) return fetch;
  let ca: string;
  try {
    ca = await readTextConfined(config.vault_ca_file);
  } catch (err) {
    throw new ConfigError("disk-manager.json", `Cannot read vault_ca_file: ${errorMessage(err)}`, {
      field: "vault_ca_file",
      cause: err,
    });
  }
  const client = Deno.createHttpClient({ caCerts: [ca] });
  return (input, init) => fetch(input, { ...init, client });
}

async function readPem(path: string, field: string): Promise<string> {
  try {
    return await readTextConfined(path);
  } catch (err) {
    throw new ConfigError(
      "disk-manager.json",
      `Cannot read ${field} "${path}": ${errorMessage(err)}`,
      {
        field,
        cause: err,
      },
    );
  }
}

/**
 * Builds the disk-manager's HTTP apps from its configuration (keys, issuer, TLS files,
 * authentication, audit log, operation registry, limits) without listening: what
 * {@linkcode startDiskManager} serves, and what in-process API tests call.
 *
 * @param config Validated disk-manager.json.
 * @param deps Backend, inventory, database, overrides.
 * @returns The apps and their parts.
 * @throws {ConfigError} When neither Vault nor a JWKS file provides verifying keys, or
 *   TLS files cannot be read.
 */
export async function buildDiskManagerApp(
  config: DiskManagerConfig,
  deps: DiskManagerDeps,
): Promise<DiskManagerApp> {
  const log = deps.log ?? ((l: string) => console.error(l));
  const f = deps.fetch ?? await vaultFetch(config);
  let keys = deps.keys;
  if (!keys && config.jwks_file) keys = await fileKeySource(config.jwks_file);
  if (!keys && config.vault_endpoint) {
    keys = remoteKeySource(vaultJwksUrl(config.vault_endpoint), {
      cooldownMs: config.jwks_refresh_cooldown_seconds * 1000,
      maxAgeMs: config.jwks_max_age_seconds * 1000,
      unreachableGraceMs: config.vault_unreachable_grace_seconds * 1000,
      fetch: f,
      ...(deps.now ? { now: deps.now } : {}),
    });
  }
  if (!keys) {
    throw new ConfigError(
      "disk-manager.json",
      "Cannot start the disk-manager: set vault_endpoint (Vault identity keys) or jwks_file",
      { field: "jwks_file" },
    );
  }
  const issuer = config.jwt_issuer ??
    (config.vault_endpoint ? `${new URL(config.vault_endpoint).origin}/v1/identity/oidc` : "");
  if (!issuer) {
    throw new ConfigError("disk-manager.json", "Cannot verify tokens: set jwt_issuer", {
      field: "jwt_issuer",
    });
  }
  const tls = config.insecure_http ? undefined : {
    cert: await readPem(config.tls_cert, "tls_cert"),
    key: await readPem(config.tls_key, "tls_key"),
  };
  const metrics = new ApiMetrics();
  const authenticate = auth({
    keys,
    issuer,
    audience: config.jwt_audience,
    algorithms: config.jwt_algorithms,
    hostnames: deps.hostnames ?? config.host_names ?? defaultHostnames(),
    clockToleranceSeconds: config.jwt_clock_skew_seconds,
    cacheSize: config.token_cache_size,
    onFailure: (code) => metrics.authFailure(code),
    onCache: (hit) => metrics.cache(hit),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const db = deps.db;
  const registry = new OperationRegistry({ store: sqliteOperationStore(db), log });
  const auditPath = config.audit_log ?? DEFAULT_AUDIT_LOG;
  const audit = await AuditLog.open(auditPath);
  const limits: ApiLimits = {
    maxBodyBytes: config.max_body_bytes,
    ratePerSecond: config.rate_limit_per_second,
    rateBurst: config.rate_limit_burst,
    requestTimeoutMs: config.request_timeout_seconds * 1000,
    authFailuresPerSecond: config.auth_failures_per_second,
    authFailureBurst: config.auth_failure_burst,
  };
  const app = createApp({
    backend: deps.backend,
    inventory: deps.inventory,
    ...diskLookups(db),
    tickets: deps.tickets ?? sqliteTickets(db),
    authenticate,
    audit,
    registry,
    metrics,
    limits,
    log,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const b = deps.backend as Partial<ConnectingBackend>;
  const opsApp = createOpsApp({
    metrics,
    readiness: b.readiness
      ? () => b.readiness!()
      : () => Promise.resolve({ ready: true, backend: deps.backend.name }),
  });
  return { app, opsApp, registry, metrics, tls, fetch: f };
}

/**
 * Starts the disk-manager.
 *
 * @param config Validated disk-manager.json.
 * @param deps Backend, inventory, database, secrets, overrides.
 * @returns The running service.
 * @throws {ConfigError} When neither Vault nor a JWKS file provides verifying keys, or
 *   TLS files cannot be read.
 * @throws {SafetyError} When plain HTTP is configured on a non-loopback address.
 */
export async function startDiskManager(
  config: DiskManagerConfig,
  deps: DiskManagerDeps,
): Promise<RunningDiskManager> {
  const log = deps.log ?? ((l: string) => console.error(l));
  const { app, opsApp, registry, metrics, tls, fetch: f } = await buildDiskManagerApp(config, deps);
  let pin: PublishResult | undefined;
  if (tls && config.vault_endpoint && deps.vaultToken) {
    try {
      const vault = new VaultClient(config.vault_endpoint, { token: deps.vaultToken, fetch: f });
      pin = await publishCertPin(vault, await certFingerprint(tls.cert), {
        mount: config.vault_kv_mount,
        hostname: (deps.hostnames ?? config.host_names ?? defaultHostnames())[0]!,
      });
    } catch (err) {
      log(`warning: cannot publish the TLS certificate pin to Vault: ${errorMessage(err)}`);
    }
  }
  const server = await listen(app, opsApp, {
    hostname: config.listen_address,
    port: config.port,
    ...(tls ? { tls } : {}),
    insecureHttp: config.insecure_http,
    metricsPort: config.metrics_port,
    tlsServer: config.tls_server,
  });
  // One close for every caller (the signal handler and the end of `finished` both call
  // it): each waits for the same end, so the database is never closed under an operation.
  let closing: Promise<void> | undefined;
  return {
    ...server,
    ...(pin ? { pin } : {}),
    registry,
    metrics,
    close(): Promise<void> {
      closing ??= (async () => {
        // Stop accepting first (new operations would be refused with 503 meanwhile).
        const stopped = server.shutdown();
        await registry.close({ graceMs: config.shutdown_grace_seconds * 1000 });
        await stopped;
        deps.backend.close();
      })();
      return closing;
    },
  };
}

/** The configuration files `bynar disk-manager` reads. */
export const DISK_MANAGER_CONFIG_FILES = ["bynar", "diskManager", "ceph"] as const;

/** Overrides of {@linkcode startDiskManagerProgram} (tests, labs). */
export interface DiskManagerOverrides
  extends Partial<Omit<DiskManagerDeps, "vaultToken" | "backend" | "inventory" | "db">> {
  /** Replaces loaded configuration files (e.g. a test cluster's ceph.json). */
  config?: Partial<Pick<Config, "bynar" | "diskManager" | "ceph">>;
  /** Replaces the Ceph backend. */
  backend?: Backend;
  /** Replaces the inventory. */
  inventory?: DiskInventory;
  /** An open database to use (the caller closes it) instead of opening bynar.json's. */
  db?: DatabaseSync;
}

/** Options of {@linkcode startDiskManagerProgram}. */
export interface DiskManagerProgramOptions {
  /** The configuration directory. */
  configDir: string;
  /** Manage loop devices too (labs and test clusters). */
  includeLoop?: boolean;
  /**
   * The executor's unix socket: run as the unprivileged front, forwarding every disk
   * operation and the inventory to `bynar executor` (no FFI, no Ceph connection here).
   */
  executorSocket?: string | undefined;
  /**
   * The state database (the front does not read bynar.json, which holds JIRA/Slack
   * secrets). @default bynar.json's database_path, else the default path
   */
  databasePath?: string | undefined;
  /** Overrides (tests, labs). */
  overrides?: DiskManagerOverrides;
}

/** A disk-manager started by {@linkcode startDiskManagerProgram}. */
export interface RunningDiskManagerProgram extends RunningDiskManager {
  /** The configuration it runs with. */
  config: Config;
  /** The backend. */
  backend: Backend;
  /** The inventory it serves. */
  inventory: DiskInventory;
  /** The database. */
  db: DatabaseSync;
}

/**
 * Loads the disk-manager's configuration files.
 *
 * @param configDir The configuration directory.
 * @param options `front`: only disk-manager.json (the front of the privilege split).
 * @returns The configuration.
 * @throws {ConfigError} When one of those files is invalid.
 */
export function loadDiskManagerConfig(
  configDir: string,
  options: { front?: boolean | undefined } = {},
): Promise<Config> {
  return loadConfig(configDir, {
    files: options.front ? FRONT_CONFIG_FILES : DISK_MANAGER_CONFIG_FILES,
  });
}

/**
 * The only file the front reads: `bynar.json` (JIRA/Slack secrets) and `ceph.json` stay
 * unreadable to it; its database is the default path.
 */
export const FRONT_CONFIG_FILES = ["diskManager"] as const;

/** The front's state directory (bynar-disk-manager.service StateDirectory=bynar-front). */
export const FRONT_STATE_DIR = "/var/lib/bynar-front";

/** The front's audit log when disk-manager.json names none. */
export const FRONT_AUDIT_LOG = `${FRONT_STATE_DIR}/audit.log`;

/**
 * The configuration a disk-manager process runs with: the files plus what its command line
 * changes (`--database`; the front's audit log default). The start and the SIGHUP check
 * both use it, so a reload compares like with like.
 *
 * @param config The configuration loaded from the files.
 * @param options The command line's database path and whether this is the front.
 * @returns The effective configuration (a copy; `config` is not changed).
 */
export function effectiveDiskManagerConfig(
  config: Config,
  options: { databasePath?: string | undefined; front?: boolean | undefined },
): Config {
  const out = { ...config };
  if (options.databasePath) out.bynar = { ...out.bynar, database_path: options.databasePath };
  if (options.front && !out.diskManager.audit_log) {
    // The front (user bynar) cannot write root's /var/lib/bynar: its audit log defaults to
    // its own state directory.
    out.diskManager = { ...out.diskManager, audit_log: FRONT_AUDIT_LOG };
  }
  return out;
}

/**
 * Starts `bynar disk-manager`: configuration, database, Ceph backend, inventory, service.
 * `close()` also closes the database it opened.
 *
 * @param options Configuration directory, loop devices and overrides.
 * @returns The running disk-manager.
 * @throws {ConfigError} When the configuration is invalid.
 * The Ceph backend connects in the background (never fails the start: `/readyz` and 503s say
 * why until the cluster answers).
 */
export async function startDiskManagerProgram(
  options: DiskManagerProgramOptions,
): Promise<RunningDiskManagerProgram> {
  const o = options.overrides ?? {};
  const { config: configOverride, backend: b, inventory: i, db: givenDb, ...deps } = o;
  const sock = options.executorSocket;
  const config = effectiveDiskManagerConfig({
    ...await loadDiskManagerConfig(options.configDir, { front: sock !== undefined }),
    ...configOverride,
  }, { databasePath: options.databasePath, front: sock !== undefined });
  assertGranted(requiredGrants(config, "disk-manager"), denoPermissionQuery);
  const db = givenDb ?? openDatabase(databasePath(config.bynar));
  try {
    const dm = config.diskManager;
    // The front of the privilege split: disks and changes go to the executor.
    const front = sock
      ? { backend: new ExecutorBackend(sock), inventory: executorInventory(sock) }
      : null;
    const sim = !front && dm.backend === "simulate"
      ? simulatedHost({ stepMs: dm.simulate_step_ms })
      : null;
    // Ceph is connected in the background: the API serves while the cluster is unreachable
    // (/readyz says why, backend calls answer 503) and the backend is used once it answers.
    const backend = b ?? front?.backend ?? sim?.backend ?? connectingBackend(
      () =>
        createCephBackend(config.ceph, {
          db,
          log: (line) => console.error(`disk-manager: ${line}`),
        }),
      { name: "ceph", ...(deps.log ? { log: deps.log } : {}) },
    );
    const inventory = i ?? front?.inventory ?? sim?.inventory ?? discoverInventory({
      includeLoop: options.includeLoop ?? config.bynar.include_loop_devices,
      loopDevices: config.bynar.loop_devices,
      systemDisks: config.ceph.system_disks.map((d) => d.device),
    });
    let closeAll: Promise<void> | undefined;
    const running = await startDiskManager(dm, {
      ...deps,
      backend,
      inventory,
      db,
      ...(dm.vault_token ? { vaultToken: dm.vault_token } : {}),
    });
    return {
      ...running,
      config,
      backend,
      inventory,
      db,
      close(): Promise<void> {
        closeAll ??= (async () => {
          await running.close();
          if (!givenDb && db.isOpen) db.close();
        })();
        return closeAll;
      },
    };
  } catch (err) {
    if (!givenDb) db.close();
    throw err;
  }
}
