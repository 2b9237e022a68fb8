/**
 * Builders of every cluster command and external program the Ceph backend sends, so
 * plans (simulate) and execution print and run the very same thing. Argument types follow
 * what Ceph 16 accepts (`ids` strings, `id` integers, `weight` a JSON number); `osd
 * destroy` goes to the mgr.
 *
 * @module
 */

/** A command to the monitors or the manager. */
export interface ClusterCommand {
  /** Who receives it. */
  target: "mon" | "mgr";
  /** The JSON command. */
  cmd: Record<string, unknown>;
}

/** An external program invocation. */
export interface ProgramCall {
  /** Program. */
  program: string;
  /** Arguments. */
  args: string[];
  /** Extra environment. */
  env?: Record<string, string>;
}

/**
 * Serialises a cluster command. Ceph validates `CephFloat` arguments strictly, so a
 * whole-number `weight` is written as `0.0`, not `0` (which it rejects with EINVAL).
 *
 * @param c The command.
 * @returns JSON text.
 */
export function commandJson(c: ClusterCommand): string {
  return JSON.stringify(c.cmd).replace(/"weight":(-?\d+)(?=[,}])/g, '"weight":$1.0');
}

/**
 * Renders a command for plans and logs.
 *
 * @param c The command.
 * @returns e.g. `mon {"prefix":"osd out","ids":["1"]}` or `ceph-volume raw prepare …`.
 */
export function renderCommand(c: ClusterCommand | ProgramCall): string {
  if ("target" in c) return `${c.target} ${commandJson(c)}`;
  return [c.program, ...c.args].join(" ");
}

function mon(cmd: Record<string, unknown>): ClusterCommand {
  return { target: "mon", cmd };
}

function mgr(cmd: Record<string, unknown>): ClusterCommand {
  return { target: "mgr", cmd };
}

/** Cluster command builders. */
export const CMD = {
  /** `osd out`. */
  osdOut: (id: number): ClusterCommand => mon({ prefix: "osd out", ids: [String(id)] }),
  /** `osd in`. */
  osdIn: (id: number): ClusterCommand => mon({ prefix: "osd in", ids: [String(id)] }),
  /** `osd safe-to-destroy` (JSON form: exit 0, parse the lists). */
  safeToDestroy: (id: number): ClusterCommand =>
    mon({ prefix: "osd safe-to-destroy", ids: [String(id)], format: "json" }),
  /** `osd destroy` through the mgr (the mon answers EINVAL on 15+). */
  osdDestroy: (id: number): ClusterCommand =>
    mgr({ prefix: "osd destroy", id, yes_i_really_mean_it: true }),
  /** `osd destroy` through the mon (Nautilus). */
  osdDestroyMon: (id: number): ClusterCommand =>
    mon({ prefix: "osd destroy", id, yes_i_really_mean_it: true }),
  /** `osd crush reweight`. */
  crushReweight: (id: number, weight: number): ClusterCommand =>
    mon({ prefix: "osd crush reweight", name: `osd.${id}`, weight: roundWeight(weight) }),
  /** `osd set <flag>`. */
  setFlag: (flag: string): ClusterCommand => mon({ prefix: "osd set", key: flag }),
  /** `osd unset <flag>`. */
  unsetFlag: (flag: string): ClusterCommand => mon({ prefix: "osd unset", key: flag }),
  /** `config set <who> <name> <value>`. */
  configSet: (who: string, name: string, value: string): ClusterCommand =>
    mon({ prefix: "config set", who, name, value }),
  /** `config rm <who> <name>`. */
  configRm: (who: string, name: string): ClusterCommand => mon({ prefix: "config rm", who, name }),
  /** `osd dump`. */
  osdDump: (): ClusterCommand => mon({ prefix: "osd dump", format: "json" }),
  /** `osd tree`. */
  osdTree: (): ClusterCommand => mon({ prefix: "osd tree", format: "json" }),
  /** `pg stat`. */
  pgStat: (): ClusterCommand => mon({ prefix: "pg stat", format: "json" }),
  /** `config-key set`. */
  keySet: (key: string, val: string): ClusterCommand => mon({ prefix: "config-key set", key, val }),
  /** `config-key rm`. */
  keyRm: (key: string): ClusterCommand => mon({ prefix: "config-key rm", key }),
  /** `config-key dump <prefix>`. */
  keyDump: (prefix: string): ClusterCommand =>
    mon({ prefix: "config-key dump", key: prefix, format: "json" }),
} as const;

/**
 * Rounds a CRUSH weight to 5 decimals (what `osd tree` shows is a 16.16 fixed point).
 *
 * @param w Weight.
 * @returns Rounded weight.
 */
export function roundWeight(w: number): number {
  return Math.round(w * 100_000) / 100_000;
}

/** Options shared by ceph-volume calls. */
export interface VolumeCallOptions {
  /** ceph.conf path (exported as `CEPH_CONF`). */
  confPath: string;
  /** Directory for ceph-volume's log. */
  logDir?: string;
  /** Allow loop devices (test clusters). */
  allowLoop?: boolean;
}

function volume(args: string[], o: VolumeCallOptions): ProgramCall {
  const env: Record<string, string> = { CEPH_CONF: o.confPath };
  if (o.allowLoop) env.CEPH_VOLUME_ALLOW_LOOP_DEVICES = "1";
  return {
    program: "ceph-volume",
    args: [...(o.logDir ? ["--log-path", o.logDir] : []), ...args],
    env,
  };
}

/**
 * The command line that starts an OSD daemon without systemd (what `ceph-osd@.service`
 * runs: the cluster, its conf, the id, dropping to the ceph user). The plan shows exactly
 * this argv and the daemon control runs exactly it. Pure.
 *
 * @param id OSD id.
 * @param o Cluster name and conf path.
 * @returns `[program, ...args]`.
 */
export function osdDaemonArgv(id: number, o: { cluster: string; confPath: string }): string[] {
  return [
    "ceph-osd",
    "--cluster",
    o.cluster,
    "-c",
    o.confPath,
    "-i",
    String(id),
    "--setuser",
    "ceph",
    "--setgroup",
    "ceph",
  ];
}

/** ceph-volume builders. */
export const VOLUME = {
  /** `ceph-volume <mode> list <dev> --format json`. */
  list: (mode: "raw" | "lvm", device: string, o: VolumeCallOptions): ProgramCall =>
    volume([mode, "list", device, "--format", "json"], o),
  /** `ceph-volume <mode> prepare --bluestore --data <dev> --osd-id N [--block.wal] [--block.db]`. */
  prepare: (
    device: string,
    o: VolumeCallOptions & {
      mode: "raw" | "lvm";
      osdId: number;
      wal?: string | null;
      db?: string | null;
      osdFsid?: string;
    },
  ): ProgramCall =>
    volume([
      o.mode,
      "prepare",
      "--bluestore",
      "--data",
      device,
      "--osd-id",
      String(o.osdId),
      ...(o.mode === "lvm" && o.osdFsid ? ["--osd-fsid", o.osdFsid] : []),
      ...(o.wal ? ["--block.wal", o.wal] : []),
      ...(o.db ? ["--block.db", o.db] : []),
    ], o),
  /**
   * Activation. With `systemd` (production) ceph-volume enables the units so the OSD comes
   * back after a reboot; without it (labs) the daemon adapter starts the OSD.
   */
  activate: (
    device: string,
    o: VolumeCallOptions & {
      mode: "raw" | "lvm";
      osdId: number;
      osdFsid: string;
      systemd: boolean;
    },
  ): ProgramCall => {
    const noSystemd = o.systemd ? [] : ["--no-systemd"];
    return o.mode === "raw"
      ? volume(["raw", "activate", "--device", device, ...noSystemd], o)
      : volume(["lvm", "activate", "--bluestore", String(o.osdId), o.osdFsid, ...noSystemd], o);
  },
  /** `ceph-volume lvm zap --destroy <dev>` (works for raw devices too). */
  zap: (device: string, o: VolumeCallOptions): ProgramCall =>
    volume(["lvm", "zap", "--destroy", device], o),
};
