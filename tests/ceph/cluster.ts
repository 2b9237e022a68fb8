/**
 * A real single-host Ceph test cluster (1 mon, 1 mgr, 3 BlueStore OSDs on loop devices
 * backed by sparse files), loopback only, for the Ceph backend tests.
 *
 * Library: {@linkcode withCluster} (lock + reuse or bootstrap), {@linkcode ensureCluster},
 * {@linkcode teardownCluster}, {@linkcode lockCluster}. CLI:
 * `deno run -A tests/ceph/cluster.ts up|down|status`.
 *
 * Everything lives in {@linkcode STATE_DIR} (default `/var/tmp/bynar-ceph`, env
 * `BYNAR_CEPH_STATE_DIR`): conf, keyrings, mon/mgr data, logs, pid files, sparse backing
 * files, and `state.json` (every loop device it attached, recorded right after attaching,
 * so `down` detaches exactly those even after a failed bootstrap). Ceph-volume hard-codes
 * `/var/lib/ceph/osd/ceph-N` and `/var/lib/ceph/bootstrap-osd/ceph.keyring`, so only one
 * such cluster can exist per machine; `/tmp/bynar-ceph.lock` (flock) serialises users.
 *
 * @module
 */
import { commandFailure, runCommand } from "../../src/process/run.ts";
import { retry } from "../../src/shared/retry.ts";

/** State directory of the test cluster. */
export const STATE_DIR: string = Deno.env.get("BYNAR_CEPH_STATE_DIR") ?? "/var/tmp/bynar-ceph";
/** Lock file serialising every user of the test cluster. */
export const LOCK_PATH = "/tmp/bynar-ceph.lock";
/** Pool created for tests and latency probes. */
export const TEST_POOL = "bynar";
/** OSD data dirs (hard-coded by ceph-volume). */
export const OSD_DATA_ROOT = "/var/lib/ceph/osd";
/** Bootstrap-osd keyring (hard-coded by ceph-volume). */
export const BOOTSTRAP_OSD_KEYRING = "/var/lib/ceph/bootstrap-osd/ceph.keyring";
/** Size of each sparse OSD backing file. */
export const OSD_FILE_BYTES = 5 * 1024 * 1024 * 1024;
const OSD_COUNT = 3;

/** One OSD of the test cluster. */
export interface TestOsd {
  /** OSD id. */
  id: number;
  /** Loop device, e.g. `/dev/loop3`. */
  loop: string;
  /** Backing sparse file. */
  file: string;
}

/** What tests need to reach the cluster. */
export interface CephTestCluster {
  /** ceph.conf path. */
  confPath: string;
  /** client.admin keyring path. */
  keyring: string;
  /** Cluster fsid. */
  fsid: string;
  /** State directory. */
  stateDir: string;
  /** Pool for test data and latency probes. */
  pool: string;
  /** The OSDs. */
  osds: TestOsd[];
}

/** `state.json`: what the harness created (for teardown). */
interface HarnessState {
  fsid: string;
  loops: { loop: string; file: string }[];
  osds: TestOsd[];
  ready: boolean;
  bootstrapSeconds?: number;
}

/** An exclusive hold on {@linkcode LOCK_PATH}. */
export interface ClusterLock {
  /** Releases the lock (idempotent). */
  release(): void;
}

/**
 * Takes the exclusive cluster lock (flock), waiting for other holders.
 *
 * @returns The lock; call `release()` in `finally`.
 */
export async function lockCluster(): Promise<ClusterLock> {
  const file = await Deno.open(LOCK_PATH, { create: true, write: true, read: true });
  await file.lock(true);
  let held = true;
  return {
    release(): void {
      if (!held) return;
      held = false;
      try {
        file.unlockSync();
      } finally {
        file.close();
      }
    },
  };
}

function path(...parts: string[]): string {
  return [STATE_DIR, ...parts].join("/");
}

/** The conf path of the test cluster. */
export const CONF_PATH: string = path("ceph.conf");
/** The client.admin keyring of the test cluster. */
export const ADMIN_KEYRING: string = path("ceph.client.admin.keyring");

async function sh(
  cmd: string,
  args: string[],
  opts: { timeoutMs?: number; env?: Record<string, string>; allowFail?: boolean } = {},
): Promise<string> {
  const r = await runCommand(cmd, args, {
    timeoutMs: opts.timeoutMs ?? 60_000,
    env: opts.env ?? {},
  });
  if (r.code !== 0 && !opts.allowFail) throw commandFailure([cmd, ...args], r);
  return r.stdout;
}

/**
 * Runs the `ceph` CLI against the test cluster and returns stdout.
 *
 * @param args Arguments after `ceph -c <conf>`.
 * @param options `allowFail` returns stdout even on a non-zero exit.
 * @returns Standard output.
 * @throws {Error} On a non-zero exit unless `allowFail`.
 */
export function ceph(args: string[], options: { allowFail?: boolean } = {}): Promise<string> {
  return sh("ceph", ["-c", CONF_PATH, "--connect-timeout", "10", ...args], {
    allowFail: options.allowFail ?? false,
  });
}

/**
 * Runs `ceph … --format json` and parses the output.
 *
 * @param args Arguments.
 * @returns The parsed JSON.
 */
export async function cephJson<T = unknown>(args: string[]): Promise<T> {
  const out = await ceph([...args, "--format", "json"]);
  return JSON.parse(out) as T;
}

function confText(fsid: string): string {
  const s = STATE_DIR;
  return `[global]
fsid = ${fsid}
mon_host = [v2:127.0.0.1:3300,v1:127.0.0.1:6789]
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_ipv6 = false
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
auth_allow_insecure_global_id_reclaim = false
run_dir = ${s}/run
pid_file = ${s}/run/$cluster-$name.pid
admin_socket = ${s}/run/$cluster-$name.asok
mon_cluster_log_file = ${s}/log/$cluster.log
crash_dir = ${s}/crash
mon_data = ${s}/mon/$cluster-$id
mgr_data = ${s}/mgr/$cluster-$id
osd_crush_chooseleaf_type = 0
osd_pool_default_size = 2
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
mon_allow_pool_delete = true
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
mon_warn_on_insecure_global_id_reclaim = false
mon_warn_on_insecure_global_id_reclaim_allowed = false
mon_data_avail_warn = 2
mon_data_avail_crit = 1
mon_max_pg_per_osd = 500
mgr_stats_period = 1
osd_pool_default_flag_nodelete = false

[mon]
mon_initial_members = a
log_file = ${s}/log/$cluster-$name.log

[mgr]
log_file = ${s}/log/$cluster-$name.log

[osd]
log_file = ${s}/log/$cluster-$name.log
osd_objectstore = bluestore
osd_memory_target = 939524096
bluestore_cache_autotune = true
osd_recovery_sleep = 0
osd_recovery_sleep_hdd = 0
osd_recovery_sleep_ssd = 0
osd_recovery_sleep_hybrid = 0
osd_max_backfills = 8
osd_mon_report_interval = 1
osd_heartbeat_grace = 5
osd_heartbeat_interval = 1

[client]
keyring = ${s}/$cluster.$name.keyring
admin_socket =
`;
}

async function readState(): Promise<HarnessState | null> {
  try {
    return JSON.parse(await Deno.readTextFile(path("state.json"))) as HarnessState;
  } catch {
    return null;
  }
}

async function writeState(state: HarnessState): Promise<void> {
  await Deno.writeTextFile(path("state.json.tmp"), JSON.stringify(state, null, 2));
  await Deno.rename(path("state.json.tmp"), path("state.json"));
}

/**
 * Attaches a new sparse backing file of the harness as a loop device and records it in
 * `state.json` before returning (so teardown finds it).
 *
 * @param name File name inside the state dir's `disks/`.
 * @returns Loop device and file.
 */
export async function attachBlankDisk(name: string): Promise<{ loop: string; file: string }> {
  const state = await readState();
  if (!state) throw new Error("Cannot attach a disk: the test cluster has no state.json");
  await Deno.mkdir(path("disks"), { recursive: true });
  const file = path("disks", name);
  const f = await Deno.open(file, { create: true, write: true, truncate: true });
  await f.truncate(OSD_FILE_BYTES);
  f.close();
  const loop = (await sh("losetup", ["--find", "--show", file])).trim();
  state.loops.push({ loop, file });
  await writeState(state);
  return { loop, file };
}

/**
 * Detaches one loop device the harness attached (verified against `state.json` and the
 * kernel's backing-file record) and retires its backing file: emptied, but kept under
 * `disks/retired/` until teardown, so the next blank disk cannot reuse its inode (a loop
 * disk's identity is its backing file's device and inode).
 *
 * @param loop The loop device.
 * @throws {Error} When the loop was not attached by the harness.
 */
export async function detachDisk(loop: string): Promise<void> {
  const state = await readState();
  const rec = state?.loops.find((l) => l.loop === loop);
  if (!state || !rec) throw new Error(`Cannot detach "${loop}": not attached by the harness`);
  await detachIfOurs(rec);
  state.loops = state.loops.filter((l) => l !== rec);
  await writeState(state);
  try {
    await Deno.truncate(rec.file, 0);
    await Deno.mkdir(path("disks", "retired"), { recursive: true });
    const name = rec.file.split("/").pop()!;
    await Deno.rename(rec.file, path("disks", "retired", `${name}.${Date.now()}`));
  } catch {
    await Deno.remove(rec.file).catch(() => {});
  }
}

/**
 * Records the current OSD list (after a test replaced a disk).
 *
 * @param osds The OSDs.
 */
export async function recordOsds(osds: TestOsd[]): Promise<void> {
  const state = await readState();
  if (!state) return;
  state.osds = osds;
  await writeState(state);
}

async function detachIfOurs(rec: { loop: string; file: string }): Promise<void> {
  const name = rec.loop.replace("/dev/", "");
  let backing = "";
  try {
    backing = (await Deno.readTextFile(`/sys/block/${name}/loop/backing_file`)).trim();
  } catch {
    return; // not attached any more
  }
  const real = await Deno.realPath(rec.file).catch(() => rec.file);
  if (backing !== rec.file && backing !== real && !backing.startsWith(rec.file)) return;
  await sh("losetup", ["-d", rec.loop], { allowFail: true });
}

async function pidAlive(pid: number): Promise<boolean> {
  try {
    Deno.kill(pid, "SIGCONT");
    const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

async function pidOf(daemon: string): Promise<number | null> {
  try {
    const pid = Number((await Deno.readTextFile(path("run", `ceph-${daemon}.pid`))).trim());
    return Number.isInteger(pid) && pid > 0 && await pidAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  let lastErr: unknown;
  try {
    return await retry(async () => {
      let v: T | null | undefined | false;
      try {
        v = await fn();
      } catch (err) {
        lastErr = err;
        throw err;
      }
      if (!v) throw new Error(`${what}: not yet`);
      return v;
    }, { deadlineMs: timeoutMs, backoff: { baseMs: 200, factor: 1.5, maxMs: 1000 } });
  } catch {
    throw new Error(`Timed out waiting for ${what}${lastErr ? `: ${lastErr}` : ""}`);
  }
}

async function monUp(): Promise<boolean> {
  const r = await runCommand("ceph", ["-c", CONF_PATH, "--connect-timeout", "3", "fsid"], {
    timeoutMs: 10_000,
  });
  return r.code === 0;
}

/** Cluster summary used by waits. */
interface StatusSummary {
  health: string;
  numOsds: number;
  numUp: number;
  numIn: number;
  numPgs: number;
  activeClean: number;
}

async function summary(): Promise<StatusSummary> {
  const s = await cephJson<{
    health: { status: string };
    osdmap: { num_osds: number; num_up_osds: number; num_in_osds: number };
    pgmap: { num_pgs: number; pgs_by_state?: { state_name: string; count: number }[] };
  }>(["status"]);
  const ac = (s.pgmap.pgs_by_state ?? []).filter((p) => p.state_name === "active+clean")
    .reduce((a, p) => a + p.count, 0);
  return {
    health: s.health.status,
    numOsds: s.osdmap.num_osds,
    numUp: s.osdmap.num_up_osds,
    numIn: s.osdmap.num_in_osds,
    numPgs: s.pgmap.num_pgs,
    activeClean: ac,
  };
}

/**
 * Waits until every OSD is up and in and every PG is active+clean.
 *
 * @param timeoutMs Deadline.
 */
export async function waitHealthy(timeoutMs = 120_000): Promise<void> {
  await waitFor("all OSDs up+in and all PGs active+clean", async () => {
    const dump = await cephJson<{ pools: { pg_num: number }[] }>(["osd", "dump"]);
    const expected = dump.pools.reduce((a, p) => a + p.pg_num, 0);
    const s = await summary();
    return s.numOsds >= OSD_COUNT && s.numUp === s.numOsds && s.numIn === s.numOsds &&
      s.numPgs === expected && s.activeClean === s.numPgs;
  }, timeoutMs);
}

/**
 * Starts `ceph-osd -i N` unless it is already running.
 *
 * @param id OSD id.
 */
export async function startOsd(id: number): Promise<void> {
  if (await pidOf(`osd.${id}`)) return;
  await sh("chown", ["-R", "ceph:ceph", path("run"), path("log")]);
  await sh("ceph-osd", [
    "-c",
    CONF_PATH,
    "-i",
    String(id),
    "--setuser",
    "ceph",
    "--setgroup",
    "ceph",
  ]);
}

async function createOsd(loop: string): Promise<number> {
  const env = { CEPH_VOLUME_ALLOW_LOOP_DEVICES: "1", CEPH_CONF: CONF_PATH };
  const logArgs = ["--log-path", path("log")];
  await sh("ceph-volume", [...logArgs, "raw", "prepare", "--bluestore", "--data", loop], {
    env,
    timeoutMs: 120_000,
  });
  const list = JSON.parse(
    await sh("ceph-volume", [...logArgs, "raw", "list", loop, "--format", "json"], { env }),
  ) as Record<string, { osd_id: number }>;
  const first = Object.values(list)[0];
  if (!first) throw new Error(`Cannot find the OSD prepared on "${loop}"`);
  await sh("ceph-volume", [...logArgs, "raw", "activate", "--device", loop, "--no-systemd"], {
    env,
    timeoutMs: 120_000,
  });
  await startOsd(first.osd_id);
  return first.osd_id;
}

async function bootstrap(): Promise<CephTestCluster> {
  const t0 = performance.now();
  await teardownLocked(); // leftovers of a crashed run
  for (const d of ["run", "log", "crash", "mon", "mgr/ceph-x", "disks"]) {
    await Deno.mkdir(path(d), { recursive: true });
  }
  const fsid = crypto.randomUUID();
  const state: HarnessState = { fsid, loops: [], osds: [], ready: false };
  await writeState(state);
  await Deno.writeTextFile(CONF_PATH, confText(fsid));
  await Deno.chmod(STATE_DIR, 0o755);
  await sh("chown", ["-R", "ceph:ceph", path("run"), path("log"), path("crash")]);

  const monKeyring = path("mon.keyring");
  await sh("ceph-authtool", [
    "--create-keyring",
    monKeyring,
    "--gen-key",
    "-n",
    "mon.",
    "--cap",
    "mon",
    "allow *",
  ]);
  await sh("ceph-authtool", [
    "--create-keyring",
    ADMIN_KEYRING,
    "--gen-key",
    "-n",
    "client.admin",
    "--cap",
    "mon",
    "allow *",
    "--cap",
    "osd",
    "allow *",
    "--cap",
    "mds",
    "allow *",
    "--cap",
    "mgr",
    "allow *",
  ]);
  await Deno.mkdir("/var/lib/ceph/bootstrap-osd", { recursive: true });
  await sh("ceph-authtool", [
    "--create-keyring",
    BOOTSTRAP_OSD_KEYRING,
    "--gen-key",
    "-n",
    "client.bootstrap-osd",
    "--cap",
    "mon",
    "profile bootstrap-osd",
    "--cap",
    "mgr",
    "allow r",
  ]);
  await sh("ceph-authtool", [monKeyring, "--import-keyring", ADMIN_KEYRING]);
  await sh("ceph-authtool", [monKeyring, "--import-keyring", BOOTSTRAP_OSD_KEYRING]);
  await sh("monmaptool", [
    "--create",
    "--addv",
    "a",
    "[v2:127.0.0.1:3300,v1:127.0.0.1:6789]",
    "--fsid",
    fsid,
    path("monmap"),
  ]);
  await sh("ceph-mon", [
    "-c",
    CONF_PATH,
    "--mkfs",
    "-i",
    "a",
    "--monmap",
    path("monmap"),
    "--keyring",
    monKeyring,
  ]);
  await sh("ceph-mon", ["-c", CONF_PATH, "-i", "a"]);
  await waitFor("the monitor", monUp, 30_000);

  const mgrKey = await ceph([
    "auth",
    "get-or-create",
    "mgr.x",
    "mon",
    "allow profile mgr",
    "osd",
    "allow *",
    "mds",
    "allow *",
  ]);
  await Deno.writeTextFile(path("mgr/ceph-x/keyring"), mgrKey);
  await ceph(["config", "set", "mgr", "mgr/devicehealth/enable_monitoring", "false", "--force"]);
  await ceph(["config", "set", "mgr", "mgr/pg_autoscaler/autoscale_profile", "scale-up"], {
    allowFail: true,
  });
  await sh("ceph-mgr", ["-c", CONF_PATH, "-i", "x"]);

  // Loops first (recorded one by one), then OSDs in parallel.
  for (let i = 0; i < OSD_COUNT; i++) {
    const file = path("disks", `osd-${i}.img`);
    const f = await Deno.open(file, { create: true, write: true, truncate: true });
    await f.truncate(OSD_FILE_BYTES);
    f.close();
    const loop = (await sh("losetup", ["--find", "--show", file])).trim();
    state.loops.push({ loop, file });
    await writeState(state);
  }
  const ids = await Promise.all(state.loops.map((l) => createOsd(l.loop)));
  state.osds = state.loops.map((l, i) => ({ id: ids[i]!, loop: l.loop, file: l.file }))
    .sort((a, b) => a.id - b.id);
  await writeState(state);
  await waitFor("3 OSDs up", async () => (await summary()).numUp === OSD_COUNT, 60_000);
  // The balancer would change the OSD map on its own (upmaps) and race the tests.
  await ceph(["balancer", "off"], { allowFail: true });
  await ceph(["osd", "pool", "create", TEST_POOL, "32", "32", "replicated"]);
  await ceph(["osd", "pool", "application", "enable", TEST_POOL, "rados"]);
  await waitHealthy();
  state.ready = true;
  state.bootstrapSeconds = Math.round((performance.now() - t0) / 100) / 10;
  await writeState(state);
  return info(state);
}

function info(state: HarnessState): CephTestCluster {
  return {
    confPath: CONF_PATH,
    keyring: ADMIN_KEYRING,
    fsid: state.fsid,
    stateDir: STATE_DIR,
    pool: TEST_POOL,
    osds: state.osds,
  };
}

async function reuse(state: HarnessState): Promise<CephTestCluster | null> {
  if (!state.ready || !(await pidOf("mon.a")) || !(await monUp())) return null;
  if (!(await pidOf("mgr.x"))) await sh("ceph-mgr", ["-c", CONF_PATH, "-i", "x"]);
  // A test that died mid-replacement leaves a destroyed or missing OSD: rebuild instead.
  const dump = await cephJson<{ osds: { osd: number; state: string[] }[] }>(["osd", "dump"]);
  const known = new Map(dump.osds.map((o) => [o.osd, o.state]));
  if (state.osds.some((o) => !known.has(o.id) || known.get(o.id)!.includes("destroyed"))) {
    return null;
  }
  await ceph(["balancer", "off"], { allowFail: true });
  for (const osd of state.osds) {
    const mounted = await isMountpoint(`${OSD_DATA_ROOT}/ceph-${osd.id}`);
    if (!mounted) {
      await sh("ceph-volume", [
        "--log-path",
        path("log"),
        "raw",
        "activate",
        "--device",
        osd.loop,
        "--no-systemd",
      ], { env: { CEPH_VOLUME_ALLOW_LOOP_DEVICES: "1", CEPH_CONF: CONF_PATH } });
    }
    await startOsd(osd.id);
  }
  await waitHealthy();
  return info(state);
}

/**
 * Returns the running test cluster, bootstrapping it when none is up. Takes the cluster
 * lock unless the caller holds it (`options.locked`).
 *
 * @param options `locked: true` when the caller already holds {@linkcode lockCluster}.
 * @returns How to reach the cluster.
 */
export async function ensureCluster(
  options: { locked?: boolean } = {},
): Promise<CephTestCluster> {
  const lock = options.locked ? null : await lockCluster();
  try {
    const state = await readState();
    if (state) {
      const reused = await reuse(state).catch((err) => {
        console.error(`test cluster: cannot reuse (${err}); rebuilding`);
        return null;
      });
      if (reused) return reused;
    }
    return await bootstrap();
  } finally {
    lock?.release();
  }
}

/**
 * Returns how to reach the running cluster from its `state.json`, with no health check
 * and no lock (for subprocesses of a test that holds the lock).
 *
 * @returns The cluster.
 * @throws {Error} When no cluster state exists.
 */
export async function readCluster(): Promise<CephTestCluster> {
  const state = await readState();
  if (!state?.ready) throw new Error(`No test cluster in ${STATE_DIR}: run cluster.ts up`);
  return info(state);
}

/**
 * Runs `fn` with exclusive use of the (running or freshly bootstrapped) test cluster.
 *
 * @param fn The work.
 * @returns What `fn` returns.
 */
export async function withCluster<T>(fn: (c: CephTestCluster) => Promise<T>): Promise<T> {
  const lock = await lockCluster();
  try {
    const c = await ensureCluster({ locked: true });
    return await fn(c);
  } finally {
    lock.release();
  }
}

async function isMountpoint(dir: string): Promise<boolean> {
  const info = await Deno.readTextFile("/proc/self/mountinfo");
  return info.split("\n").some((l) => l.split(" ")[4] === dir);
}

/**
 * Kills an OSD daemon of the harness with SIGKILL, as a disk death would end it, and
 * waits until the process is gone (the mon marks it down about a second later).
 *
 * @param id OSD id.
 */
export async function killOsd(id: number): Promise<void> {
  const pid = await pidOf(`osd.${id}`);
  if (!pid) return;
  try {
    Deno.kill(pid, "SIGKILL");
  } catch { /* gone */ }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && await pidAlive(pid)) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function killDaemon(daemon: string): Promise<void> {
  const pid = await pidOf(daemon);
  if (!pid) return;
  try {
    Deno.kill(pid, "SIGTERM");
  } catch { /* gone */ }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && await pidAlive(pid)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (await pidAlive(pid)) {
    try {
      Deno.kill(pid, "SIGKILL");
    } catch { /* gone */ }
  }
}

async function teardownLocked(): Promise<void> {
  const state = await readState();
  // Daemons: by the pid files in our run dir only.
  try {
    const names: string[] = [];
    for await (const e of Deno.readDir(path("run"))) {
      const m = /^ceph-(.+)\.pid$/.exec(e.name);
      if (m) names.push(m[1]!);
    }
    // OSDs first (they tell the mon they stop), then the mgr, then the mon.
    const rank = (n: string): number => (n.startsWith("osd.") ? 0 : n.startsWith("mgr.") ? 1 : 2);
    for (const r of [0, 1, 2]) {
      await Promise.all(names.filter((n) => rank(n) === r).map(killDaemon));
    }
  } catch { /* no run dir */ }
  // tmpfs of our OSDs (and of any OSD dir ceph-volume left for ids we recorded).
  const ids = new Set<number>((state?.osds ?? []).map((o) => o.id));
  try {
    for await (const e of Deno.readDir(OSD_DATA_ROOT)) {
      const m = /^ceph-(\d+)$/.exec(e.name);
      if (m) ids.add(Number(m[1]));
    }
  } catch { /* none */ }
  for (const id of ids) {
    const dir = `${OSD_DATA_ROOT}/ceph-${id}`;
    while (await isMountpoint(dir)) {
      const r = await runCommand("umount", [dir], { timeoutMs: 30_000 });
      if (r.code !== 0) break;
    }
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
  for (const rec of state?.loops ?? []) await detachIfOurs(rec);
  await Deno.remove(BOOTSTRAP_OSD_KEYRING).catch(() => {});
  await Deno.remove(STATE_DIR, { recursive: true }).catch(() => {});
}

/**
 * Tears the test cluster down completely: daemons killed by pid, OSD tmpfs unmounted,
 * the harness's loop devices detached, files removed. Safe to call when nothing is up.
 */
export async function teardownCluster(): Promise<void> {
  const lock = await lockCluster();
  try {
    await teardownLocked();
  } finally {
    lock.release();
  }
}

/**
 * Reports whether the test cluster is up, with its state.
 *
 * @returns A printable status.
 */
export async function clusterStatus(): Promise<Record<string, unknown>> {
  const state = await readState();
  if (!state) return { up: false };
  const mon = await pidOf("mon.a");
  const s = mon && await monUp() ? await summary().catch(() => null) : null;
  return {
    up: s !== null,
    fsid: state.fsid,
    stateDir: STATE_DIR,
    bootstrapSeconds: state.bootstrapSeconds,
    osds: state.osds,
    loops: state.loops,
    cluster: s,
  };
}

if (import.meta.main) {
  const cmd = Deno.args[0];
  if (cmd === "up") {
    const t0 = performance.now();
    const c = await ensureCluster();
    console.log(JSON.stringify({ ...c, seconds: (performance.now() - t0) / 1000 }, null, 2));
  } else if (cmd === "down") {
    const t0 = performance.now();
    await teardownCluster();
    console.log(`test cluster down in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else if (cmd === "status") {
    console.log(JSON.stringify(await clusterStatus(), null, 2));
  } else {
    console.error("usage: deno run -A tests/ceph/cluster.ts up|down|status");
    Deno.exit(2);
  }
}
