/**
 * One `bynar --check` pass: discover disks, read SMART, apply the policy, look for
 * unexpected read-only filesystems and vanished disks, and record history.
 *
 * All I/O goes through {@linkcode CheckDeps}, so the pass itself is tested with in-memory
 * dependencies and wired to the real adapters in `src/app/check.ts`.
 *
 * @module
 */
import type { BlockDisk, HostInfo, Mount } from "../inventory/model.ts";
import {
  type Assessment,
  type SmartReport,
  unavailableReport,
  type Verdict,
  worseVerdict,
} from "../smart/model.ts";
import { errorMessage, isSandboxRefusal, sandboxFix } from "../errors.ts";
import { ioErrorReason } from "../health/kernel_errors.ts";
import type { CheckResult, CheckStatus, DiskCheck, VanishedDisk } from "./model.ts";
import type { HardwareCheck } from "../hardware/read.ts";
import { hardwareSummary } from "../hardware/summary.ts";

/** What a check pass needs from the outside world. */
export interface CheckDeps {
  /** Discovers the candidate disks. */
  discover(): Promise<
    {
      disks: BlockDisk[];
      skipped: { name: string; path: string; reason: string }[];
      warnings?: string[];
    }
  >;
  /** Reads SMART for a device; "no SMART" is a report with `source: "none"`, not an error. */
  readSmart(disk: BlockDisk): Promise<SmartReport>;
  /** Applies the health policy. */
  assess(report: SmartReport): Assessment;
  /** Host identity. */
  host(): Promise<HostInfo>;
  /** Mount points that /etc/fstab declares read-only. */
  declaredReadOnly(): Promise<Set<string>>;
  /**
   * Errors the kernel recorded for the disk's filesystems and the disk itself (ext4
   * `errors_count`, SCSI `ioerr_cnt`).
   *
   * @default none read
   */
  kernelErrors?(disk: BlockDisk): Promise<KernelErrorFindings>;
  /** History store, or null when running without one. */
  store: CheckStore | null;
  /** The clock. */
  now(): Date;
  /** Reads and judges the host's BMC (absent when no BMC is configured); never throws. */
  hardware?: () => Promise<HardwareCheck>;
}

/** What the kernel recorded for one disk. */
export interface KernelErrorFindings {
  /** Filesystems with recorded errors, one sentence each (each makes the disk CRITICAL). */
  fsErrors: string[];
  /** The SCSI failed-command count now, or null when the disk has none. */
  ioErrors: number | null;
}

/** The part of the store a check uses. */
export interface CheckStore {
  /** Known disks (for vanish detection and I/O error deltas). */
  knownDisks(): {
    diskKey: string;
    path: string;
    model: string | null;
    serial: string | null;
    wwn: string | null;
    firstSeen?: string;
    lastSeen: string;
    vanishedAt: string | null;
    ioErrors?: number | null;
  }[];
  /**
   * Known disks that need no more reporting when gone (forgotten, replaced, workflow
   * done), with the reason.
   */
  retired?(): Map<string, { reason: string }>;
  /** Records the pass atomically. */
  recordPass(
    pass: {
      seen: {
        disk: BlockDisk;
        report: SmartReport;
        assessment: Assessment;
        ioErrors?: number | null;
      }[];
      vanished: string[];
    },
    now: Date,
  ): void;
}

/** Options of {@linkcode runCheck}. */
export interface RunCheckOptions {
  /**
   * How many SMART reads run at once.
   * @default 4
   */
  concurrency?: number;
  /**
   * Restrict vanish detection to these device paths (when the check was restricted with
   * `--device`); null checks every known disk.
   * @default null
   */
  onlyPaths?: string[] | null;
}

/** Filesystem types that are read-only by nature. */
const READ_ONLY_FS = new Set(["iso9660", "squashfs", "udf", "erofs", "cramfs"]);

/**
 * Finds filesystems of a disk mounted read-only though fstab does not ask for it.
 *
 * @param disk The disk.
 * @param expectedRo Mount points declared read-only.
 * @returns A reason per unexpected read-only mount.
 */
export function unexpectedReadOnly(disk: BlockDisk, expectedRo: Set<string>): string[] {
  const mounts: { dev: string; m: Mount }[] = [
    ...disk.mounts.map((m) => ({ dev: disk.path, m })),
    ...disk.partitions.flatMap((p) => p.mounts.map((m) => ({ dev: p.path, m }))),
  ];
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const { dev, m } of mounts) {
    if (!m.readOnly || READ_ONLY_FS.has(m.fsType) || expectedRo.has(m.mountpoint)) continue;
    if (seen.has(dev)) continue;
    seen.add(dev);
    reasons.push(
      `Filesystem ${m.fsType} on ${dev} is mounted read-only at ${m.mountpoint} but /etc/fstab does not declare it read-only (errors may have forced a remount)`,
    );
  }
  return reasons;
}

/**
 * Derives the Nagios status from per-disk verdicts and vanished disks. A disk without
 * SMART (`unknown`) does not raise the status: UNKNOWN is kept for failures of the check.
 *
 * @param disks The checked disks.
 * @param vanished The vanished disks.
 * @param problems Problems of the check itself.
 * @returns The status.
 */
export function overallStatus(
  disks: DiskCheck[],
  vanished: VanishedDisk[],
  problems: string[],
): CheckStatus {
  let worst: Verdict = "ok";
  for (const d of disks) if (d.verdict !== "unknown") worst = worseVerdict(worst, d.verdict);
  if (vanished.length) worst = "critical";
  if (worst === "critical") return "CRITICAL";
  if (worst === "warning") return "WARNING";
  if (problems.length) return "UNKNOWN";
  return "OK";
}

function summarize(disks: DiskCheck[], vanished: VanishedDisk[]): string {
  const count = (v: Verdict) => disks.filter((d) => d.verdict === v).length;
  const parts = [`${disks.length} disk${disks.length === 1 ? "" : "s"} checked`];
  const crit = count("critical");
  const warn = count("warning");
  const unk = count("unknown");
  if (crit) parts.push(`${crit} critical`);
  if (warn) parts.push(`${warn} warning`);
  if (vanished.length) parts.push(`${vanished.length} vanished`);
  if (unk) parts.push(`${unk} without SMART`);
  if (!crit && !warn && !vanished.length) parts.push("all healthy");
  return parts.join(", ");
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Tells whether a gone disk's slot (its last path) now holds another disk that arrived
 * after it was last seen: the disk was replaced, so it is no longer reported as vanished.
 *
 * @param gone The known disk that is gone.
 * @param options The disks present now and the known disks by key.
 * @returns Whether a replacement sits in its slot.
 */
export function replacedInSlot(
  gone: { diskKey: string; path: string; lastSeen: string },
  options: {
    present: readonly { disk: BlockDisk }[];
    known: ReadonlyMap<string, { firstSeen?: string }>;
  },
): boolean {
  const { present, known } = options;
  return present.some(({ disk }) => {
    if (disk.path !== gone.path || disk.identity.key === gone.diskKey) return false;
    const seen = known.get(disk.identity.key);
    if (!seen) return true; // never seen before: a new disk in the slot
    return seen.firstSeen !== undefined && seen.firstSeen > gone.lastSeen;
  });
}

/**
 * Runs one check pass.
 *
 * @param deps The adapters.
 * @param options Concurrency and scope.
 * @returns The result; disk problems are verdicts, check problems are listed in `problems`.
 * @throws When the disks cannot be discovered at all (the caller reports UNKNOWN).
 */
export async function runCheck(
  deps: CheckDeps,
  options: RunCheckOptions = {},
): Promise<CheckResult> {
  const start = deps.now();
  const t0 = performance.now();
  const problems: string[] = [];
  const hardware = deps.hardware ? deps.hardware() : Promise.resolve(undefined);
  const [host, found, expectedRo] = await Promise.all([
    deps.host(),
    deps.discover(),
    deps.declaredReadOnly().catch((err) => {
      problems.push(`Cannot read /etc/fstab: ${errorMessage(err)}`);
      return new Set<string>();
    }),
  ]);

  let known: ReturnType<CheckStore["knownDisks"]> = [];
  try {
    known = deps.store?.knownDisks() ?? [];
  } catch (err) {
    problems.push(`Cannot read check history: ${errorMessage(err)}`);
  }
  const knownByKey = new Map(known.map((k) => [k.diskKey, k]));
  const disks = await mapLimit(found.disks, options.concurrency ?? 4, async (disk) => {
    let kernel: KernelErrorFindings = { fsErrors: [], ioErrors: null };
    try {
      kernel = await deps.kernelErrors?.(disk) ?? kernel;
    } catch (err) {
      problems.push(
        `Cannot read the kernel's error records of ${disk.path}: ${
          isSandboxRefusal(err) ? sandboxFix(err) : errorMessage(err)
        }`,
      );
    }
    const io = ioErrorReason(disk.name, {
      now: kernel.ioErrors,
      before: knownByKey.get(disk.identity.key)?.ioErrors ?? null,
    });
    let report: SmartReport;
    try {
      report = await deps.readSmart(disk);
    } catch (err) {
      if (isSandboxRefusal(err)) {
        // Not the disk: Bynar could not look. The check itself is UNKNOWN, with the fix.
        problems.push(`Cannot read SMART of ${disk.path}: ${sandboxFix(err)}`);
      }
      report = unavailableReport(disk.path, `Cannot read SMART: ${errorMessage(err)}`);
    }
    // The failed-command counter again, after Bynar's own SMART reads: commands a disk
    // refuses (an ATA PASS-THROUGH a SCSI disk does not take, a SMART status answered with
    // a check condition) count there too. The history keeps this value, so the next
    // check's delta (taken before its reads) counts only what happened between checks.
    let ioErrorsAfter = kernel.ioErrors;
    if (kernel.ioErrors !== null) {
      try {
        ioErrorsAfter = (await deps.kernelErrors?.(disk))?.ioErrors ?? kernel.ioErrors;
      } catch {
        // keep the value read before SMART
      }
    }
    const smart = deps.assess(report);
    const ro = unexpectedReadOnly(disk, expectedRo);
    const base = smart.verdict === "unknown" ? "ok" : smart.verdict;
    const verdict = ro.length || kernel.fsErrors.length
      ? worseVerdict(base, "critical")
      : io
      ? worseVerdict(base, "warning")
      : smart.verdict;
    return {
      disk,
      report,
      verdict,
      reasons: [...smart.reasons, ...ro, ...kernel.fsErrors, ...(io ? [io] : [])],
      smart,
      ioErrors: ioErrorsAfter,
    } as DiskCheck & { smart: Assessment; ioErrors: number | null };
  });

  let vanished: VanishedDisk[] = [];
  if (deps.store) {
    try {
      const present = new Set(disks.map((d) => d.disk.identity.key));
      const scope = options.onlyPaths ? new Set(options.onlyPaths) : null;
      const retired = deps.store.retired?.() ?? new Map<string, { reason: string }>();
      vanished = known
        .filter((k) => !present.has(k.diskKey) && (scope === null || scope.has(k.path)))
        .filter((k) =>
          !retired.has(k.diskKey) && !replacedInSlot(k, { present: disks, known: knownByKey })
        )
        .map((k) => ({
          diskKey: k.diskKey,
          path: k.path,
          model: k.model,
          serial: k.serial,
          wwn: k.wwn,
          lastSeen: k.lastSeen,
        }));
      deps.store.recordPass({
        seen: disks.map((d) => ({
          disk: d.disk,
          report: d.report,
          assessment: { verdict: d.verdict, reasons: d.reasons },
          ioErrors: d.ioErrors,
        })),
        vanished: vanished.map((v) => v.diskKey),
      }, start);
    } catch (err) {
      problems.push(`Cannot record check history: ${errorMessage(err)}`);
    }
  }

  const plain: DiskCheck[] = disks.map(({ disk, report, verdict, reasons }) => ({
    disk,
    report,
    verdict,
    reasons,
  }));
  // A disk whose SMART Bynar's own sandbox kept it from reading is not "without SMART":
  // the check is UNKNOWN (a configuration problem, with the fix), never silently OK.
  for (const d of plain) {
    if (d.report.configurationProblem) {
      problems.push(`${d.disk.path}: ${d.report.configurationProblem}`);
    }
  }
  const hw = await hardware;
  let status = overallStatus(plain, vanished, problems);
  let summary = summarize(plain, vanished);
  if (hw) {
    status = withHardware(status, hw);
    summary = `${summary}; ${hardwareSummary(hw)}`;
  }
  return {
    version: 1,
    host,
    status,
    summary,
    checkedAt: start,
    durationMs: Math.round(performance.now() - t0),
    disks: plain,
    vanished,
    skipped: found.skipped,
    warnings: found.warnings ?? [],
    problems,
    ...(hw ? { hardware: hw } : {}),
  };
}

/**
 * Folds the hardware verdict into the disk status: a critical or warning part raises it; a
 * BMC that cannot be read (fully or partly) makes an otherwise OK check UNKNOWN, never
 * WARNING or CRITICAL.
 *
 * @param status The status from the disks.
 * @param hw The hardware check.
 * @returns The combined status.
 */
export function withHardware(status: CheckStatus, hw: HardwareCheck): CheckStatus {
  const v = hw.assessment?.verdict ?? "unknown";
  if (status === "CRITICAL" || v === "critical") return "CRITICAL";
  if (status === "WARNING" || v === "warning") return "WARNING";
  if (status === "UNKNOWN" || hw.problems.length || v === "unknown") return "UNKNOWN";
  return "OK";
}
