/**
 * The Bynar parsing core: ATA IDENTIFY and SMART pages, the NVMe health log and partition
 * tables, parsed by the embedded AssemblyScript WebAssembly module (loaded once, on first
 * use), with typed results and typed {@linkcode PageParseError}s. A plain-TypeScript
 * reference parser with identical results is exported for cross-checks and benchmarks.
 *
 * @example Parse a partition table
 * ```ts ignore
 * import { readPartitionTable } from "./mod.ts";
 * const table = await readPartitionTable("/tmp/disk.img");
 * console.log(table.table, table.source, table.partitions.length);
 * ```
 *
 * @module
 */
export type {
  AtaAttribute,
  AtaIdentity,
  AtaSmartData,
  NvmeHealthLog,
  PartitionEntry,
  PartitionTable,
  PartitionTableKind,
} from "./types.ts";
export { PageParseError, PARSE_CODE } from "./error_codes.ts";
export { parseAtaIdentifyWasm, parseAtaSmartWasm } from "./ata_wasm.ts";
export { parseNvmeHealthWasm } from "./nvme_wasm.ts";
export { parseAtaIdentifyTs, parseAtaSmartTs, parseNvmeHealthTs } from "./reference.ts";
export {
  openRangeReader,
  parsePartitionTable,
  type PartitionParseOptions,
  type RangeReader,
  readPartitionTable,
} from "./partitions.ts";
