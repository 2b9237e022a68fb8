/**
 * The storage backend interface (Ceph first): list disks with their cluster role, decide
 * whether a disk is safe to remove, remove it, add a replacement, report status.
 *
 * @module
 */

/** Outcome of a mutating call, as in the original protobuf API. */
export type OpOutcome = "Success" | "Skipped" | "SkipRepeat";

/** A disk named by path AND identity; mutating calls must carry both. */
export interface DiskRef {
  /** Device path, e.g. `/dev/sdb` or `/dev/loop3`. */
  path: string;
  /** Serial or WWN (or the disk key) the caller believes is at that path. */
  identity?: string | undefined;
  /**
   * The OSD id the caller last knew for this disk. Finds the OSD of a disk that is gone
   * (its device can no longer be read, B-24); for a disk still present it must match the
   * OSD on the device.
   */
  osdId?: number | undefined;
}

/** The role a disk plays in the cluster. */
export type ClusterRole =
  | { kind: "osd"; osdId: number; up: boolean; in: boolean; destroyed: boolean }
  | { kind: "journal" }
  | { kind: "system" }
  | { kind: "none" };

/** A disk as the backend sees it. */
export interface BackendDisk {
  /** Device path. */
  path: string;
  /** Role. */
  role: ClusterRole;
}

/** Answer of safe-to-remove. */
export interface SafeToRemoveResult {
  /** Skipped when the disk is not a cluster disk (system/journal/none). */
  outcome: OpOutcome;
  /** True when removal would not reduce redundancy below policy. */
  safe: boolean;
  /** Human explanation. */
  reason: string;
  /** The OSD id, when the disk is an OSD. */
  osdId?: number;
}

/** One step of a planned or executed operation. */
export interface PlanStep {
  /** Step name, e.g. `osd_out`, `wait_safe_to_destroy`. */
  name: string;
  /** What it does, in words. */
  description: string;
  /** Commands it sends (mon/mgr JSON or argv). */
  commands: string[];
  /** Expected wait, in seconds, when it waits. */
  expectedWaitSeconds?: number;
}

/** Progress callback payload. */
export interface Progress {
  /** Current step name. */
  step: string;
  /** Message. */
  message: string;
  /** 0–100 when known. */
  percent?: number;
}

/** Options of mutating calls. */
export interface MutateOptions {
  /** Return the plan without any side effect. */
  simulate?: boolean;
  /** Receives progress. */
  onProgress?: (p: Progress) => void;
  /** Cancels waits. */
  signal?: AbortSignal;
  /** For add: reuse this OSD id. */
  osdId?: number;
}

/** Result of remove/add. */
export interface OpResult {
  /** Outcome. */
  outcome: OpOutcome;
  /** Human message. */
  message: string;
  /** OSD id involved. */
  osdId?: number;
  /** The plan (always for simulate; the executed steps otherwise). */
  plan: PlanStep[];
}

/** Backend status. */
export interface BackendStatus {
  /** Backend name, e.g. `ceph`. */
  backend: string;
  /** Health summary, e.g. `HEALTH_OK`. */
  health: string;
  /** Details (version, fsid, flags…). */
  details: Record<string, unknown>;
}

/** A storage backend. */
export interface Backend {
  /** Backend name. */
  readonly name: string;
  /**
   * Lists this host's disks with their cluster role.
   *
   * @returns The disks.
   */
  listDisks(): Promise<BackendDisk[]>;
  /**
   * Decides whether a disk can be removed now.
   *
   * @param disk The disk.
   * @returns The answer.
   */
  safeToRemove(disk: DiskRef): Promise<SafeToRemoveResult>;
  /**
   * Removes a disk from the cluster, keeping its id for the replacement.
   *
   * @param disk The disk.
   * @param options Simulate, progress, cancel.
   * @returns The result.
   */
  remove(disk: DiskRef, options?: MutateOptions): Promise<OpResult>;
  /**
   * Adds a (replacement) disk to the cluster and weighs it in.
   *
   * @param disk The disk.
   * @param options Simulate, progress, cancel, OSD id.
   * @returns The result.
   */
  add(disk: DiskRef, options?: MutateOptions): Promise<OpResult>;
  /**
   * Reports backend status.
   *
   * @returns The status.
   */
  status(): Promise<BackendStatus>;
  /** Releases connections. */
  close(): void;
}
