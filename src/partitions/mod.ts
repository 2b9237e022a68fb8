/**
 * Partition tables (MBR/EBR and GPT with CRC and backup fallback), parsed by the embedded
 * WebAssembly module while reading only the sectors it needs, with typed results and
 * typed {@linkcode PageParseError}s.
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
export type { PartitionEntry, PartitionTable, PartitionTableKind } from "./types.ts";
export { PageParseError, PARSE_CODE } from "../wasm/mod.ts";
export {
  openRangeReader,
  parsePartitionTable,
  type PartitionParseOptions,
  type RangeReader,
  readPartitionTable,
} from "./table.ts";
