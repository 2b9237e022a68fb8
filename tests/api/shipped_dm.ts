/**
 * `bynar disk-manager` as shipped (the package's launcher with its permission flags) on
 * the simulated host (`backend: "simulate"`): TLS from a throw-away CA, a local signing
 * key, and a fetch that trusts the CA. For the fault tests (shutdown, kill, audit, Host).
 *
 * @module
 */
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { shippedArgv } from "../builders/shipped.ts";
import { ISSUER, makeKey, sign, type SignOptions, type TestKey } from "./harness.ts";
import { makeTestPki, type TestPki } from "./pki.ts";

/** Host name in the tokens and `host_names`. */
export const SHIPPED_HOST = "localhost";

/** A configured directory for the shipped disk-manager. */
export interface ShippedDmSetup {
  /** The configuration directory (also database, audit log, PKI). */
  dir: string;
  /** The audit log path. */
  auditPath: string;
  /** The database path. */
  dbPath: string;
  /** PKI. */
  pki: TestPki;
  /** Signing key trusted through jwks_file. */
  key: TestKey;
  /** Signs a token for this host. */
  token(o?: SignOptions): Promise<string>;
}

/** A running shipped disk-manager. */
export interface ShippedDm {
  /** API port. */
  port: number;
  /** Ops (metrics/healthz) port. */
  metricsPort: number;
  /** The process. */
  child: Deno.ChildProcess;
  /** Its standard error so far. */
  log(): string;
  /** Fetch against the API (trusting the CA). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/**
 * Writes the configuration of a shipped disk-manager on the simulated host.
 *
 * @param dir A directory the shipped launcher may read and write (`shippedScratchDir`).
 * @returns The setup.
 */
export async function setupShippedDm(dir: string): Promise<ShippedDmSetup> {
  const pki = await makeTestPki(dir);
  const key = await makeKey();
  await Deno.writeTextFile(join(dir, "jwks.json"), JSON.stringify({ keys: [key.publicJwk] }));
  await Deno.writeTextFile(
    join(dir, "bynar.json"),
    JSON.stringify({ database_path: join(dir, "bynar.db") }),
  );
  await Deno.writeTextFile(join(dir, "ceph.json"), "{}");
  return {
    dir,
    auditPath: join(dir, "audit.log"),
    dbPath: join(dir, "bynar.db"),
    pki,
    key,
    token: (o = {}) => sign(key, { hosts: [SHIPPED_HOST], ...o }),
  };
}

/**
 * Starts `bynar disk-manager` as shipped with disk-manager.json fields over the defaults
 * of the simulated host.
 *
 * @param s The setup.
 * @param dm disk-manager.json fields (e.g. `simulate_step_ms`, `shutdown_grace_seconds`).
 * @returns The running service, once it said it serves.
 */
export async function startShippedDm(
  s: ShippedDmSetup,
  dm: Record<string, unknown> = {},
): Promise<ShippedDm> {
  const port = freePort();
  const metricsPort = freePort();
  await Deno.writeTextFile(
    join(s.dir, "disk-manager.json"),
    JSON.stringify({
      backend: "simulate",
      listen_address: "127.0.0.1",
      port,
      metrics_port: metricsPort,
      tls_cert: s.pki.certPath,
      tls_key: s.pki.keyPath,
      jwks_file: join(s.dir, "jwks.json"),
      jwt_issuer: ISSUER,
      host_names: [SHIPPED_HOST],
      audit_log: s.auditPath,
      ...dm,
    }),
  );
  const defaults = join(s.dir, "defaults");
  await Deno.writeTextFile(defaults, "");
  const [bynar, ...args] = await shippedArgv(["disk-manager", "--config-dir", s.dir]);
  const child = new Deno.Command(bynar!, {
    args,
    clearEnv: true,
    env: {
      PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
      HOME: "/root",
      RUST_BACKTRACE: "0",
      NO_COLOR: "1",
      BYNAR_DEFAULTS: defaults,
    },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let log = "";
  const drained = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) log += chunk;
  })();
  const client = Deno.createHttpClient({ caCerts: [await Deno.readTextFile(s.pki.caPath)] });
  const deadline = Date.now() + 60_000;
  let exited: Deno.CommandStatus | null = null;
  while (!log.includes("disk-manager: serving") && Date.now() < deadline && !exited) {
    exited = await Promise.race([
      child.status,
      new Promise<null>((r) => setTimeout(() => r(null), 100)),
    ]);
  }
  if (!log.includes("disk-manager: serving")) {
    if (!exited) child.kill("SIGKILL");
    await child.status;
    await drained;
    client.close();
    throw new Error(`bynar disk-manager did not start:\n${log}`);
  }
  return {
    port,
    metricsPort,
    child,
    log: () => log,
    api: (path, init = {}) => fetch(`https://localhost:${port}${path}`, { ...init, client }),
    async stop(signal: Deno.Signal = "SIGTERM"): Promise<Deno.CommandStatus> {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
      const st = await child.status;
      await drained;
      client.close();
      return st;
    },
  };
}

/**
 * Reads the operations the disk-manager persisted.
 *
 * @param dbPath The database.
 * @returns id → state and record.
 */
export function persistedOperations(
  dbPath: string,
): Map<string, { state: string; record: Record<string, unknown> }> {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    const rows = db.prepare("SELECT id, state, record FROM api_operations").all();
    return new Map(
      rows.map((r) => [
        String(r.id),
        { state: String(r.state), record: JSON.parse(String(r.record)) },
      ]),
    );
  } finally {
    db.close();
  }
}
