/**
 * The write test: a private scratch directory on the filesystem, a file written,
 * fsync'd and read back, then everything removed.
 *
 * @module
 */
import { join } from "node:path";
import type { ActionResult, WriteTestResult } from "./types.ts";

const SCRATCH_PREFIX = ".bynar-write-test-";
const OS_ERROR_REGEXP = /os error (\d+)/;
const EROFS = 30;
const ENOSPC = 28;
const EDQUOT = 122;

/**
 * Returns a fresh scratch directory path on a mounted filesystem (not created).
 *
 * @param mountpoint The mount point.
 * @returns The path.
 */
export function newScratchPath(mountpoint: string): string {
  return join(mountpoint, `${SCRATCH_PREFIX}${crypto.randomUUID()}`);
}

function errnoOf(err: unknown): number | null {
  const m = OS_ERROR_REGEXP.exec(err instanceof Error ? err.message : String(err));
  return m ? Number(m[1]) : null;
}

/**
 * Tells whether an error is Deno's sandbox refusing the operation (`NotCapable`, or a
 * `PermissionDenied` that carries no OS errno) rather than the filesystem failing. Such
 * errors say nothing about the disk and must never be classified as a disk fault.
 *
 * @param err The thrown value.
 * @returns Whether it is a sandbox refusal.
 */
export function isSandboxRefusal(err: unknown): boolean {
  if (err instanceof Deno.errors.NotCapable) return true;
  return err instanceof Deno.errors.PermissionDenied && errnoOf(err) === null;
}

/**
 * Classifies a write error: EROFS → `read_only`, ENOSPC/EDQUOT → `full`, else `failed`.
 *
 * @param err The error thrown by the write.
 * @returns The write-test result.
 */
export function classifyWriteError(err: unknown): WriteTestResult {
  const message = err instanceof Error ? err.message : String(err);
  const errno = errnoOf(err);
  if (errno === EROFS) {
    return { status: "read_only", detail: `read-only filesystem: ${message}` };
  }
  if (errno === ENOSPC || errno === EDQUOT) {
    return { status: "full", detail: `no space left: ${message}` };
  }
  return { status: "failed", detail: `write failed: ${message}` };
}

/**
 * Creates the scratch directory (mode 0700, exclusive), writes 64 KiB of random data to a
 * new file, fsyncs file and directory, reads it back and compares, then removes both.
 *
 * @param scratch The scratch directory path from {@linkcode newScratchPath}.
 * @returns The result; the scratch directory is removed in every case where it can be.
 * @throws {Deno.errors.NotCapable} When Deno's permissions refuse the write (the mount
 *   point is outside `--allow-write`): a sandbox refusal, not a disk fault.
 */
export async function writeTest(scratch: string): Promise<WriteTestResult> {
  const data = crypto.getRandomValues(new Uint8Array(65536));
  const file = join(scratch, "probe");
  try {
    await Deno.mkdir(scratch, { mode: 0o700 });
    const f = await Deno.open(file, { createNew: true, write: true, read: true, mode: 0o600 });
    try {
      let off = 0;
      while (off < data.length) off += await f.write(data.subarray(off));
      await f.sync();
    } finally {
      f.close();
    }
    const dir = await Deno.open(scratch, { read: true });
    try {
      await dir.sync();
    } finally {
      dir.close();
    }
    const back = await Deno.readFile(file);
    if (back.length !== data.length || !back.every((b, i) => b === data[i])) {
      return { status: "failed", detail: "data read back differs from data written" };
    }
    return { status: "ok", detail: `wrote, fsync'd and read back ${data.length} bytes` };
  } catch (err) {
    if (isSandboxRefusal(err)) throw err;
    return classifyWriteError(err);
  } finally {
    await Deno.remove(scratch, { recursive: true }).catch(() => {});
  }
}

/**
 * Removes a scratch directory left behind by an interrupted run.
 *
 * @param scratch The scratch directory (must be a Bynar scratch path).
 * @returns Whether it is gone.
 * @throws {RangeError} When `scratch` is not a Bynar scratch directory name.
 */
export async function removeScratch(scratch: string): Promise<ActionResult> {
  if (!scratch.split("/").pop()?.startsWith(SCRATCH_PREFIX)) {
    throw new RangeError(`Cannot remove "${scratch}": not a Bynar scratch directory`);
  }
  try {
    await Deno.remove(scratch, { recursive: true });
    return { ok: true, detail: `removed ${scratch}` };
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return { ok: true, detail: `${scratch} already gone` };
    return { ok: false, detail: `cannot remove ${scratch}: ${(err as Error).message}` };
  }
}
