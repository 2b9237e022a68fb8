/**
 * A private, monitor-only Ceph "cluster" for the systemd tier: one `ceph-mon` on the host,
 * on loopback ports of its own, in a temp directory. The disk-manager needs a cluster to
 * start (it connects through librados at start-up); the tier does not add or remove OSDs,
 * so no OSD, no manager and no loop device are made, and the shared test cluster
 * (tests/ceph/cluster.ts) is never touched.
 *
 * @module
 */
import { runCommand } from "../../src/process/run.ts";

/** A running monitor. */
export interface TestMon {
  /** `ceph.conf` for a client elsewhere (mon address, auth; keyring path given by caller). */
  clientConf(keyringPath: string): string;
  /** The client.admin keyring text. */
  readonly adminKeyring: string;
  /** Kills the monitor and removes its directory. */
  stop(): Promise<void>;
}

async function sh(cmd: string, args: string[]): Promise<string> {
  const r = await runCommand(cmd, args, { timeoutMs: 60_000 });
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}: ${(r.stderr || r.stdout).trim()}`);
  }
  return r.stdout;
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/**
 * Creates and starts the monitor, and waits until it answers.
 *
 * @returns The monitor.
 * @throws {Error} When it does not answer within 30 s.
 */
export async function startTestMon(): Promise<TestMon> {
  const dir = await Deno.makeTempDir({ dir: "/var/tmp", prefix: "bynar-tier-mon-" });
  const fsid = crypto.randomUUID();
  const v2 = freePort();
  const v1 = freePort();
  const monHost = `[v2:127.0.0.1:${v2},v1:127.0.0.1:${v1}]`;
  const conf = `${dir}/ceph.conf`;
  const admin = `${dir}/ceph.client.admin.keyring`;
  await Deno.mkdir(`${dir}/run`);
  await Deno.mkdir(`${dir}/log`);
  await Deno.mkdir(`${dir}/mon`);
  await Deno.writeTextFile(
    conf,
    `[global]
fsid = ${fsid}
mon_host = ${monHost}
public_addr = 127.0.0.1
ms_bind_ipv6 = false
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
auth_allow_insecure_global_id_reclaim = false
mon_warn_on_insecure_global_id_reclaim_allowed = false
run_dir = ${dir}/run
pid_file = ${dir}/run/$cluster-$name.pid
admin_socket = ${dir}/run/$cluster-$name.asok
log_file = ${dir}/log/$cluster-$name.log
mon_cluster_log_file = ${dir}/log/$cluster.log
crash_dir = ${dir}/crash
mon_data = ${dir}/mon/$cluster-$id
mon_data_avail_warn = 2
mon_data_avail_crit = 1
keyring = ${admin}
`,
  );
  let pid: number | null = null;
  const stop = async (): Promise<void> => {
    try {
      pid ??= Number((await Deno.readTextFile(`${dir}/run/ceph-mon.a.pid`)).trim()) || null;
    } catch { /* never started */ }
    if (pid) {
      try {
        Deno.kill(pid, "SIGTERM");
        for (let i = 0; i < 100; i++) {
          await Deno.stat(`/proc/${pid}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        Deno.kill(pid, "SIGKILL");
      } catch { /* gone */ }
    }
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  try {
    const monKeyring = `${dir}/mon.keyring`;
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
      admin,
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
      "mgr",
      "allow *",
    ]);
    await sh("ceph-authtool", [monKeyring, "--import-keyring", admin]);
    await sh("monmaptool", ["--create", "--addv", "a", monHost, "--fsid", fsid, `${dir}/monmap`]);
    await sh("ceph-mon", [
      "-c",
      conf,
      "--mkfs",
      "-i",
      "a",
      "--monmap",
      `${dir}/monmap`,
      "--keyring",
      monKeyring,
    ]);
    await sh("ceph-mon", ["-c", conf, "-i", "a"]);
    pid = Number((await Deno.readTextFile(`${dir}/run/ceph-mon.a.pid`)).trim()) || null;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await runCommand("ceph", ["-c", conf, "--connect-timeout", "5", "mon", "stat"], {
        timeoutMs: 15_000,
      });
      if (r.code === 0) break;
      if (Date.now() > deadline) {
        throw new Error(`the tier's ceph-mon does not answer: ${r.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    return {
      adminKeyring: await Deno.readTextFile(admin),
      clientConf: (keyringPath) =>
        `[global]\nfsid = ${fsid}\nmon_host = ${monHost}\nms_bind_ipv6 = false\n` +
        `auth_client_required = cephx\nkeyring = ${keyringPath}\n[client]\nadmin_socket =\n` +
        "log_file =\n",
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
