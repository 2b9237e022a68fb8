/**
 * Latency outliers among peers (pure): a member is slow when its latency is a multiple of
 * its peers' median and above an absolute floor. Used for the host's own disks (sysfs
 * `stat`) and for the OSDs of one Ceph device class (`ceph osd perf`).
 *
 * @module
 */

/** One member's latency over the interval. */
export interface LatencySample {
  /** Member id (a disk key, `osd.3`). */
  id: string;
  /** Peer group (a disk class, a Ceph device class). */
  group: string;
  /** Mean latency in milliseconds, or null when it did too little I/O to judge. */
  latencyMs: number | null;
}

/** Thresholds of an outlier. */
export interface OutlierConfig {
  /** Latency over the peers' median that makes a member slow. @default 5 */
  factor?: number | undefined;
  /** Absolute floor in milliseconds: below it nobody is slow. @default 20 */
  minLatencyMs?: number | undefined;
  /** Peers with latency needed to compare. @default 2 */
  minPeers?: number | undefined;
  /** Factor that makes the outlier strong. @default 20 */
  strongFactor?: number | undefined;
}

/** The verdict for one member. */
export interface OutlierVerdict {
  /** Member id. */
  id: string;
  /** `slow`, `normal`, or `unknown` (too little I/O, too few peers). */
  status: "slow" | "normal" | "unknown";
  /** Strong outlier. */
  strong: boolean;
  /** Its latency. */
  latencyMs: number | null;
  /** The peers' median (without it), or null. */
  peerMedianMs: number | null;
  /** How many peers were compared. */
  peers: number;
}

/** The lower median: with two peers, one slow peer does not raise the reference. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/**
 * Finds the slow members of each group (pure).
 *
 * @param samples Every member's latency.
 * @param config Thresholds.
 * @returns One verdict per sample, in input order.
 */
export function findOutliers(
  samples: readonly LatencySample[],
  config: OutlierConfig = {},
): OutlierVerdict[] {
  const factor = config.factor ?? 5;
  const floor = config.minLatencyMs ?? 20;
  const minPeers = config.minPeers ?? 2;
  const strongFactor = config.strongFactor ?? 20;
  return samples.map((s) => {
    const peers = samples
      .filter((p) => p.group === s.group && p.id !== s.id && p.latencyMs !== null)
      .map((p) => p.latencyMs!);
    if (s.latencyMs === null || peers.length < minPeers) {
      return {
        id: s.id,
        status: "unknown",
        strong: false,
        latencyMs: s.latencyMs,
        peerMedianMs: peers.length ? median(peers) : null,
        peers: peers.length,
      };
    }
    const med = median(peers);
    // A tiny median (an idle cache-backed peer) must not make a normal disk look slow.
    const ref = Math.max(med, floor / factor);
    const slow = s.latencyMs >= floor && s.latencyMs >= ref * factor;
    return {
      id: s.id,
      status: slow ? "slow" : "normal",
      strong: slow && s.latencyMs >= ref * strongFactor,
      latencyMs: s.latencyMs,
      peerMedianMs: med,
      peers: peers.length,
    };
  });
}
