/**
 * Helpers of the real-cluster Ceph tests: the ceph.json of the test cluster, checksummed
 * test data, and running a backend operation in a subprocess (to kill -9 it).
 *
 * @module
 */
import { type CephConfig, CephConfigSchema } from "../../src/config/schema.ts";
import { ceph, type CephTestCluster } from "./cluster.ts";
import { getRadosConnection } from "../../ffi/librados/mod.ts";

/**
 * Builds the ceph.json of the test cluster.
 *
 * @param c The cluster.
 * @param overrides Field overrides.
 * @returns Validated config.
 */
export function testCephConfig(
  c: CephTestCluster,
  overrides: Record<string, unknown> = {},
): CephConfig {
  return CephConfigSchema.parse({
    config_file: c.confPath,
    user_id: "admin",
    pool_name: c.pool,
    target_weight: 0.0049,
    increment: 0.001,
    latency_cap: 50,
    backfill_cap: 50,
    osd_create_mode: "raw",
    daemon_control: "process",
    allow_loop_devices: true,
    ceph_volume_log_dir: `${c.stateDir}/log`,
    client_mount_timeout: 10,
    drain_timeout_seconds: 300,
    weigh_in_timeout_seconds: 300,
    ...overrides,
  });
}

/**
 * Writes `count` objects of 1 MiB (random) to the pool through librados and returns
 * their SHA-256.
 *
 * @param c Cluster.
 * @param options Object name prefix and count.
 * @returns name → hex digest.
 */
export async function writeChecksummedData(
  c: CephTestCluster,
  options: { prefix: string; count: number },
): Promise<Map<string, string>> {
  const { prefix, count } = options;
  const rados = await getRadosConnection({ confPath: c.confPath });
  const sums = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const data = new Uint8Array(1024 * 1024);
    for (let o = 0; o < data.length; o += 65536) {
      crypto.getRandomValues(data.subarray(o, o + 65536));
    }
    const name = `${prefix}-${i}`;
    await rados.writeFull(c.pool, name, data);
    sums.set(name, await sha256(data));
  }
  return sums;
}

/**
 * Reads the objects back (librados) and returns the names whose checksum differs.
 *
 * @param c Cluster.
 * @param sums Expected digests.
 * @returns Mismatching names (empty when intact).
 */
export async function verifyChecksummedData(
  c: CephTestCluster,
  sums: Map<string, string>,
): Promise<string[]> {
  const rados = await getRadosConnection({ confPath: c.confPath });
  const bad: string[] = [];
  for (const [name, sum] of sums) {
    const data = await rados.read(c.pool, name, 2 * 1024 * 1024).catch(() => null);
    if (!data || await sha256(new Uint8Array(data)) !== sum) bad.push(name);
  }
  return bad;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const h = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return [...h].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Returns `osd dump` without the fields that change on their own (epoch, timestamps).
 *
 * @returns A stable view for equality checks.
 */
export async function stableOsdDump(): Promise<unknown> {
  const d = JSON.parse(await ceph(["osd", "dump", "--format", "json"])) as Record<string, unknown>;
  const osds = (d.osds as Record<string, unknown>[]).map((o) => ({
    osd: o.osd,
    uuid: o.uuid,
    up: o.up,
    in: o.in,
    weight: o.weight,
    state: o.state,
  }));
  const tree = JSON.parse(await ceph(["osd", "tree", "--format", "json"])) as {
    nodes: { id: number; crush_weight?: number; status?: string }[];
  };
  return {
    epoch: d.epoch,
    flags: d.flags,
    osds,
    crush: tree.nodes.map((n) => [n.id, n.crush_weight, n.status]),
  };
}

/**
 * Waits until the OSD map epoch has not changed for `quietMs` (background map changes
 * would otherwise race an "unchanged" check).
 *
 * @param quietMs Quiet period.
 * @param timeoutMs Deadline.
 */
export async function waitMapQuiet(quietMs = 3000, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let epoch = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const d = JSON.parse(await ceph(["osd", "dump", "--format", "json"])) as { epoch: number };
    if (d.epoch !== epoch) {
      epoch = d.epoch;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the OSD map kept changing");
}
