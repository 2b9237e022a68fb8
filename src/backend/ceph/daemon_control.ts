/**
 * Starting and stopping OSD daemons: systemd units in production, plain processes with
 * pid files where there is no systemd (test clusters, containers).
 *
 * @module
 */
import { type CommandRunner, runChecked } from "../../process/run.ts";
import * as hostfs from "../../hostfs/mod.ts";
import { osdDaemonArgv } from "./commands.ts";

/** Starts and stops OSD daemons. */
export interface OsdDaemonControl {
  /** `systemd` or `process`. */
  readonly kind: "systemd" | "process";
  /**
   * Stops the daemon of an OSD (idempotent).
   *
   * @param id OSD id.
   */
  stop(id: number): Promise<void>;
  /**
   * Starts the daemon of an OSD (idempotent).
   *
   * @param id OSD id.
   */
  start(id: number): Promise<void>;
  /**
   * Tells whether the daemon runs.
   *
   * @param id OSD id.
   * @returns True when running.
   */
  isRunning(id: number): Promise<boolean>;
}

/** Options of {@linkcode createDaemonControl}. */
export interface DaemonControlOptions {
  /** `systemd` or `process`. */
  kind: "systemd" | "process";
  /** Program runner. */
  runner: CommandRunner;
  /** Cluster name. */
  cluster: string;
  /** ceph.conf path (process mode passes it to `ceph-osd -c`). */
  confPath: string;
  /** Directory of the pid files (`run_dir` from the conf). */
  runDir: string;
}

async function run(runner: CommandRunner, cmd: string, args: string[]): Promise<void> {
  await runChecked(cmd, args, { runner, timeoutMs: 120_000 });
}

function alive(pid: number): boolean {
  try {
    const stat = hostfs.readTextSync(`/proc/${pid}/stat`);
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

/**
 * Creates the daemon control of the configured kind.
 *
 * @param options Kind, runner, conf and pid-file directory.
 * @returns The control.
 */
export function createDaemonControl(options: DaemonControlOptions): OsdDaemonControl {
  const { runner, cluster } = options;
  if (options.kind === "systemd") {
    return {
      kind: "systemd",
      stop: (id) => run(runner, "systemctl", ["stop", `ceph-osd@${id}.service`]),
      start: (id) => run(runner, "systemctl", ["start", `ceph-osd@${id}.service`]),
      isRunning: async (id) =>
        (await runner.run("systemctl", ["is-active", "--quiet", `ceph-osd@${id}.service`]))
          .code === 0,
    };
  }
  const pidFile = (id: number): string => `${options.runDir}/${cluster}-osd.${id}.pid`;
  const pidOf = (id: number): number | null => {
    try {
      const pid = Number(Deno.readTextFileSync(pidFile(id)).trim());
      if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
      const cmdline = hostfs.readTextSync(`/proc/${pid}/cmdline`);
      return cmdline.includes("ceph-osd") ? pid : null;
    } catch {
      return null;
    }
  };
  return {
    kind: "process",
    stop: async (id) => {
      const pid = pidOf(id);
      if (pid) {
        Deno.kill(pid, "SIGTERM");
        const deadline = Date.now() + 30_000;
        while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        if (alive(pid)) Deno.kill(pid, "SIGKILL");
      }
      // A stale root-owned pid file would make ceph-volume's mkfs (run as ceph) fail.
      await Deno.remove(pidFile(id)).catch(() => {});
    },
    start: async (id) => {
      if (pidOf(id)) return;
      // As ceph-osd@.service does (and exactly as the plan shows it).
      const [program, ...args] = osdDaemonArgv(id, { cluster, confPath: options.confPath });
      await run(runner, program!, args);
    },
    isRunning: (id) => Promise.resolve(pidOf(id) !== null),
  };
}
