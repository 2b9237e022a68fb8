/**
 * SMART: reading drives (libatasmart, the NVMe health log page, smartctl), the normalized
 * model, and the health policy.
 *
 * @module
 */
export type {
  Assessment,
  NvmeHealth,
  ScsiHealth,
  SmartAttribute,
  SmartIdentify,
  SmartProtocol,
  SmartReport,
  SmartSourceName,
  Verdict,
} from "./model.ts";
export { unavailableReport, worseVerdict } from "./model.ts";
export { readSmart, type ReadSmartOptions } from "./read.ts";
export { assess, DEFAULT_SMART_POLICY } from "./policy.ts";
export {
  type AtaOpener,
  type AtaPagesParser,
  readAtaBlob,
  reportFromAtaDisk,
  reportFromAtaPages,
} from "./ata/libatasmart.ts";
export { readSmartctl, type SmartctlOptions } from "./smartctl/source.ts";
export {
  HOSTFS_NVME_READER,
  nvmeIdentityFromSysfs,
  type NvmeLogPages,
  type NvmeLogReader,
  reportFromNvmeLog,
} from "./nvme/source.ts";
export {
  decodeSmartctlExitStatus,
  parseJsonLossless,
  parseSmartctlJson,
  SMARTCTL_EXIT_BITS,
  smartctlDocToReport,
  type SmartctlExitStatus,
} from "./smartctl/parse.ts";
export { type AtaSmartPages, encodeSkdump, parseSkdump } from "./ata/skdump.ts";
export { renderJson, renderText, reportToJson } from "./render.ts";
