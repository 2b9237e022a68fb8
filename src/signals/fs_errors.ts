/**
 * Filesystem error counters of a disk's filesystems (ext4 `errors_count`), through the
 * readers of `src/health/kernel_errors.ts` shared with `--check`.
 *
 * @module
 */
import { errorMessage, isSandboxRefusal, sandboxFix } from "../errors.ts";
import { fsErrorReason, readExt4Errors } from "../health/kernel_errors.ts";
import { reading, type SignalDisk, type SignalReading, type SignalSource } from "./types.ts";

/** Reads `/sys/fs/ext4/<dev>/errors_count` of the disk and each of its partitions. */
export class FsErrorsSource implements SignalSource {
  readonly signals = ["fs_errors"] as const;
  #sys: string;
  #strongErrors: number;

  /**
   * Creates the source.
   *
   * @param options The sysfs root; the error count that makes the signal strong (default 10).
   */
  constructor(options: { sys?: string; strongErrors?: number } = {}) {
    this.#sys = options.sys ?? "/sys";
    this.#strongErrors = options.strongErrors ?? 10;
  }

  /** {@inheritDoc SignalSource.read} */
  read(disks: readonly SignalDisk[], _now: Date): Promise<SignalReading[]> {
    return Promise.resolve(disks.map((d) => {
      const reasons: string[] = [];
      let total = 0;
      try {
        for (const dev of [d.name, ...(d.partitions ?? [])]) {
          const rec = readExt4Errors(dev, { sys: this.#sys });
          if (!rec) continue;
          const why = fsErrorReason(rec);
          if (why) reasons.push(why);
          total += rec.errorsCount;
        }
      } catch (err) {
        return reading("fs_errors", d.diskKey, {
          status: "unknown",
          reason: `Cannot read the ext4 error counters of /dev/${d.name}: ` +
            (isSandboxRefusal(err) ? sandboxFix(err) : errorMessage(err)),
        });
      }
      if (total === 0) {
        return reading("fs_errors", d.diskKey, {
          status: "quiet",
          value: 0,
          reason: `No filesystem errors recorded on /dev/${d.name}`,
        });
      }
      return reading("fs_errors", d.diskKey, {
        status: "fired",
        strength: total >= this.#strongErrors ? "strong" : "weak",
        value: total,
        reason: reasons.join("; "),
      });
    }));
  }
}
