/**
 * Builds Bynar's normalized {@linkcode SmartReport} from a parsed NVMe SMART / Health
 * Information log page (02h).
 *
 * Pure: no I/O.
 *
 * @module
 */
import type { NvmeHealth, SmartReport } from "../model.ts";
import type { NvmeHealthLog } from "./types.ts";

/**
 * Converts a parsed NVMe health log page into the report model (counters as exact
 * decimal strings; temperature kelvin → Celsius like smartctl).
 *
 * @param log The parsed page (see `parseNvmeHealthWasm`).
 * @returns The model's NVMe health.
 */
export function nvmeHealthFromLog(log: NvmeHealthLog): NvmeHealth {
  return {
    criticalWarning: log.criticalWarning,
    temperatureCelsius: log.temperatureKelvin === 0 ? null : log.temperatureKelvin - 273,
    availableSpare: log.availableSpare,
    availableSpareThreshold: log.availableSpareThreshold,
    percentageUsed: log.percentageUsed,
    mediaErrors: String(log.mediaErrors),
    numErrLogEntries: String(log.numErrLogEntries),
    powerOnHours: String(log.powerOnHours),
    unsafeShutdowns: String(log.unsafeShutdowns),
    powerCycles: String(log.powerCycles),
    dataUnitsRead: String(log.dataUnitsRead),
    dataUnitsWritten: String(log.dataUnitsWritten),
  };
}

/**
 * Builds the report for an NVMe drive from its parsed SMART / Health Information log,
 * with the fields `smartctl --json -a` derives from the same page: the overall status is
 * `critical_warning == 0` (smartctl: any warning bit, including unknown ones, is FAILED),
 * the temperature is absent when the composite temperature is 0 K, and power-on hours
 * only when the 128-bit counter fits a safe integer.
 *
 * @param log The parsed page (see `parseNvmeHealthWasm`).
 * @param options The device and the drive's identity (from sysfs).
 * @returns A report with `source: "wasm"` and `protocol: "NVMe"`.
 */
export function nvmeReportFromLog(
  log: NvmeHealthLog,
  options: { device: string; identify: SmartReport["identify"] },
): SmartReport {
  const nvme = nvmeHealthFromLog(log);
  const safe = (v: bigint) => (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null);
  return {
    source: "wasm",
    protocol: "NVMe",
    device: options.device,
    identify: options.identify,
    smartStatusGood: log.criticalWarning === 0,
    attributes: [],
    nvme,
    scsi: null,
    powerOnHours: safe(log.powerOnHours),
    temperatureCelsius: nvme.temperatureCelsius,
    smartctlExitStatus: null,
    unavailableReason: null,
    powerCycles: Number(log.powerCycles),
    messages: [],
  };
}
