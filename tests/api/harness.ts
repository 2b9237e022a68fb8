/**
 * Shared pieces of the API tests: signing keys and tokens, an in-memory Backend (a test
 * double of OUR Backend interface), a fixed inventory, and an app factory.
 *
 * @module
 */
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { validatedApp } from "./openapi_check.ts";
import type {
  Backend,
  BackendDisk,
  BackendStatus,
  DiskRef,
  MutateOptions,
  OpResult,
  SafeToRemoveResult,
} from "../../src/backend/types.ts";
import { type ApiLimits, createApp } from "../../src/api/app.ts";
import { type KeySource, localKeySource } from "../../src/api/middleware/auth/mod.ts";
import type { ApiMetrics } from "../../src/api/metrics.ts";
import type { OperationRegistry } from "../../src/api/operations/registry.ts";
import type { DiskInventory, InventoryDisk } from "../../src/api/types.ts";
import { buildDiskManagerApp } from "../../src/app/disk_manager.ts";
import { DiskManagerConfigSchema } from "../../src/config/schema.ts";
import { openDatabase } from "../../src/store/db.ts";
import { MachineRepo } from "../../src/store/machine_repo.ts";

/** Test host name. */
export const HOST = "testhost";
/** Test issuer. */
export const ISSUER = "https://vault.test/v1/identity/oidc";
/** Test audience. */
export const AUDIENCE = "bynar-disk-manager";

/** A signing key. */
export interface TestKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * Makes a signing key.
 *
 * @param alg Algorithm.
 * @returns The key.
 */
export async function makeKey(alg = "EdDSA"): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = crypto.randomUUID();
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

/** Claims overrides of {@linkcode sign}. */
export interface SignOptions {
  scope?: string;
  hosts?: string[] | string;
  iss?: string;
  aud?: string;
  sub?: string;
  expIn?: number;
  nbfIn?: number;
  kid?: string | null;
  alg?: string;
  now?: number;
}

/**
 * Signs a token.
 *
 * @param key The key.
 * @param o Overrides.
 * @returns The JWT.
 */
export async function sign(key: TestKey, o: SignOptions = {}): Promise<string> {
  const now = Math.floor((o.now ?? Date.now()) / 1000);
  const header: Record<string, unknown> = { alg: o.alg ?? key.alg };
  if (o.kid !== null) header.kid = o.kid ?? key.kid;
  const jwt = new SignJWT({
    scope: o.scope ?? "disks:read disks:write",
    bynar_hosts: o.hosts ?? [HOST],
  })
    .setProtectedHeader(header as { alg: string })
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .setSubject(o.sub ?? "entity-1")
    .setIssuedAt(now)
    .setExpirationTime(now + (o.expIn ?? 600));
  if (o.nbfIn !== undefined) jwt.setNotBefore(now + o.nbfIn);
  return await jwt.sign(key.privateKey);
}

/** A controllable in-memory Backend. */
export class FakeBackend implements Backend {
  readonly name = "fake";
  roles = new Map<string, BackendDisk["role"]>();
  safe: SafeToRemoveResult = { outcome: "Success", safe: true, reason: "3 replicas elsewhere" };
  calls: string[] = [];
  /** When set, remove/add wait for it. */
  gate: Promise<void> | undefined;
  fail: Error | undefined;

  listDisks(): Promise<BackendDisk[]> {
    return Promise.resolve([...this.roles].map(([path, role]) => ({ path, role })));
  }
  safeToRemove(disk: DiskRef): Promise<SafeToRemoveResult> {
    this.calls.push(`safe ${disk.path} ${disk.identity}${osdSuffix(disk)}`);
    return Promise.resolve(this.safe);
  }
  async remove(disk: DiskRef, o: MutateOptions = {}): Promise<OpResult> {
    this.calls.push(
      `remove ${disk.path} ${disk.identity} simulate=${!!o.simulate}${osdSuffix(disk)}`,
    );
    const plan = [{ name: "osd_out", description: "mark osd.1 out", commands: ["osd out"] }];
    if (o.simulate) return { outcome: "Success", message: "would remove osd.1", osdId: 1, plan };
    o.onProgress?.({ step: "osd_out", message: "marking out", percent: 10 });
    await this.gate;
    if (this.fail) throw this.fail;
    return { outcome: "Success", message: "removed osd.1", osdId: 1, plan };
  }
  async add(disk: DiskRef, o: MutateOptions = {}): Promise<OpResult> {
    this.calls.push(`add ${disk.path} ${disk.identity} simulate=${!!o.simulate} osd=${o.osdId}`);
    const plan = [{ name: "create", description: "create osd", commands: ["ceph-volume"] }];
    if (o.simulate) return { outcome: "Success", message: "would add", plan };
    await this.gate;
    return { outcome: "Success", message: "added osd.1", osdId: o.osdId ?? 1, plan };
  }
  status(): Promise<BackendStatus> {
    return Promise.resolve({ backend: "fake", health: "HEALTH_OK", details: {} });
  }
  close(): void {}
}

/**
 * An inventory disk.
 *
 * @param name Kernel name.
 * @param o Identity/system overrides.
 * @returns The disk.
 */
export function disk(
  name: string,
  o: { serial?: string | null; wwn?: string | null; system?: string; key?: string } = {},
): InventoryDisk {
  const serial = o.serial === undefined ? `SER-${name}` : o.serial;
  const wwn = o.wwn ?? null;
  return {
    name,
    path: `/dev/${name}`,
    type: "ROTATIONAL",
    identity: {
      model: "TestDisk",
      serial,
      wwn,
      byIdPath: null,
      key: o.key ?? (wwn ? `wwn:${wwn}` : serial ? `serial:${serial}` : `path:/dev/${name}`),
    },
    sizeBytes: 1_000_000_000,
    systemReason: o.system ?? null,
    partitions: [],
  };
}

/**
 * A fixed inventory.
 *
 * @param disks The disks.
 * @returns The inventory.
 */
export function fixedInventory(disks: InventoryDisk[]): DiskInventory {
  return { list: () => Promise.resolve(disks) };
}

/** A test app with its parts. */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  backend: FakeBackend;
  registry: OperationRegistry;
  metrics: ApiMetrics;
  key: TestKey;
  keys: KeySource;
  auditPath: string;
  dir: string;
  token: (o?: SignOptions) => Promise<string>;
  cleanup: () => Promise<void>;
}

/**
 * Builds an app on the fake backend with local keys.
 *
 * @param o Limits, keys, clock.
 * @returns The app and helpers.
 */
export async function testApp(
  o: {
    limits?: ApiLimits;
    keys?: KeySource;
    key?: TestKey;
    now?: () => number;
    log?: (line: string) => void;
    /** Expected token issuer. @default ISSUER */
    issuer?: string;
  } = {},
): Promise<TestApp> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-api-" });
  const key = o.key ?? await makeKey();
  const keys = o.keys ?? localKeySource({ keys: [key.publicJwk] });
  const backend = new FakeBackend();
  backend.roles.set("/dev/sdb", { kind: "osd", osdId: 1, up: true, in: true, destroyed: false });
  const auditPath = `${dir}/audit.log`;
  const db = openDatabase(`${dir}/bynar.db`);
  // sdc is known to the state machine as good (the API shows it as the disk's state).
  new MachineRepo(db).putDisk({
    diskKey: "serial:SER-sdc",
    path: "/dev/sdc",
    serial: "SER-sdc",
    state: "good",
    reason: "",
    fsType: null,
    fsUuid: null,
    fsLabel: null,
    smartVerdict: null,
    vanished: false,
    replacedBy: null,
    holds: 0,
    updatedAt: "2026-01-01T00:00:00.000Z",
  });
  const limits = o.limits ?? { ratePerSecond: 0 };
  // The disk-manager's apps as its composition root builds them, in process.
  const { app, registry, metrics } = await buildDiskManagerApp(
    DiskManagerConfigSchema.parse({
      insecure_http: true,
      jwt_issuer: o.issuer ?? ISSUER,
      jwt_audience: AUDIENCE,
      audit_log: auditPath,
      rate_limit_per_second: limits.ratePerSecond ?? 50,
      // The failed-auth limiter only where a test asks for it (attack suites send many).
      auth_failures_per_second: limits.authFailuresPerSecond ?? 0,
      ...(limits.authFailureBurst !== undefined
        ? { auth_failure_burst: limits.authFailureBurst }
        : {}),
      ...(limits.rateBurst !== undefined ? { rate_limit_burst: limits.rateBurst } : {}),
      ...(limits.maxBodyBytes !== undefined ? { max_body_bytes: limits.maxBodyBytes } : {}),
      ...(limits.requestTimeoutMs !== undefined
        ? { request_timeout_seconds: limits.requestTimeoutMs / 1000 }
        : {}),
    }),
    {
      backend,
      inventory: fixedInventory([
        disk("sda", { system: "holds /" }),
        disk("sdb", { wwn: "0x5000c500a1b2c3d4" }),
        disk("sdc"),
        disk("vdz", { serial: null }),
      ]),
      db,
      tickets: { list: () => Promise.resolve([{ ticketId: "OPS-1", serverName: HOST }]) },
      keys,
      hostnames: [HOST],
      log: o.log ?? (() => {}),
      ...(o.now ? { now: o.now } : {}),
    },
  );
  return {
    // Every response a test receives is checked against the published OpenAPI document.
    app: validatedApp(app),
    backend,
    registry,
    metrics,
    key,
    keys,
    auditPath,
    dir,
    token: (s) => sign(key, s),
    cleanup: async () => {
      await registry.close();
      db.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/**
 * A JSON request with a bearer token.
 *
 * @param token The token.
 * @param body JSON body (POST) or undefined (GET).
 * @param headers Extra headers.
 * @returns Request init.
 */
export function req(
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  const h: Record<string, string> = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body === undefined) return { method: "GET", headers: h };
  h["content-type"] ??= "application/json";
  return {
    method: "POST",
    headers: h,
    body: typeof body === "string" || body instanceof Uint8Array
      ? body as BodyInit
      : JSON.stringify(body),
  };
}

/** ` osd=N` when the request named the OSD the disk carried. */
function osdSuffix(disk: DiskRef): string {
  return disk.osdId !== undefined ? ` osd=${disk.osdId}` : "";
}
