/**
 * SCSI generic `SG_IO`: the `struct sg_io_hdr` layout (x86_64) and which commands Bynar
 * may send (pure, no I/O). Internal to `src/hostfs/`.
 *
 * `struct sg_io_hdr` (scsi/sg.h), 88 bytes on x86_64 (pointers 8-byte aligned):
 *
 * | offset | type  | field           | Bynar's value                                   |
 * | -----: | ----- | --------------- | ----------------------------------------------- |
 * |      0 | i32   | interface_id    | 'S' (0x53)                                      |
 * |      4 | i32   | dxfer_direction | SG_DXFER_FROM_DEV (−3) or SG_DXFER_NONE (−1)    |
 * |      8 | u8    | cmd_len         | 6, 10, 12 or 16                                 |
 * |      9 | u8    | mx_sb_len       | 64 (sense buffer size)                          |
 * |     10 | u16   | iovec_count     | 0                                               |
 * |     12 | u32   | dxfer_len       | data length                                     |
 * |     16 | ptr   | dxferp          | data buffer                                     |
 * |     24 | ptr   | cmdp            | the CDB                                         |
 * |     32 | ptr   | sbp             | sense buffer                                    |
 * |     40 | u32   | timeout         | milliseconds                                    |
 * |     44 | u32   | flags           | 0                                               |
 * |     48 | i32   | pack_id         | 0                                               |
 * |     56 | ptr   | usr_ptr         | 0                                               |
 * |     64 | u8    | status          | SCSI status (written by the kernel)             |
 * |     65 | u8    | masked_status   |                                                 |
 * |     66 | u8    | msg_status      |                                                 |
 * |     67 | u8    | sb_len_wr       | sense bytes written                             |
 * |     68 | u16   | host_status     | 0 = ok (DID_OK)                                 |
 * |     70 | u16   | driver_status   | 0 = ok; 0x08 = DRIVER_SENSE                     |
 * |     72 | i32   | resid           | bytes not transferred                           |
 * |     76 | u32   | duration        | ms                                              |
 * |     80 | u32   | info            | bit 0: SG_INFO_CHECK                            |
 *
 * @module
 */

/** `SG_IO` ioctl request number (scsi/sg.h). */
export const SG_IO = 0x2285n;
/** `sizeof(struct sg_io_hdr)` on x86_64. */
export const SG_IO_HDR_SIZE = 88;
/** `SG_DXFER_NONE`. */
export const SG_DXFER_NONE = -1;
/** `SG_DXFER_FROM_DEV`. */
export const SG_DXFER_FROM_DEV = -3;
/** Size of the sense buffer Bynar passes. */
export const SENSE_BUFFER_SIZE = 64;
/** Byte offsets of `struct sg_io_hdr` (see the module table). */
export const SG_HDR = {
  interfaceId: 0,
  dxferDirection: 4,
  cmdLen: 8,
  mxSbLen: 9,
  dxferLen: 12,
  dxferp: 16,
  cmdp: 24,
  sbp: 32,
  timeout: 40,
  status: 64,
  sbLenWr: 67,
  hostStatus: 68,
  driverStatus: 70,
  resid: 72,
  duration: 76,
  info: 80,
} as const;

/** The buffers' addresses for {@linkcode encodeSgIoHdr}. */
export interface SgIoAddresses {
  /** Address of the CDB. */
  cdb: bigint;
  /** Address of the data buffer (0 when no data moves). */
  data: bigint;
  /** Address of the sense buffer ({@linkcode SENSE_BUFFER_SIZE} bytes). */
  sense: bigint;
}

/**
 * Encodes a `struct sg_io_hdr` for a command that reads `dataLength` bytes from the
 * device (or moves none when 0).
 *
 * @param cdbLength The CDB length (6, 10, 12 or 16).
 * @param dataLength Bytes to read from the device (0 = no data).
 * @param options The buffer addresses and the timeout in milliseconds.
 * @returns The 88-byte header.
 * @throws {RangeError} When a length or the timeout is out of range.
 */
export function encodeSgIoHdr(
  cdbLength: number,
  dataLength: number,
  options: { addresses: SgIoAddresses; timeoutMs: number },
): Uint8Array<ArrayBuffer> {
  if (![6, 10, 12, 16].includes(cdbLength)) {
    throw new RangeError(`Cannot encode SG_IO: CDB length ${cdbLength} is not 6, 10, 12 or 16`);
  }
  if (!Number.isInteger(dataLength) || dataLength < 0 || dataLength > 1 << 20) {
    throw new RangeError(`Cannot encode SG_IO: data length ${dataLength} is not 0..1 MiB`);
  }
  const { timeoutMs, addresses } = options;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0 || timeoutMs > 0xffffffff) {
    throw new RangeError(`Cannot encode SG_IO: timeout ${timeoutMs} ms is not a positive u32`);
  }
  const hdr = new Uint8Array(SG_IO_HDR_SIZE);
  const v = new DataView(hdr.buffer);
  v.setInt32(SG_HDR.interfaceId, 0x53, true); // 'S'
  v.setInt32(SG_HDR.dxferDirection, dataLength ? SG_DXFER_FROM_DEV : SG_DXFER_NONE, true);
  v.setUint8(SG_HDR.cmdLen, cdbLength);
  v.setUint8(SG_HDR.mxSbLen, SENSE_BUFFER_SIZE);
  v.setUint32(SG_HDR.dxferLen, dataLength, true);
  v.setBigUint64(SG_HDR.dxferp, dataLength ? addresses.data : 0n, true);
  v.setBigUint64(SG_HDR.cmdp, addresses.cdb, true);
  v.setBigUint64(SG_HDR.sbp, addresses.sense, true);
  v.setUint32(SG_HDR.timeout, timeoutMs, true);
  return hdr;
}

/** What the kernel wrote back into the header. */
export interface SgIoResult {
  /** SCSI status (0 GOOD, 2 CHECK CONDITION). */
  status: number;
  /** Sense bytes written. */
  senseLength: number;
  /** Host (transport) status; 0 = DID_OK. */
  hostStatus: number;
  /** Driver status; 0 or 0x08 (DRIVER_SENSE) are fine. */
  driverStatus: number;
  /** Bytes not transferred. */
  resid: number;
  /** Duration in milliseconds. */
  durationMs: number;
}

/**
 * Decodes the fields the kernel writes back.
 *
 * @param hdr The header after the ioctl.
 * @returns Status, sense length, host/driver status, residual and duration.
 */
export function decodeSgIoHdr(hdr: Uint8Array): SgIoResult {
  const v = new DataView(hdr.buffer, hdr.byteOffset, hdr.byteLength);
  return {
    status: v.getUint8(SG_HDR.status),
    senseLength: v.getUint8(SG_HDR.sbLenWr),
    hostStatus: v.getUint16(SG_HDR.hostStatus, true),
    driverStatus: v.getUint16(SG_HDR.driverStatus, true),
    resid: v.getInt32(SG_HDR.resid, true),
    durationMs: v.getUint32(SG_HDR.duration, true),
  };
}

/**
 * Whether a CDB is one of the read-only commands Bynar may send through SG_IO: INQUIRY
 * (0x12), REQUEST SENSE (0x03), LOG SENSE (0x4D), and ATA PASS-THROUGH (16) (0x85)
 * carrying IDENTIFY DEVICE (0xEC) or SMART (0xB0) READ DATA (0xD0), READ THRESHOLDS (0xD1)
 * or RETURN STATUS (0xDA) — never a command that writes, and never a data-out transfer.
 *
 * @param cdb The command descriptor block.
 * @returns The reason it is refused, or null when it may be sent.
 */
export function refuseCdb(cdb: Uint8Array): string | null {
  const op = cdb[0];
  if (op === 0x12 || op === 0x03 || op === 0x4d) return null;
  if (op !== 0x85 || cdb.length !== 16) {
    return `operation code 0x${(op ?? 0).toString(16)} is not a read-only command Bynar sends`;
  }
  const protocol = (cdb[1]! >> 1) & 0xf;
  const command = cdb[14]!;
  const features = cdb[4]!;
  if (protocol !== 3 && protocol !== 4) {
    return `ATA protocol ${protocol} is neither non-data (3) nor PIO data-in (4)`;
  }
  if (command === 0xec) return null;
  if (command === 0xb0 && [0xd0, 0xd1, 0xda].includes(features)) return null;
  return `ATA command 0x${command.toString(16)} feature 0x${features.toString(16)} is not ` +
    "IDENTIFY DEVICE or SMART READ DATA/READ THRESHOLDS/RETURN STATUS";
}

/**
 * Whether a resolved path names a whole SCSI disk (`/dev/sdX`) or SCSI generic node
 * (`/dev/sgN`) — the only nodes that may receive SG_IO (never a partition).
 *
 * @param path A canonical path.
 * @returns Whether SG_IO may be sent to it.
 */
export function isSgIoDevicePath(path: string): boolean {
  return /^\/dev\/(sd[a-z]+|sg\d+)$/.test(path);
}
