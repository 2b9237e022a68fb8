/**
 * Signals beyond SMART (issue 17): small sources behind one interface (SMART trends,
 * kernel I/O errors, host I/O latency outliers, filesystem errors, Ceph's view of the OSD),
 * the decision that combines them with escalation, the pass that stores every decision with
 * its evidence, precision per signal and per drive model, and their metrics.
 *
 * @module
 */
export * from "./types.ts";
export * from "./decision.ts";
export * from "./precision.ts";
export * from "./smart_trends.ts";
export * from "./outlier.ts";
export * from "./metrics.ts";
export * from "./evaluate.ts";
export {
  belongsTo,
  judgeKernelIoErrors,
  KernelIoSource,
  parseKernelIoErrors,
} from "./kernel_io.ts";
export type { KernelIoConfig, KernelIoError } from "./kernel_io.ts";
export { defaultGroup, IoLatencySource, judgeIoLatency, parseDiskStat } from "./io_latency.ts";
export type { DiskStat, IoLatencyConfig, StatPair } from "./io_latency.ts";
export { FsErrorsSource } from "./fs_errors.ts";
export { SmartTrendSource } from "./trend_source.ts";
export type { CounterHistoryPort } from "./trend_source.ts";
export {
  CephOsdSource,
  parseDeviceClasses,
  parseHealthDetail,
  parseOsdPerf,
  parseUpFrom,
} from "./ceph_osd.ts";
export type { CephCommandPort, CephSignalConfig, OsdHealth } from "./ceph_osd.ts";
