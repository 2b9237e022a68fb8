/**
 * Composition root of `bynar detect`: loads the configuration it needs (`bynar.json`,
 * `ceph.json` for the system disks, `disk-manager.json` for the plain-HTTP rule), opens the
 * database, takes the instance lock and builds the detector's ports: the ticket plugin,
 * Slack, the disk-manager client (HTTPS + token), the host scan (state machine) and the
 * destructive gate (maintenance windows, freeze file). The CLI and the test harnesses start
 * the detector through {@linkcode runDetectProgram} alone.
 *
 * @module
 */
import { dirname } from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { ApiClient } from "../api/client.ts";
import { isLoopback } from "../api/server.ts";
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import type { SmartCheck } from "../machine/ports.ts";
import { createNotifier } from "../notify/factory.ts";
import type { Notifier } from "../notify/types.ts";
import { DetectRepo } from "../store/detect_repo.ts";
import { createTicketPlugin } from "../tickets/factory.ts";
import type { TicketPlugin } from "../tickets/types.ts";
import { VaultClient } from "../vault/client.ts";
import { issueLocalToken } from "../api/local_tokens.ts";
import { renewingToken, tokenTimes } from "../detect/token_source.ts";
import { HttpDiskManager, type ManagerApi } from "../api/detect_manager.ts";
import { type BuiltDetector, runDetector } from "../detect/daemon.ts";
import { acquireInstanceLock } from "../detect/lock.ts";
import { type PassDeps, type PassSummary, scopeCheck } from "../detect/pass.ts";
import { type Clock, nowDate, SYSTEM_CLOCK } from "../shared/clock.ts";
import { SystemHost } from "./detect_host.ts";
import type {
  DestructiveGate,
  DetectStore,
  DiskManagerPort,
  HostPort,
  Workflow,
} from "../detect/types.ts";
import { openDatabase } from "../store/db.ts";
import { destructiveGate } from "../detect/windows.ts";
import { assertGranted, denoPermissionQuery, requiredGrants } from "./grants.ts";
import type { HostMaintenance, PartWorkflowStore } from "../hardware/loop.ts";
import { buildHardwarePass } from "./detect_hardware.ts";
import { formatDetectPrometheus } from "../output/detect_prometheus.ts";
import { writeTextfile } from "../output/prometheus.ts";

/** Overrides of {@linkcode buildDetector} (tests, labs). */
export interface DetectorOverrides {
  /** Replaces the SMART check of the machine and of replacement candidates. */
  smart?: SmartCheck;
  /** Replaces the disk-manager port. */
  manager?: DiskManagerPort;
  /** Replaces the host port. */
  host?: HostPort;
  /** Replaces the ticket plugin. */
  tickets?: TicketPlugin;
  /** Replaces Slack (tests record the notifications). */
  notifier?: Notifier;
  /** Clock. */
  clock?: Clock;
  /** Host name. @default Deno.hostname() */
  hostname?: string;
  /**
   * Environment (BYNAR_TOKEN).
   * @default `BYNAR_TOKEN` read with `Deno.env.get` (the packaged launcher's `--allow-env`
   * lists the variables Bynar reads; `Deno.env.toObject()` is refused)
   */
  env?: Record<string, string>;
  /**
   * Restricts the host's state machine to these devices (labs, tests on their own loop
   * devices). Ignored when `host` is given.
   * @default every disk of the host
   */
  devices?: string[];
  /**
   * Includes loop devices in the host scan. Ignored when `host` is given.
   * @default bynar.json `include_loop_devices`
   */
  includeLoop?: boolean;
  /** Wraps the workflow store (tests: crash hooks at a chosen journal step). */
  store?: (store: DetectStore) => DetectStore;
  /**
   * Host maintenance for part swaps that need the host down (null: none).
   * @default Ceph through librados when ceph.json is present
   */
  maintenance?: HostMaintenance | null;
  /** Wraps the part workflow store (tests: crash hooks at a chosen journal step). */
  partStore?: (store: PartWorkflowStore) => PartWorkflowStore;
}

/** The environment variables the detector reads. */
export const DETECT_ENV_VARS: readonly string[] = Object.freeze(["BYNAR_TOKEN"]);

/**
 * Reads the detector's environment variables one by one (never the whole environment:
 * the packaged program may read only the variables its launcher grants).
 *
 * @returns The variables that are set.
 */
export function detectEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of DETECT_ENV_VARS) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Options of {@linkcode managerToken}. */
export interface ManagerTokenOptions {
  /** Environment (BYNAR_TOKEN). */
  env: Record<string, string>;
  /** This host's name (the `bynar_hosts` claim of a locally signed token). */
  hostname: string;
  /** Log sink (renewals). */
  log?: ((line: string) => void) | undefined;
  /** Now, ms. @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * The detector's token for the disk-manager, in order of preference: signed locally with
 * `manager_token_key_file` and renewed before expiry; fetched from Vault's identity token
 * endpoint (`manager_vault_role`) and renewed before expiry; read from
 * `manager_token_file` on every call (renewed by whoever writes it: an expired token is
 * refused here with what to do, never sent); `BYNAR_TOKEN`.
 *
 * @param config The configuration.
 * @param options Environment, host name, log, clock.
 * @returns The token function for the API client.
 * @throws {ConfigError} When no source is configured or one is incomplete.
 */
export function managerToken(
  config: Config,
  options: ManagerTokenOptions,
): () => Promise<string> {
  const b = config.bynar;
  const now = options.now ?? Date.now;
  if (b.manager_token_key_file) {
    const file = b.manager_token_key_file;
    const issuer = config.diskManager.jwt_issuer;
    if (!issuer) {
      throw new ConfigError(
        "disk-manager.json",
        "Cannot sign the detector's token with manager_token_key_file: set jwt_issuer",
        { field: "jwt_issuer" },
      );
    }
    return renewingToken(async () => {
      let jwk;
      try {
        jwk = JSON.parse(await Deno.readTextFile(file));
      } catch (err) {
        throw new ConfigError(
          "bynar.json",
          `Cannot read manager_token_key_file "${file}": ${errorMessage(err)}`,
          { field: "manager_token_key_file", cause: err },
        );
      }
      return await issueLocalToken(jwk, {
        issuer,
        audience: config.diskManager.jwt_audience,
        subject: `bynar-detect@${options.hostname}`,
        scopes: ["disks:read", "disks:write"],
        hosts: [options.hostname],
        ttlSeconds: b.manager_token_ttl_seconds,
      }, { now });
    }, { what: `the local key ${file}`, now, log: options.log });
  }
  if (b.manager_token_file) {
    const file = b.manager_token_file;
    return async () => {
      let token: string;
      try {
        token = (await Deno.readTextFile(file)).trim();
      } catch (err) {
        throw new ConfigError(
          "bynar.json",
          `Cannot read manager_token_file "${file}": ${errorMessage(err)}`,
          { field: "manager_token_file", cause: err },
        );
      }
      const exp = tokenTimes(token, now() / 1000).expiresAt;
      if (exp !== null && exp <= now() / 1000) {
        throw new ConfigError(
          "bynar.json",
          `Cannot call the disk-manager: the token in manager_token_file "${file}" expired at ${
            new Date(exp * 1000).toISOString()
          }; write a new one (bynar token issue … > ${file}) or let the detector renew its ` +
            "own with manager_token_key_file or manager_vault_role",
          { field: "manager_token_file" },
        );
      }
      return token;
    };
  }
  if (b.manager_vault_role) {
    if (!b.vault_endpoint || !b.vault_token) {
      throw new ConfigError(
        "bynar.json",
        "Cannot use manager_vault_role: vault_endpoint and vault_token are needed",
        {
          field: "manager_vault_role",
        },
      );
    }
    const vault = new VaultClient(b.vault_endpoint, { token: b.vault_token });
    const role = b.manager_vault_role;
    return renewingToken(async () => (await vault.oidcToken(role)).token, {
      what: `Vault role ${role}`,
      now,
      log: options.log,
    });
  }
  const t = options.env.BYNAR_TOKEN;
  if (t) return () => Promise.resolve(t.trim());
  throw new ConfigError(
    "bynar.json",
    "Cannot reach the disk-manager: set manager_token_key_file, manager_vault_role, " +
      "manager_token_file, or BYNAR_TOKEN",
    { field: "manager_token_file" },
  );
}

/**
 * Builds the disk-manager API client the detector uses: HTTPS to manager_host:manager_port
 * (plain HTTP only when disk-manager.json allows it and the host is loopback).
 *
 * @param config The configuration.
 * @param options Environment (BYNAR_TOKEN), host name, log, clock.
 * @returns The client.
 * @throws {ConfigError} When no token source is configured or a file cannot be read.
 */
export async function managerClient(
  config: Config,
  options: ManagerTokenOptions,
): Promise<ApiClient> {
  const b = config.bynar;
  const host = b.manager_host.includes(":") ? `[${b.manager_host}]` : b.manager_host;
  const plain = config.diskManager.insecure_http && isLoopback(b.manager_host);
  let caCert: string | undefined;
  if (b.manager_ca_file) {
    try {
      caCert = await Deno.readTextFile(b.manager_ca_file);
    } catch (err) {
      throw new ConfigError(
        "bynar.json",
        `Cannot read manager_ca_file "${b.manager_ca_file}": ${errorMessage(err)}`,
        {
          field: "manager_ca_file",
          cause: err,
        },
      );
    }
  }
  return new ApiClient(`${plain ? "http" : "https"}://${host}:${b.manager_port}`, {
    token: managerToken(config, options),
    timeoutMs: b.manager_timeout_seconds * 1000,
    ...(caCert ? { caCert } : {}),
    ...(b.manager_cert_pin ? { pin: b.manager_cert_pin } : {}),
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds every port of the detector from the configuration.
 *
 * @param config The validated configuration.
 * @param db The open, migrated database.
 * @param options Log sink, stop flag and overrides.
 * @returns The detector.
 * @throws {ConfigError} When the ticket plugin, Slack or the disk-manager client cannot be built.
 */
export async function buildDetector(
  config: Config,
  db: DatabaseSync,
  options: { log: (line: string) => void; stopping: () => boolean; overrides?: DetectorOverrides },
): Promise<BuiltDetector> {
  const o = options.overrides ?? {};
  const b = config.bynar;
  const env = o.env ?? detectEnv();
  const hostname = o.hostname ?? Deno.hostname();
  const tickets = o.tickets ?? createTicketPlugin(b, { log: options.log });
  const notifier = o.notifier ?? createNotifier(b, { log: options.log });
  let client: ApiClient | null = null;
  let manager = o.manager;
  if (!manager) {
    client = await managerClient(config, { env, hostname, log: options.log });
    manager = new HttpDiskManager(client as ManagerApi, { attempts: b.manager_retries });
  }
  const host = o.host ?? new SystemHost({
    db,
    hostname,
    includeLoop: o.includeLoop ?? b.include_loop_devices,
    loopDevices: b.loop_devices,
    ...(o.devices ? { devices: o.devices } : {}),
    systemDisks: config.ceph.system_disks.map((d) => d.device),
    allowReformat: b.allow_reformat,
    smartPolicy: b.smart_policy,
    ...(o.smart ? { smart: o.smart } : {}),
    log: options.log,
  });
  const clock = o.clock ?? SYSTEM_CLOCK;
  const gate = async (): Promise<DestructiveGate> =>
    destructiveGate(nowDate(clock), {
      windows: b.maintenance_windows,
      frozen: await exists(b.freeze_file),
      freezeFile: b.freeze_file,
    });
  const store = new DetectRepo(db);
  const deps: PassDeps = {
    store: o.store ? o.store(store) : store,
    manager,
    tickets,
    notifier,
    clock,
    log: options.log,
    stopping: options.stopping,
    opWaitMs: b.operation_wait_seconds * 1000,
    opPollMs: 2000,
    host,
    gate,
    approvalMode: b.approval,
    stallMs: b.stall_report_minutes * 60_000,
    outOfScope: scopeCheck({ systemDisks: config.ceph.system_disks.map((d) => d.device) }),
  };
  const hardware = buildHardwarePass(config, db, {
    hostname,
    tickets,
    notifier,
    gate,
    now: () => nowDate(clock),
    log: options.log,
    ...(o.maintenance !== undefined ? { maintenance: o.maintenance } : {}),
    ...(o.partStore ? { wrapStore: o.partStore } : {}),
  });
  return {
    deps,
    intervalSeconds: b.interval_seconds,
    ...(hardware ? { hardware: hardware.pass } : {}),
    dispose(): void {
      tickets.dispose();
      client?.close();
    },
  };
}

/** The configuration files `bynar detect` reads. */
export const DETECT_CONFIG_FILES = ["bynar", "ceph", "diskManager"] as const;

/** Options of {@linkcode runDetectProgram}. */
export interface DetectProgramOptions {
  /** The configuration directory. */
  configDir: string;
  /** One pass, then exit. */
  once: boolean;
  /** Database path. @default bynar.json database_path */
  db?: string;
  /** Instance lock. @default detect.lock next to the database */
  lockFile?: string;
  /** Seconds between passes. @default bynar.json interval_seconds */
  intervalSeconds?: number;
  /** Log sink. */
  log: (line: string) => void;
  /** Called after every pass. */
  onPass?: (summary: PassSummary) => void;
  /** Overrides of the built ports (tests, labs). */
  overrides?: DetectorOverrides;
}

/**
 * Loads the detector's configuration files (`bynar.json`, `ceph.json`, `disk-manager.json`).
 *
 * @param configDir The configuration directory.
 * @returns The configuration.
 * @throws {ConfigError} When one of those files is invalid.
 */
export function loadDetectConfig(configDir: string): Promise<Config> {
  return loadConfig(configDir, { files: DETECT_CONFIG_FILES });
}

/**
 * Runs the detector: database, instance lock, then passes until SIGTERM (or one with
 * `once`); SIGHUP reloads the configuration and rebuilds every port.
 *
 * @param options Configuration directory, database, lock, log and overrides.
 * @returns The number of passes run.
 * @throws {ConfigError} When the configuration is invalid at start.
 * @throws {StoreError} When the database cannot be opened.
 * @throws {BynarError} When another detector holds the instance lock (`already_running`).
 */
export async function runDetectProgram(options: DetectProgramOptions): Promise<number> {
  const config = await loadDetectConfig(options.configDir);
  // Refuse now what the sandbox would refuse when a disk dies (endpoints, ticket_command).
  assertGranted(requiredGrants(config, "detect"), denoPermissionQuery);
  const dbPath = options.db ?? databasePath(config.bynar);
  const db = openDatabase(dbPath);
  let lock;
  try {
    lock = acquireInstanceLock(options.lockFile ?? `${dirname(dbPath)}/detect.lock`);
  } catch (err) {
    db.close();
    throw err;
  }
  // Where bynar_detect.prom goes and for which host (re-read on SIGHUP).
  let metrics = { dir: config.bynar.textfile_directory, host: "" };
  try {
    return await runDetector({
      configPath: `${options.configDir}/bynar.json`,
      once: options.once,
      log: options.log,
      ...(options.intervalSeconds ? { intervalSeconds: options.intervalSeconds } : {}),
      build: async (stopping) => {
        const cfg = await loadDetectConfig(options.configDir);
        const built = await buildDetector(cfg, db, {
          log: options.log,
          stopping,
          ...(options.overrides ? { overrides: options.overrides } : {}),
        });
        metrics = { dir: cfg.bynar.textfile_directory, host: built.deps.host.hostname };
        return built;
      },
      onPass: (summary) => {
        if (metrics.dir) {
          void writeDetectMetrics(db, { ...metrics, dir: metrics.dir, log: options.log });
        }
        options.onPass?.(summary);
      },
    });
  } finally {
    lock.release();
    db.close();
  }
}

/**
 * Writes `bynar_detect.prom` (workflows by step and since when, budget waits, lead times)
 * into the node_exporter textfile directory, atomically. A failure is logged, never fatal:
 * metrics must not stop a replacement.
 *
 * @param db The detector's database.
 * @param options Directory, host name, log, time of the pass.
 * @returns When written (or the failure logged).
 */
export function writeDetectMetrics(
  db: DatabaseSync,
  options: { dir: string; host: string; log: (line: string) => void; now?: Date | undefined },
): Promise<void> {
  const repo = new DetectRepo(db);
  const text = formatDetectPrometheus({
    host: options.host,
    passAt: options.now ?? new Date(),
    active: repo.listActive().map((w) => ({
      workflow: w,
      stepSince: repo.stepSince(w.id) ?? w.updatedAt,
    })),
    closed: repo.closedLeadTimes(),
  });
  return writeTextfile(options.dir, text, { name: "bynar_detect.prom" }).then(
    () => {},
    (err) =>
      options.log(`Cannot write bynar_detect.prom in "${options.dir}": ${errorMessage(err)}`),
  );
}

/**
 * The replacement workflows (`bynar detect --status`), newest first.
 *
 * @param options Configuration directory and database path.
 * @returns Up to 200 workflows.
 * @throws {ConfigError} When bynar.json is invalid.
 */
export async function detectStatus(
  options: { configDir: string; db?: string | undefined },
): Promise<Workflow[]> {
  const config = await loadConfig(options.configDir, { files: ["bynar"] });
  const db = openDatabase(options.db ?? databasePath(config.bynar));
  try {
    return new DetectRepo(db).list({ limit: 200 });
  } finally {
    db.close();
  }
}
