/**
 * Error codes returned by the WASM parser (negative numbers) and their messages. The TS
 * reference parser uses the same codes so both report identical typed errors.
 *
 * @module
 */
import { ParseError } from "../errors.ts";

/** Negative status codes of the parser (kept in sync with wasm/assembly/index.ts). */
export const PARSE_CODE = Object.freeze({
  SHORT: -1,
  NO_TABLE: -2,
  BAD_MBR: -3,
  GPT_HEADER: -4,
  GPT_ENTRIES: -5,
  GPT_TOO_MANY: -6,
  EBR_LOOP: -7,
  EBR_TOO_MANY: -8,
  STATE: -9,
  RANGE: -10,
});

const REASONS: Record<number, [string, string]> = {
  [-1]: ["input_short", "the data is shorter than the structure"],
  [-2]: ["no_partition_table", "no MBR signature (0x55AA) in sector 0"],
  [-3]: ["invalid_mbr", "an MBR entry has an invalid boot indicator"],
  [-4]: ["gpt_header_invalid", "neither the primary nor the backup GPT header is valid"],
  [-5]: ["gpt_entries_crc", "the GPT entry arrays fail their CRC32 check"],
  [-6]: ["gpt_too_many_entries", "the GPT header claims too many entries or a bad entry size"],
  [-7]: ["ebr_loop", "the extended partition's EBR chain loops"],
  [-8]: ["too_many_logical", "the EBR chain has more than 1024 logical partitions"],
  [-9]: ["parser_state", "the parser was driven out of order"],
  [-10]: ["out_of_range", "a table points outside the device"],
};

/** A parse failure with the parser's stable reason code. */
export class PageParseError extends ParseError {
  /** The stable reason, e.g. `ebr_loop`. */
  readonly reason: string;
  /** The numeric parser code. */
  readonly parserCode: number;

  /**
   * Creates a page/table parse error.
   *
   * @param parserCode The negative parser code.
   * @param what What was being parsed, e.g. `partition table`.
   * @param options The device or file.
   */
  constructor(parserCode: number, what: string, options: { device?: string } = {}) {
    const [reason, text] = REASONS[parserCode] ?? ["unknown", `parser code ${parserCode}`];
    const where = options.device ? ` for "${options.device}"` : "";
    super(`Cannot parse ${what}${where}: ${text}`, { device: options.device });
    this.reason = reason;
    this.parserCode = parserCode;
  }
}
