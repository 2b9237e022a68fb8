/**
 * The signals Bynar reads about a disk besides its SMART verdict, and the one interface
 * every source implements. Pure types, no I/O.
 *
 * A reading is `fired` (the signal says the disk is failing, with one reason sentence),
 * `quiet` (read, nothing wrong) or `unknown` (Bynar could not read it: a refusal by its own
 * sandbox, a missing tool, too little history). An `unknown` reading never counts toward a
 * ticket or a removal.
 *
 * @module
 */

/** Names of the signals (stable: stored with every decision and in metrics labels). */
export type SignalId =
  | "smart_counter_growth"
  | "nvme_wearout"
  | "kernel_io_errors"
  | "io_latency_outlier"
  | "fs_errors"
  | "ceph_read_errors"
  | "ceph_osd_flapping"
  | "ceph_osd_crashes"
  | "ceph_latency_outlier";

/** Every signal id, in display order. */
export const SIGNAL_IDS: readonly SignalId[] = [
  "smart_counter_growth",
  "nvme_wearout",
  "kernel_io_errors",
  "io_latency_outlier",
  "fs_errors",
  "ceph_read_errors",
  "ceph_osd_flapping",
  "ceph_osd_crashes",
  "ceph_latency_outlier",
];

/** How strongly a fired signal points at a failing disk. */
export type Strength = "weak" | "strong";

/** What one signal says about one disk now. */
export interface SignalReading {
  /** The signal. */
  signal: SignalId;
  /** Identity key of the disk. */
  diskKey: string;
  /** `fired`: the disk looks bad; `quiet`: read, fine; `unknown`: could not be read. */
  status: "fired" | "quiet" | "unknown";
  /** For a fired signal: weak (warn-worthy alone) or strong (ticket-worthy alone). */
  strength: Strength;
  /** The measured value behind the reading (a count, a rate, a ratio, days), or null. */
  value: number | null;
  /** One sentence: what was measured, against what, and what to do (or why unknown). */
  reason: string;
}

/** The disk a source reads about. */
export interface SignalDisk {
  /** Identity key. */
  diskKey: string;
  /** Kernel name (`sdb`, `nvme0n1`). */
  name: string;
  /** Device path. */
  path: string;
  /** Model, when known (precision is kept per model). */
  model: string | null;
  /** The OSD on this disk, when it carries one. */
  osdId?: number | null | undefined;
  /** Kernel names of its partitions (filesystem errors are kept per partition). */
  partitions?: readonly string[] | undefined;
}

/** One source of signals (one small module each, see `src/signals/`). */
export interface SignalSource {
  /** The signals this source can produce. */
  readonly signals: readonly SignalId[];
  /**
   * Reads the source for the given disks. A source never throws for one disk: a disk it
   * could not read gets an `unknown` reading with the reason and the fix.
   *
   * @param disks The disks of this host.
   * @param now The time of the reading.
   * @returns One reading per disk and signal of this source.
   */
  read(disks: readonly SignalDisk[], now: Date): Promise<SignalReading[]>;
}

/**
 * Makes a quiet or unknown reading (pure helper).
 *
 * @param signal The signal.
 * @param diskKey The disk.
 * @param options Status, reason, value.
 * @returns The reading.
 */
export function reading(
  signal: SignalId,
  diskKey: string,
  options: {
    status: SignalReading["status"];
    reason: string;
    value?: number | null | undefined;
    strength?: Strength | undefined;
  },
): SignalReading {
  return {
    signal,
    diskKey,
    status: options.status,
    strength: options.strength ?? "weak",
    value: options.value ?? null,
    reason: options.reason,
  };
}
