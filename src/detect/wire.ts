/**
 * Builds the detector's ports from the validated configuration: the ticket plugin,
 * Slack, the disk-manager client (HTTPS + token), the host scan and the destructive gate
 * (maintenance windows, freeze file).
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { ApiClient } from "../api/client.ts";
import { isLoopback } from "../api/server.ts";
import type { Config } from "../config/load.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import type { SmartCheck } from "../machine/ports.ts";
import { createNotifier } from "../notify/factory.ts";
import { DetectRepo } from "../store/detect_repo.ts";
import { createTicketPlugin } from "../tickets/factory.ts";
import type { TicketPlugin } from "../tickets/types.ts";
import { VaultClient } from "../vault/client.ts";
import { issueLocalToken } from "../api/local_tokens.ts";
import { renewingToken, tokenTimes } from "./token_source.ts";
import { HttpDiskManager, type ManagerApi } from "./manager_client.ts";
import { type PassDeps, scopeCheck } from "./pass.ts";
import { type Clock, nowDate, SYSTEM_CLOCK } from "../shared/clock.ts";
import { SystemHost } from "./system_host.ts";
import type { DestructiveGate, DiskManagerPort, HostPort } from "./types.ts";
import { destructiveGate } from "./windows.ts";

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
  /** Clock. */
  clock?: Clock;
  /** Host name. @default Deno.hostname() */
  hostname?: string;
  /** Environment (BYNAR_TOKEN). @default BYNAR_TOKEN from the process environment */
  env?: Record<string, string>;
}

/** A built detector. */
export interface BuiltDetector {
  /** The pass dependencies. */
  deps: PassDeps;
  /** Seconds between passes. */
  intervalSeconds: number;
  /** Releases clients (not the database). */
  dispose(): void;
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
  // Only the variable the detector reads (the shipped launcher scopes --allow-env).
  const token = o.env ? undefined : Deno.env.get("BYNAR_TOKEN");
  const env = o.env ?? (token ? { BYNAR_TOKEN: token } : {});
  const hostname = o.hostname ?? Deno.hostname();
  const tickets = o.tickets ?? createTicketPlugin(b, { log: options.log });
  const notifier = createNotifier(b, { log: options.log });
  let client: ApiClient | null = null;
  let manager = o.manager;
  if (!manager) {
    client = await managerClient(config, { env, hostname, log: options.log });
    manager = new HttpDiskManager(client as ManagerApi, { attempts: b.manager_retries });
  }
  const host = o.host ?? new SystemHost({
    db,
    hostname,
    includeLoop: b.include_loop_devices,
    loopDevices: b.loop_devices,
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
  const deps: PassDeps = {
    store: new DetectRepo(db),
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
  return {
    deps,
    intervalSeconds: b.interval_seconds,
    dispose(): void {
      tickets.dispose();
      client?.close();
    },
  };
}
