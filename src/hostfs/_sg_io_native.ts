/**
 * `SG_IO` through libc: sends one read-only SCSI command to a SCSI disk or generic node,
 * off the main thread. Internal to `src/hostfs/`.
 *
 * @module
 */
import { FfiError } from "../errors.ts";
import { errno, errnoName, errnoText, libc, O_READ, withLibc } from "../../ffi/libc/mod.ts";
import { fdPath, openChecked } from "./_native.ts";
import {
  decodeSgIoHdr,
  encodeSgIoHdr,
  refuseCdb,
  SENSE_BUFFER_SIZE,
  SG_IO,
  type SgIoResult,
} from "./_sg_io.ts";

/** The outcome of one SG_IO command. */
export interface SgIoReply extends SgIoResult {
  /** The bytes read (`dataLength − resid` of them are valid). */
  data: Uint8Array;
  /** The sense bytes the device returned (`senseLength` of them). */
  sense: Uint8Array;
}

/** Options of {@linkcode sgIoNative}. */
export interface SgIoNativeOptions {
  /** Which resolved device paths may receive the command (checked on the descriptor). */
  accept: (resolved: string) => boolean;
  /** Bytes to read from the device (0 = none). */
  dataLength: number;
  /** Command timeout in milliseconds. */
  timeoutMs: number;
  /** Monotonic milliseconds (tests inject one). @default performance.now */
  clock?: () => number;
}

/**
 * Sends one SCSI command through `SG_IO` and returns the data, sense and statuses. The
 * CDB must pass {@linkcode refuseCdb} (read-only commands only).
 *
 * @param path The device node.
 * @param cdb The command descriptor block.
 * @param options Accepted paths, data length, timeout.
 * @returns The reply; a CHECK CONDITION is a reply (its sense says why), not an error.
 * @throws {Deno.errors.NotCapable} When the CDB is not allowed or the descriptor resolves
 *   to a node that is not accepted.
 * @throws {FfiError} When the ioctl itself fails (ENOTTY/EINVAL: not a SCSI device; EPERM/
 *   EACCES: no permission), with `errno` when known.
 */
export async function sgIoNative(
  path: string,
  cdb: Uint8Array,
  options: SgIoNativeOptions,
): Promise<SgIoReply> {
  const why = refuseCdb(cdb);
  if (why !== null) {
    throw new Deno.errors.NotCapable(`Cannot send SG_IO to "${path}": ${why}`);
  }
  const c = libc();
  const fd = openChecked(c, path, O_READ, "open");
  const opName = `SCSI command 0x${cdb[0]!.toString(16).padStart(2, "0")}`;
  try {
    const resolved = fdPath(c, fd) ?? "(unknown)";
    if (!options.accept(resolved)) {
      throw new Deno.errors.NotCapable(
        `Cannot send ${opName} to "${path}": it resolves to "${resolved}", which is not a ` +
          "whole SCSI disk or generic node (/dev/sdX, /dev/sgN)",
      );
    }
    const cdbCopy = new Uint8Array(cdb);
    const data = new Uint8Array(Math.max(options.dataLength, 1));
    const sense = new Uint8Array(SENSE_BUFFER_SIZE);
    const addr = (b: Uint8Array<ArrayBuffer>) =>
      BigInt(Deno.UnsafePointer.value(Deno.UnsafePointer.of(b)));
    const hdr = encodeSgIoHdr(cdbCopy.length, options.dataLength, {
      addresses: { cdb: addr(cdbCopy), data: addr(data), sense: addr(sense) },
      timeoutMs: options.timeoutMs,
    });
    const clock = options.clock ?? (() => performance.now());
    const op = "ioctl SG_IO";
    await withLibc(async (l) => {
      const start = clock();
      // cdbCopy, data and sense stay referenced by this closure until the call returns.
      const first = await l.ioctl_nonblocking(fd, SG_IO, hdr);
      if (first >= 0) return;
      const elapsed = clock() - start;
      if (elapsed > 200) {
        throw new FfiError(
          "libc",
          `Cannot send ${opName} to "${path}": ${op} failed after ${Math.round(elapsed)} ms ` +
            "(errno not observable off the main thread); check the kernel log",
          { op, device: path },
        );
      }
      // A fast failure is the kernel refusing the request: replay to learn the errno.
      if (l.ioctl(fd, SG_IO, hdr) >= 0) return;
      const e = errno(l);
      const hint = e === 25 || e === 22
        ? "not a SCSI device"
        : e === 1 || e === 13
        ? "SG_IO needs root"
        : "see the kernel log";
      throw new FfiError(
        "libc",
        `Cannot send ${opName} to "${path}": ${op} failed with ${errnoName(e)} ` +
          `(${errnoText(l, e)}); ${hint}`,
        { op, errno: e, device: path },
      );
    });
    void cdbCopy;
    const result = decodeSgIoHdr(hdr);
    return {
      ...result,
      data: data.subarray(0, options.dataLength),
      sense: sense.subarray(0, Math.min(result.senseLength, SENSE_BUFFER_SIZE)),
    };
  } finally {
    libc().close(fd);
  }
}
