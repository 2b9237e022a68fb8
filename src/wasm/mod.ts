/**
 * The one loader of Bynar's parsing WebAssembly module (`wasm/assembly/`, built by
 * `deno task build`), its typed parse errors and the small decoders shared by the SMART
 * page parsers (`src/smart/ata`, `src/smart/nvme`) and the partition table parser
 * (`src/partitions`).
 *
 * @module
 */
export {
  copyIn,
  type MemoryViews,
  type ParserExports,
  type WasmParser,
  wasmParser,
} from "./loader.ts";
export { PageParseError, PARSE_CODE } from "./errors.ts";
export { guidString, hex32, utf16z } from "./_format.ts";
