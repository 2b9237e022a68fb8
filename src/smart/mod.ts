/**
 * SMART: the read chain over every source (the native NVMe log page, libatasmart, smartctl),
 * the page parsers (`ata/`, `nvme/`, WASM), smartctl's JSON (`smartctl/`), the normalized
 * model, and the health policy.
 *
 * @module
 */
export type {
  Assessment,
  NvmeHealth,
  ScsiHealth,
  SmartAttempt,
  SmartAttribute,
  SmartIdentify,
  SmartProtocol,
  SmartReader,
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
export { ataStatusGood, wasmAtaPagesParser } from "./ata/report.ts";
export {
  attributeInfo,
  formatPrettyValue,
  type PrettyUnit,
  prettyUnitFromLibatasmart,
  toSmartAttribute,
} from "./ata/attributes.ts";
export { parseAtaIdentifyWasm, parseAtaSmartWasm } from "./ata/parse.ts";
export type { AtaAttribute, AtaIdentity, AtaSmartData } from "./ata/types.ts";
export { type AtaSmartPages, encodeSkdump, parseSkdump } from "./ata/skdump.ts";
export { readSmartctl, type SmartctlOptions } from "./smartctl/source.ts";
export {
  decodeSmartctlExitStatus,
  parseJsonLossless,
  parseSmartctlJson,
  SMARTCTL_EXIT_BITS,
  smartctlDocToReport,
  type SmartctlExitStatus,
} from "./smartctl/parse.ts";
export {
  HOSTFS_NVME_READER,
  nvmeIdentityFromSysfs,
  type NvmeLogPages,
  type NvmeLogReader,
  reportFromNvmeLog,
} from "./nvme/source.ts";
export { nvmeHealthFromLog, nvmeReportFromLog } from "./nvme/report.ts";
export { parseNvmeHealthWasm } from "./nvme/parse.ts";
export type { NvmeHealthLog } from "./nvme/types.ts";
export { PageParseError, PARSE_CODE } from "../wasm/mod.ts";
export { renderJson, renderText, reportToJson } from "./render.ts";
