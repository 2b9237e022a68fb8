/**
 * Kernel I/O errors per disk from the kernel log (`/dev/kmsg`, read through the hostfs
 * libc adapter: Deno refuses /dev under the packaged permissions), as a count and a rate
 * over a window.
 *
 * The block layer logs one line per failed request (`I/O error, dev sdb, sector …`,
 * `critical medium error, dev sdb, …`); the NVMe driver logs `nvme0n1: Read(0x2) @ LBA …,
 * I/O Error (sct 0x2 / sc 0x81)`. Partitions count for their disk.
 *
 * @module
 */
import { isSandboxRefusal, sandboxFix } from "../errors.ts";
import { readKernelLog, readTextSync } from "../hostfs/mod.ts";
import { reading, type SignalDisk, type SignalReading, type SignalSource } from "./types.ts";

/** One I/O error the kernel logged. */
export interface KernelIoError {
  /** Kernel name as logged (a disk or a partition). */
  device: string;
  /** Microseconds since boot. */
  usec: number;
  /** The message. */
  message: string;
}

const BLK =
  /\b((?:I\/O|critical medium|critical target|critical nexus|critical space allocation|timeout|recoverable transport|protection|no data|operation not supported)) error, dev ([\w.-]+), sector/;
const NVME = /^(nvme\d+n\d+): .*\bI\/O Error\b/;

/**
 * Parses `/dev/kmsg` records into the I/O errors they report (pure).
 *
 * @param records Records as read (`prio,seq,usec,flags;message`, continuation lines kept).
 * @returns The errors, oldest first.
 */
export function parseKernelIoErrors(records: readonly string[]): KernelIoError[] {
  const out: KernelIoError[] = [];
  for (const rec of records) {
    const semi = rec.indexOf(";");
    if (semi < 0) continue;
    const head = rec.slice(0, semi).split(",");
    const usec = Number(head[2]);
    const message = rec.slice(semi + 1).split("\n")[0]!.trim();
    const m = BLK.exec(message) ?? NVME.exec(message);
    if (!m || !Number.isFinite(usec)) continue;
    out.push({ device: m.length === 3 ? m[2]! : m[1]!, usec, message });
  }
  return out;
}

/**
 * Tells whether a logged device name is the disk or one of its partitions (pure).
 *
 * @param logged The logged name (`sdb1`, `nvme0n1p2`).
 * @param disk The disk's kernel name (`sdb`, `nvme0n1`).
 * @returns Whether it belongs to the disk.
 */
export function belongsTo(logged: string, disk: string): boolean {
  if (logged === disk) return true;
  if (!logged.startsWith(disk)) return false;
  const rest = logged.slice(disk.length);
  return /\d$/.test(disk) ? /^p\d+$/.test(rest) : /^\d+$/.test(rest);
}

/** Thresholds of the kernel I/O error signal. */
export interface KernelIoConfig {
  /** The window, in minutes. @default 60 */
  windowMinutes?: number | undefined;
  /** Errors in the window that fire the signal. @default 1 */
  minErrors?: number | undefined;
  /** Errors in the window that make it strong. @default 10 */
  strongErrors?: number | undefined;
}

/**
 * Counts each disk's I/O errors within the window and judges them (pure).
 *
 * @param disks The disks.
 * @param input The parsed errors, the uptime at the time of reading (seconds), and config.
 * @returns One `kernel_io_errors` reading per disk; `value` is errors per hour.
 */
export function judgeKernelIoErrors(
  disks: readonly SignalDisk[],
  input: { errors: readonly KernelIoError[]; uptimeSeconds: number; config?: KernelIoConfig },
): SignalReading[] {
  const cfg = input.config ?? {};
  const minutes = cfg.windowMinutes ?? 60;
  const since = (input.uptimeSeconds - minutes * 60) * 1e6;
  return disks.map((d) => {
    const mine = input.errors.filter((e) => e.usec >= since && belongsTo(e.device, d.name));
    const perHour = mine.length * 60 / minutes;
    if (mine.length < (cfg.minErrors ?? 1)) {
      return reading("kernel_io_errors", d.diskKey, {
        status: "quiet",
        value: perHour,
        reason: `The kernel logged ${mine.length} I/O error(s) for /dev/${d.name} in the last ` +
          `${minutes} minutes`,
      });
    }
    const strong = mine.length >= (cfg.strongErrors ?? 10);
    return reading("kernel_io_errors", d.diskKey, {
      status: "fired",
      strength: strong ? "strong" : "weak",
      value: perHour,
      reason: `The kernel logged ${mine.length} I/O error${mine.length === 1 ? "" : "s"} ` +
        `for /dev/${d.name} in the last ${minutes} minutes (${perHour.toFixed(1)}/h; last: ` +
        `"${mine[mine.length - 1]!.message}"): check its cabling and SMART, replace it if ` +
        "they continue",
    });
  });
}

/** Reads the kernel log (`/dev/kmsg`) and `/proc/uptime`. */
export class KernelIoSource implements SignalSource {
  readonly signals = ["kernel_io_errors"] as const;
  #config: KernelIoConfig;
  #readLog: () => string[];
  #uptime: () => number;

  /**
   * Creates the source.
   *
   * @param config Thresholds.
   * @param options Replaces the kernel log and uptime readers (tests).
   */
  constructor(
    config: KernelIoConfig = {},
    options: { readLog?: () => string[]; uptime?: () => number } = {},
  ) {
    this.#config = config;
    this.#readLog = options.readLog ?? (() => readKernelLog());
    this.#uptime = options.uptime ??
      (() => Number(readTextSync("/proc/uptime").split(" ")[0]));
  }

  /** {@inheritDoc SignalSource.read} */
  read(disks: readonly SignalDisk[], _now: Date): Promise<SignalReading[]> {
    let records: string[];
    let uptimeSeconds: number;
    try {
      records = this.#readLog();
      uptimeSeconds = this.#uptime();
    } catch (err) {
      const why = isSandboxRefusal(err)
        ? sandboxFix(err)
        : err instanceof Deno.errors.PermissionDenied
        ? "permission denied (dmesg_restrict: Bynar needs CAP_SYSLOG or root)"
        : (err as Error).message;
      return Promise.resolve(disks.map((d) =>
        reading("kernel_io_errors", d.diskKey, {
          status: "unknown",
          reason: `Cannot read the kernel log /dev/kmsg for /dev/${d.name}: ${why}`,
        })
      ));
    }
    return Promise.resolve(
      judgeKernelIoErrors(disks, {
        errors: parseKernelIoErrors(records),
        uptimeSeconds,
        config: this.#config,
      }),
    );
  }
}
