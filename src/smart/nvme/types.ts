/**
 * Typed result of the NVMe SMART / Health Information log page parser.
 *
 * Pure data.
 *
 * @module
 */

/** NVMe SMART / Health Information log page (02h). 128-bit counters are bigints. */
export interface NvmeHealthLog {
  /** Critical warning bits. */
  criticalWarning: number;
  /** Composite temperature, kelvin (0 when not reported). */
  temperatureKelvin: number;
  /** Available spare, percent. */
  availableSpare: number;
  /** Available spare threshold, percent. */
  availableSpareThreshold: number;
  /** Percentage used (may exceed 100). */
  percentageUsed: number;
  /** Endurance group critical warning summary. */
  enduranceGroupWarning: number;
  /** Data units read (thousands of 512-byte units). */
  dataUnitsRead: bigint;
  /** Data units written. */
  dataUnitsWritten: bigint;
  /** Host read commands. */
  hostReads: bigint;
  /** Host write commands. */
  hostWrites: bigint;
  /** Controller busy time, minutes. */
  controllerBusyTime: bigint;
  /** Power cycles. */
  powerCycles: bigint;
  /** Power-on hours. */
  powerOnHours: bigint;
  /** Unsafe shutdowns. */
  unsafeShutdowns: bigint;
  /** Media and data integrity errors. */
  mediaErrors: bigint;
  /** Number of error information log entries. */
  numErrLogEntries: bigint;
  /** Warning composite temperature time, minutes. */
  warningTempTime: number;
  /** Critical composite temperature time, minutes. */
  criticalCompTime: number;
  /** Temperature sensors 1–8, kelvin (0 = not reported). */
  temperatureSensors: number[];
}
