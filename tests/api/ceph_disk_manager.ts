/**
 * The disk-manager as the end-to-end tests run it on the real Ceph test cluster, started
 * through its composition root (`startDiskManagerProgram`): TLS with a throw-away CA, a
 * local signing key and a token with both scopes, the real Ceph backend (built by the root
 * from the test cluster's ceph.json) and the real inventory (loop devices included).
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { discoverInventory } from "../../src/api/inventory_source.ts";
import { localKeySource } from "../../src/api/middleware/auth/mod.ts";
import {
  type RunningDiskManagerProgram,
  startDiskManagerProgram,
} from "../../src/app/disk_manager.ts";
import type { DiskInventory } from "../../src/api/types.ts";
import type { ConnectingBackend } from "../../src/app/connecting_backend.ts";
import type { CephBackend } from "../../src/backend/ceph/mod.ts";
import { DiskManagerConfigSchema } from "../../src/config/schema.ts";
import { openDatabase } from "../../src/store/db.ts";
import type { CephTestCluster } from "../ceph/cluster.ts";
import { testCephConfig } from "../ceph/helpers.ts";
import { AUDIENCE, HOST, ISSUER, makeKey, sign, type TestKey } from "./harness.ts";
import { makeTestPki, type TestPki } from "./pki.ts";

/** A running disk-manager and what a test needs to call it. */
export interface CephDiskManager {
  /** The running service (`dm.addr.port`, `dm.close()`). */
  dm: RunningDiskManagerProgram;
  /** The real Ceph backend behind it. */
  backend: CephBackend;
  /** The disk-manager's database. */
  db: DatabaseSync;
  /** The inventory it serves. */
  inventory: DiskInventory;
  /** Throw-away CA and server certificate. */
  pki: TestPki;
  /** The signing key whose public half the service trusts. */
  key: TestKey;
  /** A token with `disks:read disks:write` for this host. */
  token: string;
}

/** Options of {@linkcode startCephDiskManager}. */
export interface StartCephDiskManagerOptions {
  /**
   * Database file name inside `dir`.
   * @default "bynar.db"
   */
  dbFile?: string;
  /**
   * Lifetime of the token, seconds.
   * @default 3600
   */
  tokenTtlSeconds?: number;
  /** disk-manager.json fields over the defaults (e.g. `shutdown_grace_seconds`). */
  diskManager?: Record<string, unknown>;
  /**
   * Service log sink.
   * @default nothing is logged
   */
  log?: (line: string) => void;
}

/**
 * Starts the disk-manager over TLS against the real Ceph test cluster.
 *
 * @param cluster The cluster from `withCluster`.
 * @param dir A temp directory owned by the test (database, PKI, audit log).
 * @param options Database file, token lifetime and log sink.
 * @returns The service and its credentials; the caller closes `dm`, `backend` and `db`.
 */
export async function startCephDiskManager(
  cluster: CephTestCluster,
  dir: string,
  options: StartCephDiskManagerOptions = {},
): Promise<CephDiskManager> {
  const db = openDatabase(`${dir}/${options.dbFile ?? "bynar.db"}`);
  const pki = await makeTestPki(dir);
  const key = await makeKey();
  const token = await sign(key, {
    scope: "disks:read disks:write",
    expIn: options.tokenTtlSeconds ?? 3600,
  });
  const inventory = discoverInventory({ includeLoop: true, cacheMs: 0 });
  const dm = await startDiskManagerProgram({
    configDir: dir,
    includeLoop: true,
    overrides: {
      config: {
        ceph: testCephConfig(cluster),
        diskManager: {
          ...DiskManagerConfigSchema.parse({
            tls_cert: pki.certPath,
            tls_key: pki.keyPath,
            jwt_issuer: ISSUER,
            jwt_audience: AUDIENCE,
            audit_log: `${dir}/audit.log`,
            ...options.diskManager,
          }),
          port: 0,
          metrics_port: 0,
        },
      },
      inventory,
      db,
      keys: localKeySource({ keys: [key.publicJwk] }),
      hostnames: [HOST],
      log: options.log ?? (() => {}),
    },
  });
  // The root connects Ceph in the background; the tests want the connected backend.
  const connecting = dm.backend as ConnectingBackend;
  await connecting.connected;
  return { dm, backend: connecting.current() as CephBackend, db, inventory, pki, key, token };
}
