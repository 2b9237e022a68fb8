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
} from "../smart/ata/types.ts";
export { PageParseError, PARSE_CODE } from "../wasm/errors.ts";
export { parseAtaIdentifyWasm, parseAtaSmartWasm } from "../smart/ata/parse.ts";
export { parseNvmeHealthWasm } from "../smart/nvme/parse.ts";
export {
  parseAtaIdentifyTs,
  parseAtaSmartTs,
  parseNvmeHealthTs,
} from "../../tests/smart/reference_parser.ts";
export {
  openRangeReader,
  parsePartitionTable,
  type PartitionParseOptions,
  type RangeReader,
  readPartitionTable,
} from "./table.ts";
