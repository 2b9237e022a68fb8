/**
 * The result model of one `bynar --check` pass.
 *
 * @module
 */
import type { BlockDisk, HostInfo } from "../inventory/model.ts";
import type { SmartReport, Verdict } from "../smart/model.ts";
import type { HardwareCheck } from "../hardware/read.ts";

/** Nagios service status. */
export type CheckStatus = "OK" | "WARNING" | "CRITICAL" | "UNKNOWN";

/** The check of one present disk. */
export interface DiskCheck {
  /** The disk as discovered. */
  disk: BlockDisk;
  /** Its SMART report (source "none" when unavailable). */
  report: SmartReport;
  /** Combined verdict: SMART policy and filesystem findings. */
  verdict: Verdict;
  /** Reasons behind the verdict, SMART first. */
  reasons: string[];
}

/** A disk known from earlier checks that is no longer on the host. */
export interface VanishedDisk {
  /** Stable key. */
  diskKey: string;
  /** Last path it had. */
  path: string;
  /** Model, when known. */
  model: string | null;
  /** Serial, when known. */
  serial: string | null;
  /** WWN, when known. */
  wwn: string | null;
  /** Last time it was seen (ISO). */
  lastSeen: string;
}

/** The result of one pass. */
export interface CheckResult {
  /** Envelope version of the JSON output. */
  version: 1;
  /** The host. */
  host: HostInfo;
  /** Overall status. */
  status: CheckStatus;
  /** One-line summary. */
  summary: string;
  /** When the check started. */
  checkedAt: Date;
  /** Wall time of the check, milliseconds. */
  durationMs: number;
  /** Disks present and checked. */
  disks: DiskCheck[];
  /** Known disks that vanished. */
  vanished: VanishedDisk[];
  /** Devices skipped by discovery, with the reason. */
  skipped: { name: string; path: string; reason: string }[];
  /** Notes from discovery that do not change the status (e.g. a device that cannot be probed). */
  warnings: string[];
  /** Problems of the check itself (not of disks), e.g. the database could not be written. */
  problems: string[];
  /** The host's parts as its BMC reports them; absent when no BMC is configured. */
  hardware?: HardwareCheck;
}
