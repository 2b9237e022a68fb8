/**
 * Reads SMART data by running `smartctl --json -a DEVICE` (Debian `smartmontools`).
 *
 * @module
 */
import { ParseError } from "../../errors.ts";
import type { CommandRunner } from "../../process/run.ts";
import { SYSTEM_RUNNER } from "../../process/run.ts";
import type { SmartReport } from "../model.ts";
import { unavailableReport } from "../model.ts";
import { parseSmartctlJson } from "./parse.ts";

/** Options of {@linkcode readSmartctl}. */
export interface SmartctlOptions {
  /** Runs the program (tests inject a recording). */
  runner?: CommandRunner;
  /**
   * Timeout per call.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * The smartctl program.
   * @default "smartctl"
   */
  smartctlPath?: string;
}

/**
 * Runs smartctl on a device and parses its JSON. The exit status is read as a bit mask:
 * a non-zero status with valid JSON is a report, not an error.
 *
 * @param device The device path.
 * @param options Runner, timeout and program path.
 * @returns The report; `unavailableReason` is set when smartctl found no SMART data.
 * @throws {CommandError} When smartctl cannot be started or times out.
 */
export async function readSmartctl(
  device: string,
  options: SmartctlOptions = {},
): Promise<SmartReport> {
  const cmd = options.smartctlPath ?? "smartctl";
  const args = ["--json", "-a", device];
  const res = await (options.runner ?? SYSTEM_RUNNER).run(cmd, args, {
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  const code = res.code ?? -1;
  // Bit 0 is also set when smartctl cannot detect the device type (e.g. virtio disks):
  // its JSON then explains why, so it is a "no SMART" report, not an error.
  try {
    return parseSmartctlJson(res.stdout, { device });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    const why = res.stderr.trim() || res.stdout.trim().split("\n")[0] ||
      `smartctl exited with status ${code}`;
    return unavailableReport(
      device,
      `SMART is not available for "${device}": smartctl gave no JSON (${why})`,
    );
  }
}
