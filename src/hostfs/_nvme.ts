/**
 * NVMe admin passthrough: the `struct nvme_admin_cmd` layout and the Get Log Page
 * command encoding (pure, no I/O). Internal to `src/hostfs/`.
 *
 * `struct nvme_passthru_cmd` (= `struct nvme_admin_cmd`, linux/nvme_ioctl.h), 72 bytes,
 * little-endian on x86_64:
 *
 * | offset | type | field        | Get Log Page value                          |
 * | -----: | ---- | ------------ | ------------------------------------------- |
 * |      0 | u8   | opcode       | 0x02                                        |
 * |      1 | u8   | flags        | 0 (the kernel rejects any other value)      |
 * |      2 | u16  | rsvd1        | 0                                           |
 * |      4 | u32  | nsid         | 0xFFFFFFFF (controller-wide health log)     |
 * |      8 | u32  | cdw2         | 0                                           |
 * |     12 | u32  | cdw3         | 0                                           |
 * |     16 | u64  | metadata     | 0                                           |
 * |     24 | u64  | addr         | address of the data buffer                  |
 * |     32 | u32  | metadata_len | 0                                           |
 * |     36 | u32  | data_len     | length in bytes                             |
 * |     40 | u32  | cdw10        | (NUMDL = length/4 − 1) << 16 \| LID         |
 * |     44 | u32  | cdw11        | NUMDU (upper 16 bits of the dword count)    |
 * |     48 | u32  | cdw12        | log page offset, low (0)                    |
 * |     52 | u32  | cdw13        | log page offset, high (0)                   |
 * |     56 | u32  | cdw14        | 0                                           |
 * |     60 | u32  | cdw15        | 0                                           |
 * |     64 | u32  | timeout_ms   | 0 = the driver's admin timeout              |
 * |     68 | u32  | result       | completion dword 0 (written by the kernel)  |
 *
 * @module
 */

/** `NVME_IOCTL_ADMIN_CMD` = `_IOWR('N', 0x41, struct nvme_admin_cmd)`. */
export const NVME_IOCTL_ADMIN_CMD = 0xc0484e41n;
/** `sizeof(struct nvme_admin_cmd)`. */
export const NVME_ADMIN_CMD_SIZE = 72;
/** Admin opcode Get Log Page. */
export const NVME_ADMIN_GET_LOG_PAGE = 0x02;
/** Log identifier of the SMART / Health Information log. */
export const NVME_LOG_SMART = 0x02;
/** The broadcast namespace id (the controller-wide log). */
export const NVME_NSID_ALL = 0xffffffff;
/** Byte offsets of `struct nvme_admin_cmd` (see the module table). */
export const NVME_CMD = {
  opcode: 0,
  flags: 1,
  nsid: 4,
  metadata: 16,
  addr: 24,
  metadataLen: 32,
  dataLen: 36,
  cdw10: 40,
  cdw11: 44,
  cdw12: 48,
  cdw13: 52,
  timeoutMs: 64,
  result: 68,
} as const;

/** A Get Log Page request. */
export interface GetLogPageRequest {
  /** Log identifier (0–255), e.g. {@linkcode NVME_LOG_SMART}. */
  lid: number;
  /** Namespace id; {@linkcode NVME_NSID_ALL} for controller-wide logs. */
  nsid: number;
  /** Bytes to read: a positive multiple of 4, at most 4 MiB. */
  length: number;
  /**
   * Command timeout in milliseconds.
   * @default 0 (the driver's admin timeout)
   */
  timeoutMs?: number | undefined;
}

/**
 * Encodes a Get Log Page admin command.
 *
 * @param req Log id, namespace, length and timeout.
 * @param dataAddr The address of the data buffer (`Deno.UnsafePointer.value`).
 * @returns The 72-byte command.
 * @throws {RangeError} When a field is out of range (a length not a multiple of 4, …).
 */
export function encodeGetLogPage(
  req: GetLogPageRequest,
  dataAddr: bigint,
): Uint8Array<ArrayBuffer> {
  const { lid, nsid, length } = req;
  const timeoutMs = req.timeoutMs ?? 0;
  if (!Number.isInteger(lid) || lid < 0 || lid > 0xff) {
    throw new RangeError(`Cannot encode Get Log Page: log id ${lid} is not 0-255`);
  }
  if (!Number.isInteger(nsid) || nsid < 0 || nsid > 0xffffffff) {
    throw new RangeError(`Cannot encode Get Log Page: namespace id ${nsid} is not a u32`);
  }
  if (!Number.isInteger(length) || length <= 0 || length % 4 !== 0 || length > 1 << 22) {
    throw new RangeError(
      `Cannot encode Get Log Page: length ${length} is not a positive multiple of 4 ≤ 4 MiB`,
    );
  }
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > 0xffffffff) {
    throw new RangeError(`Cannot encode Get Log Page: timeout ${timeoutMs} ms is not a u32`);
  }
  const cmd = new Uint8Array(NVME_ADMIN_CMD_SIZE);
  const v = new DataView(cmd.buffer);
  const numd = length / 4 - 1; // 0's based dword count
  v.setUint8(NVME_CMD.opcode, NVME_ADMIN_GET_LOG_PAGE);
  v.setUint32(NVME_CMD.nsid, nsid, true);
  v.setBigUint64(NVME_CMD.addr, dataAddr, true);
  v.setUint32(NVME_CMD.dataLen, length, true);
  v.setUint32(NVME_CMD.cdw10, (((numd & 0xffff) << 16) | lid) >>> 0, true);
  v.setUint32(NVME_CMD.cdw11, numd >>> 16, true);
  v.setUint32(NVME_CMD.timeoutMs, timeoutMs, true);
  return cmd;
}

/**
 * Tells whether a resolved device path names an NVMe controller (`/dev/nvme0`), namespace
 * (`/dev/nvme0n1`) or namespace partition (`/dev/nvme0n1p2`).
 *
 * @param path A canonical path.
 * @returns Whether it is an NVMe device node path.
 */
export function isNvmeDevicePath(path: string): boolean {
  return /^\/dev\/nvme\d+(n\d+(p\d+)?)?$/.test(path);
}

/**
 * Names an NVMe completion status (the positive value the ioctl returns): status code
 * type and status code, e.g. `0x4002 (SCT 0, SC 0x02)` with the DNR bit.
 *
 * @param status The status field as the kernel returns it (without the phase bit).
 * @returns A description.
 */
export function describeNvmeStatus(status: number): string {
  const sc = status & 0xff;
  const sct = (status >> 8) & 0x7;
  const dnr = (status & 0x4000) !== 0;
  const hex = `0x${status.toString(16).padStart(4, "0")}`;
  const known: Record<string, string> = {
    "0:1": "invalid command opcode",
    "0:2": "invalid field in command",
    "0:6": "internal error",
    "0:7": "command abort requested",
    "0:11": "invalid namespace or format",
    "1:9": "invalid log page",
  };
  const what = known[`${sct}:${sc}`];
  return `${hex} (SCT ${sct}, SC 0x${sc.toString(16).padStart(2, "0")}` +
    `${what ? `: ${what}` : ""}${dnr ? ", do not retry" : ""})`;
}
