/**
 * Ceph's own view of the OSD on a disk (one mon round trip per command, through a port: the
 * librados connection in production):
 *
 * - `ceph_read_errors`: `health detail` checks `BLUESTORE_SPURIOUS_READ_ERRORS` (reads that
 *   succeeded only on retry) and `OSD_TOO_MANY_REPAIRS` (reads repaired from replicas) naming
 *   the OSD;
 * - `ceph_osd_crashes`: `RECENT_CRASH` naming the OSD;
 * - `ceph_osd_flapping`: down/up cycles of the OSD (its `up_from` epoch in `osd dump`
 *   changing between readings) within a window;
 * - `ceph_latency_outlier`: `osd perf` commit latency against the other OSDs of the same
 *   device class (`osd tree`).
 *
 * @module
 */
import { findOutliers, type OutlierConfig } from "./outlier.ts";
import { reading, type SignalDisk, type SignalReading, type SignalSource } from "./types.ts";

/** One health check as `health detail --format json` shows it. */
interface HealthCheck {
  severity?: string;
  summary?: { message?: string };
  detail?: { message?: string }[];
}

/** What `health detail` says about one OSD. */
export interface OsdHealth {
  /** Read-error sentences (spurious read errors, repairs). */
  readErrors: string[];
  /** Crash sentences. */
  crashes: string[];
}

const READ_CHECKS = ["BLUESTORE_SPURIOUS_READ_ERRORS", "OSD_TOO_MANY_REPAIRS"];

/**
 * Finds, per OSD id, the read-error and crash checks of `health detail` (pure).
 *
 * @param json The output of `health detail --format json`.
 * @returns By OSD id.
 */
export function parseHealthDetail(json: string): Map<number, OsdHealth> {
  const doc = JSON.parse(json) as { checks?: Record<string, HealthCheck> };
  const out = new Map<number, OsdHealth>();
  const get = (id: number) => {
    let h = out.get(id);
    if (!h) out.set(id, h = { readErrors: [], crashes: [] });
    return h;
  };
  for (const [name, check] of Object.entries(doc.checks ?? {})) {
    const read = READ_CHECKS.includes(name);
    if (!read && name !== "RECENT_CRASH") continue;
    for (const d of check.detail ?? []) {
      const msg = (d.message ?? "").replace(/\s+/g, " ").trim();
      for (const m of msg.matchAll(/\bosd\.(\d+)\b/g)) {
        const h = get(Number(m[1]));
        (read ? h.readErrors : h.crashes).push(`${name}: ${msg}`);
      }
    }
  }
  return out;
}

/** Per OSD: commit and apply latency (ms) from `osd perf --format json`. */
export function parseOsdPerf(json: string): Map<number, { commitMs: number; applyMs: number }> {
  const doc = JSON.parse(json) as {
    osd_perf_infos?: PerfInfo[];
    osdstats?: { osd_perf_infos?: PerfInfo[] };
  };
  const infos = doc.osdstats?.osd_perf_infos ?? doc.osd_perf_infos ?? [];
  // The `_ns` fields (Nautilus and later) keep sub-millisecond latencies that `_ms` rounds to 0.
  const ms = (ns: number | undefined, whole: number | undefined) =>
    ns !== undefined ? Number(ns) / 1e6 : Number(whole ?? 0);
  return new Map(infos.map((i) => [i.id, {
    commitMs: ms(i.perf_stats?.commit_latency_ns, i.perf_stats?.commit_latency_ms),
    applyMs: ms(i.perf_stats?.apply_latency_ns, i.perf_stats?.apply_latency_ms),
  }]));
}

interface PerfInfo {
  id: number;
  perf_stats?: {
    commit_latency_ms?: number;
    apply_latency_ms?: number;
    commit_latency_ns?: number;
    apply_latency_ns?: number;
  };
}

/**
 * Device class of every OSD from `osd tree --format json` (pure).
 *
 * @param json The output.
 * @returns By OSD id (`unknown` without a class).
 */
export function parseDeviceClasses(json: string): Map<number, string> {
  const doc = JSON.parse(json) as {
    nodes?: { id: number; type?: string; device_class?: string }[];
  };
  return new Map(
    (doc.nodes ?? []).filter((n) => n.type === "osd").map((
      n,
    ) => [n.id, n.device_class ?? "unknown"]),
  );
}

/**
 * The `up_from` epoch of every OSD from `osd dump --format json` (pure): it changes each
 * time the OSD comes back up.
 *
 * @param json The output.
 * @returns By OSD id: up_from and whether it is up now.
 */
export function parseUpFrom(json: string): Map<number, { upFrom: number; up: boolean }> {
  const doc = JSON.parse(json) as { osds?: { osd: number; up: number; up_from: number }[] };
  return new Map((doc.osds ?? []).map((o) => [o.osd, { upFrom: o.up_from, up: o.up === 1 }]));
}

/** Thresholds of the Ceph signals. */
export interface CephSignalConfig extends OutlierConfig {
  /** Down/up cycles within the window that fire `ceph_osd_flapping`. @default 3 */
  flapCycles?: number | undefined;
  /** The flapping window, in minutes. @default 60 */
  flapWindowMinutes?: number | undefined;
}

/** The mon commands the source needs (a librados connection). */
export interface CephCommandPort {
  /**
   * Sends a mon command.
   *
   * @param cmd The command object.
   * @returns Its output.
   */
  monCommand(cmd: Record<string, unknown>): Promise<{ out: string }>;
}

/** Ceph's view of each disk's OSD. */
export class CephOsdSource implements SignalSource {
  readonly signals = [
    "ceph_read_errors",
    "ceph_osd_crashes",
    "ceph_osd_flapping",
    "ceph_latency_outlier",
  ] as const;
  #port: CephCommandPort;
  #config: CephSignalConfig;
  /** Per OSD: the up_from epochs seen, with when each was first seen. */
  #cycles = new Map<number, { upFrom: number; at: number }[]>();

  /**
   * Creates the source.
   *
   * @param port The mon command port.
   * @param config Thresholds.
   */
  constructor(port: CephCommandPort, config: CephSignalConfig = {}) {
    this.#port = port;
    this.#config = config;
  }

  /** {@inheritDoc SignalSource.read} */
  async read(disks: readonly SignalDisk[], now: Date): Promise<SignalReading[]> {
    const withOsd = disks.filter((d) => d.osdId !== null && d.osdId !== undefined);
    const out: SignalReading[] = [];
    for (const d of disks.filter((x) => !withOsd.includes(x))) {
      for (const s of this.signals) {
        out.push(reading(s, d.diskKey, {
          status: "quiet",
          reason: `/dev/${d.name} carries no OSD: Ceph has no view of it`,
        }));
      }
    }
    if (!withOsd.length) return out;
    let health: Map<number, OsdHealth>;
    let perf: Map<number, { commitMs: number; applyMs: number }>;
    let classes: Map<number, string>;
    let upFrom: Map<number, { upFrom: number; up: boolean }>;
    try {
      const cmd = async (prefix: string) =>
        (await this.#port.monCommand({ prefix, format: "json" })).out;
      health = parseHealthDetail(await cmd("health detail"));
      perf = parseOsdPerf(await cmd("osd perf"));
      classes = parseDeviceClasses(await cmd("osd tree"));
      upFrom = parseUpFrom(await cmd("osd dump"));
    } catch (err) {
      for (const d of withOsd) {
        for (const s of this.signals) {
          out.push(reading(s, d.diskKey, {
            status: "unknown",
            reason: `Cannot ask the Ceph cluster about osd.${d.osdId} on /dev/${d.name}: ` +
              `${(err as Error).message}; check ceph.json and that the mons answer`,
          }));
        }
      }
      return out;
    }
    const t = now.getTime();
    const windowMs = (this.#config.flapWindowMinutes ?? 60) * 60_000;
    for (const [id, u] of upFrom) {
      const seen = this.#cycles.get(id) ?? [];
      if (!seen.length || seen[seen.length - 1]!.upFrom !== u.upFrom) {
        seen.push({ upFrom: u.upFrom, at: t });
      }
      this.#cycles.set(id, seen.filter((s) => t - s.at <= windowMs));
    }
    const verdicts = findOutliers(
      [...perf].map(([id, p]) => ({
        id: String(id),
        group: classes.get(id) ?? "unknown",
        // An idle OSD reports 0 ms: no measurement, not "fast".
        latencyMs: Math.max(p.commitMs, p.applyMs) > 0 ? Math.max(p.commitMs, p.applyMs) : null,
      })),
      this.#config,
    );
    for (const d of withOsd) {
      const id = d.osdId!;
      const osd = `osd.${id} on /dev/${d.name}`;
      const h = health.get(id);
      out.push(
        h?.readErrors.length
          ? reading("ceph_read_errors", d.diskKey, {
            status: "fired",
            strength: h.readErrors.some((m) => m.startsWith("OSD_TOO_MANY_REPAIRS"))
              ? "strong"
              : "weak",
            value: h.readErrors.length,
            reason: `Ceph reports read errors of ${osd}: ${h.readErrors.join("; ")}; its ` +
              "disk returns bad data: check SMART and the kernel log, plan its replacement",
          })
          : reading("ceph_read_errors", d.diskKey, {
            status: "quiet",
            value: 0,
            reason: `Ceph's health detail names no read errors or repairs of ${osd}`,
          }),
      );
      out.push(
        h?.crashes.length
          ? reading("ceph_osd_crashes", d.diskKey, {
            status: "fired",
            value: h.crashes.length,
            reason: `Ceph reports recent crashes of ${osd}: ${h.crashes.join("; ")}; read ` +
              "`ceph crash info` for the backtrace (an I/O error in the trace points at the disk)",
          })
          : reading("ceph_osd_crashes", d.diskKey, {
            status: "quiet",
            value: 0,
            reason: `Ceph reports no recent crash of ${osd}`,
          }),
      );
      const cycles = Math.max(0, (this.#cycles.get(id)?.length ?? 1) - 1);
      const flapAt = this.#config.flapCycles ?? 3;
      out.push(reading("ceph_osd_flapping", d.diskKey, {
        status: cycles >= flapAt ? "fired" : "quiet",
        value: cycles,
        reason: `${osd} came back up ${cycles} time(s) in the last ` +
          `${this.#config.flapWindowMinutes ?? 60} minutes (osd dump up_from)` +
          (cycles >= flapAt ? ": it is flapping; check its disk and the kernel log" : ""),
      }));
      const v = verdicts.find((x) => x.id === String(id));
      const cls = classes.get(id) ?? "unknown";
      if (!v || v.status === "unknown") {
        out.push(reading("ceph_latency_outlier", d.diskKey, {
          status: "unknown",
          value: v?.latencyMs ?? null,
          reason: v?.latencyMs === null || !v
            ? `${osd} reports no commit latency in \`osd perf\` (idle): too little I/O to judge`
            : `${osd} has ${v.peers} busy ${cls} peer OSD(s): too few to compare with`,
        }));
      } else {
        const text = `${osd} commits in ${v.latencyMs!.toFixed(2)} ms while the other ${cls} ` +
          `OSDs take ${v.peerMedianMs!.toFixed(2)} ms (median of ${v.peers}, \`osd perf\`)`;
        out.push(reading("ceph_latency_outlier", d.diskKey, {
          status: v.status === "slow" ? "fired" : "quiet",
          strength: v.strong ? "strong" : "weak",
          value: v.latencyMs,
          reason: v.status === "slow"
            ? `${text}: a slow disk drags its placement groups; evict it`
            : text,
        }));
      }
    }
    return out;
  }
}
