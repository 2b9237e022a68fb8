/**
 * The host's view of each disk's latency: mean time per completed I/O over the interval
 * between two readings of `/sys/block/<disk>/stat` (through the hostfs adapter), compared
 * with the other disks of the same kind on this host. A disk many times slower than its
 * peers is evicted before it drags a whole placement group down (slow-disk eviction).
 *
 * @module
 */
import { readTextSync } from "../hostfs/mod.ts";
import { findOutliers, type OutlierConfig } from "./outlier.ts";
import { reading, type SignalDisk, type SignalReading, type SignalSource } from "./types.ts";

/** The counters of `/sys/block/<disk>/stat` the signal uses. */
export interface DiskStat {
  /** Reads completed. */
  reads: number;
  /** Milliseconds spent reading. */
  readMs: number;
  /** Writes completed. */
  writes: number;
  /** Milliseconds spent writing. */
  writeMs: number;
}

/**
 * Parses `/sys/block/<disk>/stat` (pure).
 *
 * @param text The file's text.
 * @returns The counters, or null when malformed.
 */
export function parseDiskStat(text: string): DiskStat | null {
  const f = text.trim().split(/\s+/).map(Number);
  if (f.length < 8 || f.slice(0, 8).some((n) => !Number.isFinite(n))) return null;
  return { reads: f[0]!, readMs: f[3]!, writes: f[4]!, writeMs: f[7]! };
}

/** Thresholds of the host latency signal. */
export interface IoLatencyConfig extends OutlierConfig {
  /** Completed I/Os in the interval needed to judge a disk. @default 20 */
  minIos?: number | undefined;
}

/** A disk with its counters at two times and its peer group. */
export interface StatPair {
  /** The disk. */
  disk: SignalDisk;
  /** Peer group (e.g. `nvme`, `ssd`, `hdd`, `virtio`). */
  group: string;
  /** Counters before. */
  before: DiskStat;
  /** Counters after. */
  after: DiskStat;
}

/**
 * Judges each disk's mean I/O latency against its peers (pure).
 *
 * @param pairs Counters of each disk at the start and end of the interval.
 * @param config Thresholds.
 * @returns One `io_latency_outlier` reading per disk; `value` is its latency in ms.
 */
export function judgeIoLatency(
  pairs: readonly StatPair[],
  config: IoLatencyConfig = {},
): SignalReading[] {
  const minIos = config.minIos ?? 20;
  const lat = pairs.map((p) => {
    const ios = p.after.reads - p.before.reads + p.after.writes - p.before.writes;
    const ms = p.after.readMs - p.before.readMs + p.after.writeMs - p.before.writeMs;
    return { ios, latencyMs: ios >= minIos && ms >= 0 ? ms / ios : null };
  });
  const verdicts = findOutliers(
    pairs.map((p, i) => ({ id: p.disk.diskKey, group: p.group, latencyMs: lat[i]!.latencyMs })),
    config,
  );
  return verdicts.map((v, i) => {
    const d = pairs[i]!.disk;
    const ios = lat[i]!.ios;
    if (v.status === "unknown") {
      return reading("io_latency_outlier", d.diskKey, {
        status: "unknown",
        value: v.latencyMs,
        reason: v.latencyMs === null
          ? `/dev/${d.name} completed ${ios} I/Os in the interval (< ${minIos}): too few to judge its latency`
          : `/dev/${d.name} has ${v.peers} ${pairs[i]!.group} peer(s) with I/O on this host: ` +
            "too few to compare its latency with",
      });
    }
    const text = `/dev/${d.name} took ${v.latencyMs!.toFixed(1)} ms per I/O over ${ios} I/Os ` +
      `while its ${v.peers} ${pairs[i]!.group} peer(s) on this host took ` +
      `${v.peerMedianMs!.toFixed(1)} ms (median)`;
    if (v.status === "normal") {
      return reading("io_latency_outlier", d.diskKey, {
        status: "quiet",
        value: v.latencyMs,
        reason: text,
      });
    }
    return reading("io_latency_outlier", d.diskKey, {
      status: "fired",
      strength: v.strong ? "strong" : "weak",
      value: v.latencyMs,
      reason: `${text}: it is a slow disk; check its SMART and cabling, evict it if it stays slow`,
    });
  });
}

/**
 * Reads `/sys/block/<disk>/stat` at every call and judges the interval since the previous
 * call (the detector calls it once per pass).
 */
export class IoLatencySource implements SignalSource {
  readonly signals = ["io_latency_outlier"] as const;
  #config: IoLatencyConfig;
  #sys: string;
  #group: (d: SignalDisk) => string;
  #last = new Map<string, DiskStat>();

  /**
   * Creates the source.
   *
   * @param config Thresholds.
   * @param options The sysfs root and how disks are grouped into peers.
   */
  constructor(
    config: IoLatencyConfig = {},
    options: { sys?: string; group?: (d: SignalDisk) => string } = {},
  ) {
    this.#config = config;
    this.#sys = options.sys ?? "/sys";
    this.#group = options.group ?? ((d) => defaultGroup(d.name, this.#sys));
  }

  /** {@inheritDoc SignalSource.read} */
  read(disks: readonly SignalDisk[], _now: Date): Promise<SignalReading[]> {
    const pairs: StatPair[] = [];
    const out: SignalReading[] = [];
    for (const d of disks) {
      let now: DiskStat | null;
      try {
        now = parseDiskStat(readTextSync(`${this.#sys}/block/${d.name}/stat`));
      } catch (err) {
        out.push(reading("io_latency_outlier", d.diskKey, {
          status: "unknown",
          reason: `Cannot read ${this.#sys}/block/${d.name}/stat: ${(err as Error).message}`,
        }));
        continue;
      }
      const before = this.#last.get(d.diskKey);
      if (now) this.#last.set(d.diskKey, now);
      if (!now || !before) {
        out.push(reading("io_latency_outlier", d.diskKey, {
          status: "unknown",
          reason: now
            ? `First reading of /dev/${d.name}'s I/O counters: latency is judged from the next pass`
            : `${this.#sys}/block/${d.name}/stat is malformed`,
        }));
        continue;
      }
      pairs.push({ disk: d, group: this.#group(d), before, after: now });
    }
    return Promise.resolve([...out, ...judgeIoLatency(pairs, this.#config)]);
  }
}

/**
 * Groups a disk with its peers: NVMe, virtio, rotational or solid-state.
 *
 * @param name Kernel name.
 * @param sys The sysfs root.
 * @returns The group name.
 */
export function defaultGroup(name: string, sys = "/sys"): string {
  if (name.startsWith("nvme")) return "nvme";
  if (name.startsWith("vd")) return "virtio";
  try {
    return readTextSync(`${sys}/block/${name}/queue/rotational`).trim() === "1" ? "hdd" : "ssd";
  } catch {
    return "disk";
  }
}
