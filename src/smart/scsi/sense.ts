/**
 * SCSI sense data (SPC-4 §4.5): fixed format (response code 0x70/0x71) and descriptor
 * format (0x72/0x73), including the ATA registers SAT returns for ATA PASS-THROUGH with
 * CK_COND — in the ATA Status Return descriptor (type 0x09; Linux libata always uses it for
 * CK_COND, whatever `D_SENSE` says), or in the INFORMATION and COMMAND-SPECIFIC
 * INFORMATION fields of fixed sense (SAT-3 §12.2.2.6; other SAT layers).
 *
 * Pure: no I/O.
 *
 * @module
 */

/** The ATA output registers a SAT layer returns. */
export interface AtaReturnRegisters {
  /** ERROR register. */
  error: number;
  /** COUNT (7:0). */
  count: number;
  /** LBA (7:0) ("LBA low"). */
  lbaLow: number;
  /** LBA (15:8) ("LBA mid"). */
  lbaMid: number;
  /** LBA (23:16) ("LBA high"). */
  lbaHigh: number;
  /** DEVICE register. */
  device: number;
  /** STATUS register. */
  status: number;
  /** The 48-bit (extended) registers were returned (upper bytes not decoded here). */
  extend: boolean;
}

/** Decoded sense data. */
export interface SenseData {
  /** Which format the device used. */
  format: "fixed" | "descriptor";
  /** Current (0x70/0x72) or deferred (0x71/0x73) error. */
  deferred: boolean;
  /** SENSE KEY (0 NO SENSE, 1 RECOVERED ERROR, 5 ILLEGAL REQUEST, …). */
  key: number;
  /** ADDITIONAL SENSE CODE. */
  asc: number;
  /** ADDITIONAL SENSE CODE QUALIFIER. */
  ascq: number;
  /** The ATA registers, when the sense carries them (ASC/ASCQ 00h/1Dh or descriptor 09h). */
  ata: AtaReturnRegisters | null;
}

/** ASC/ASCQ 00h/1Dh: ATA PASS THROUGH INFORMATION AVAILABLE. */
const ATA_INFO_AVAILABLE = 0x1d;

/** Sense key names (SPC-4 Table 48). */
const KEYS = [
  "NO SENSE",
  "RECOVERED ERROR",
  "NOT READY",
  "MEDIUM ERROR",
  "HARDWARE ERROR",
  "ILLEGAL REQUEST",
  "UNIT ATTENTION",
  "DATA PROTECT",
  "BLANK CHECK",
  "VENDOR SPECIFIC",
  "COPY ABORTED",
  "ABORTED COMMAND",
  "RESERVED",
  "VOLUME OVERFLOW",
  "MISCOMPARE",
  "COMPLETED",
];

/**
 * Decodes sense bytes.
 *
 * @param sense The sense buffer as written (`sb_len_wr` bytes).
 * @returns The decoded sense, or null when the buffer is empty or not fixed/descriptor
 *   format.
 */
export function parseSense(sense: Uint8Array): SenseData | null {
  if (sense.length < 8) return null;
  const code = sense[0]! & 0x7f;
  if (code === 0x70 || code === 0x71) {
    const key = sense[2]! & 0x0f;
    const asc = sense.length > 12 ? sense[12]! : 0;
    const ascq = sense.length > 13 ? sense[13]! : 0;
    const ata = asc === 0 && ascq === ATA_INFO_AVAILABLE && sense.length >= 12
      ? {
        error: sense[3]!,
        status: sense[4]!,
        device: sense[5]!,
        count: sense[6]!,
        extend: (sense[8]! & 0x80) !== 0,
        lbaLow: sense[9]!,
        lbaMid: sense[10]!,
        lbaHigh: sense[11]!,
      }
      : null;
    return { format: "fixed", deferred: code === 0x71, key, asc, ascq, ata };
  }
  if (code === 0x72 || code === 0x73) {
    const key = sense[1]! & 0x0f;
    const end = Math.min(sense.length, 8 + sense[7]!);
    let ata: AtaReturnRegisters | null = null;
    for (let at = 8; at + 2 <= end;) {
      const type = sense[at]!;
      const len = sense[at + 1]!;
      if (type === 0x09 && len >= 0x0c && at + 14 <= end) {
        ata = {
          extend: (sense[at + 2]! & 0x01) !== 0,
          error: sense[at + 3]!,
          count: sense[at + 5]!,
          lbaLow: sense[at + 7]!,
          lbaMid: sense[at + 9]!,
          lbaHigh: sense[at + 11]!,
          device: sense[at + 12]!,
          status: sense[at + 13]!,
        };
      }
      at += 2 + len;
    }
    return {
      format: "descriptor",
      deferred: code === 0x73,
      key,
      asc: sense[2]!,
      ascq: sense[3]!,
      ata,
    };
  }
  return null;
}

/**
 * Describes sense data for a message, e.g. `ILLEGAL REQUEST, ASC/ASCQ 20h/00h`.
 *
 * @param s The decoded sense.
 * @returns The description.
 */
export function describeSense(s: SenseData): string {
  const h = (n: number) => n.toString(16).padStart(2, "0");
  return `${KEYS[s.key]}, ASC/ASCQ ${h(s.asc)}h/${h(s.ascq)}h (${s.format} sense)`;
}
