/**
 * ATA commands over SCSI: the ATA PASS-THROUGH (16) CDB (SAT-3 §12.2.2, operation code
 * 85h) for the four commands Bynar reads SMART with, and the meaning of SMART RETURN
 * STATUS's registers (ACS-3 §7.48.7).
 *
 * The CDBs are the ones `smartctl -d sat -r ioctl,2` prints for the same commands:
 *
 * | command                 | CDB                                               |
 * | ----------------------- | ------------------------------------------------- |
 * | IDENTIFY DEVICE         | `85 08 0e 00 00 00 01 00 00 00 00 00 00 00 ec 00` |
 * | SMART READ DATA         | `85 08 0e 00 d0 00 01 00 00 00 4f 00 c2 00 b0 00` |
 * | SMART READ THRESHOLDS   | `85 08 0e 00 d1 00 01 00 01 00 4f 00 c2 00 b0 00` |
 * | SMART RETURN STATUS     | `85 06 2c 00 da 00 00 00 00 00 4f 00 c2 00 b0 00` |
 *
 * Byte 1 = PROTOCOL << 1 (4 PIO Data-In, 3 Non-data); byte 2 = CK_COND << 5 | T_DIR << 3
 * (from device) | BYTE_BLOCK << 2 (blocks) | T_LENGTH (2: in the COUNT field; 0: no data),
 * with CK_COND only for RETURN STATUS, whose answer is in the returned registers; bytes
 * 4/6/8/10/12/13/14 = FEATURES, COUNT, LBA low, LBA mid, LBA high, DEVICE, COMMAND. READ
 * THRESHOLDS sets LBA low to 01h (ATA-3's sector number for it), as smartctl does. The
 * table was checked against `smartctl -d sat -r ioctl,2 -H -A` 7.3 in the live guest.
 *
 * Pure: no I/O.
 *
 * @module
 */

/** One ATA command Bynar sends. */
export type AtaReadCommand =
  | "identify"
  | "smart-read-data"
  | "smart-read-thresholds"
  | "smart-return-status";

/** The ATA PASS-THROUGH (16) operation code. */
export const ATA_PASS_THROUGH_16 = 0x85;
/** SMART's LBA mid/high signature (ACS-3: 4Fh/C2h). */
export const SMART_LBA_MID = 0x4f;
/** See {@linkcode SMART_LBA_MID}. */
export const SMART_LBA_HIGH = 0xc2;

const PIO_DATA_IN = 4;
const NON_DATA = 3;

/**
 * Builds the ATA PASS-THROUGH (16) CDB of a command.
 *
 * @param command The command.
 * @returns The 16-byte CDB.
 */
export function ataPassThroughCdb(command: AtaReadCommand): Uint8Array<ArrayBuffer> {
  const cdb = new Uint8Array(16);
  cdb[0] = ATA_PASS_THROUGH_16;
  if (command === "smart-return-status") {
    cdb[1] = NON_DATA << 1;
    cdb[2] = (1 << 5) | (1 << 3) | (1 << 2); // CK_COND: the registers come back as sense
  } else {
    cdb[1] = PIO_DATA_IN << 1;
    cdb[2] = (1 << 3) | (1 << 2) | 2; // T_DIR from device, BYTE_BLOCK, T_LENGTH in COUNT
    cdb[6] = 1; // one 512-byte block
  }
  if (command === "identify") {
    cdb[14] = 0xec;
    return cdb;
  }
  cdb[4] = command === "smart-read-data" ? 0xd0 : command === "smart-read-thresholds" ? 0xd1 : 0xda;
  if (command === "smart-read-thresholds") cdb[8] = 1;
  cdb[10] = SMART_LBA_MID;
  cdb[12] = SMART_LBA_HIGH;
  cdb[14] = 0xb0;
  return cdb;
}

/**
 * Reads SMART RETURN STATUS's answer from LBA mid/high.
 *
 * @param lbaMid LBA (15:8) as returned.
 * @param lbaHigh LBA (23:16) as returned.
 * @returns `good` (4Fh/C2h), `threshold-exceeded` (F4h/2Ch), or null when the registers
 *   hold neither (the status was not returned).
 */
export function smartReturnStatus(
  lbaMid: number,
  lbaHigh: number,
): "good" | "threshold-exceeded" | null {
  if (lbaMid === 0x4f && lbaHigh === 0xc2) return "good";
  if (lbaMid === 0xf4 && lbaHigh === 0x2c) return "threshold-exceeded";
  return null;
}
