/**
 * The write test of the disk-health machine: an unnamed file on the root of a mount of the
 * disk under test, written, fsync'd and read back from the device (see `writeProbe` in
 * `src/hostfs`, which explains why it goes through libc and what it refuses).
 *
 * As shipped, Deno's `--allow-write` cannot cover the mount points of a host (OSD data
 * directories, `/mnt/…`, `/srv/…`); the probe therefore writes through the host-filesystem
 * adapter, which grants exactly one unnamed `O_TMPFILE` file on a verified mount root of
 * the device under test and nothing else. No named file is ever created, so an interrupted
 * run leaves nothing behind.
 *
 * @module
 */
import { isSandboxRefusal } from "../errors.ts";
import { writeProbe } from "../hostfs/mod.ts";
import type { ActionResult, WriteTestResult } from "./types.ts";

export { isSandboxRefusal };

/** Prefix of the scratch directories older versions created (recovery only). */
const SCRATCH_PREFIX = ".bynar-write-test-";
const EROFS = 30;
const ENOSPC = 28;
const EDQUOT = 122;
/** errnos of an `O_TMPFILE` open that mean "this filesystem cannot do it", not a fault. */
const UNSUPPORTED = new Set([95, /* EOPNOTSUPP */ 22, /* EINVAL */ 21 /* EISDIR */]);

/**
 * Classifies the errno of a failed open or write: EROFS → `read_only`, ENOSPC/EDQUOT →
 * `full`, EOPNOTSUPP/EINVAL/EISDIR on the open → `unsupported`, anything else → `failed`.
 *
 * @param errno The errno.
 * @param options The failed step and its text.
 * @returns The write-test result.
 */
export function classifyWriteErrno(
  errno: number,
  options: { step: "open" | "write"; detail: string },
): WriteTestResult {
  const what = `${options.step} failed: ${options.detail}`;
  if (errno === EROFS) return { status: "read_only", detail: `read-only filesystem: ${what}` };
  if (errno === ENOSPC || errno === EDQUOT) {
    return { status: "full", detail: `no space left: ${what}` };
  }
  if (options.step === "open" && UNSUPPORTED.has(errno)) {
    return {
      status: "unsupported",
      detail: `the filesystem does not support unnamed (O_TMPFILE) files: ${what}`,
    };
  }
  return { status: "failed", detail: `write test ${what}` };
}

/**
 * Write-tests a filesystem at the root of one of its mounts.
 *
 * @param device The block device under test.
 * @param mountpoint A mount point of that device.
 * @returns The result (`ok`, `read_only`, `full`, `unsupported` or `failed`).
 * @throws {Deno.errors.NotCapable} When `mountpoint` is not a mount root of `device`, or
 *   the sandbox refuses the probe: a Bynar problem, never a disk fault.
 * @throws {Deno.errors.NotFound} When the device or the mount point is gone.
 */
export async function writeTest(device: string, mountpoint: string): Promise<WriteTestResult> {
  const r = await writeProbe(device, mountpoint);
  switch (r.status) {
    case "ok":
      return { status: "ok", detail: r.detail };
    case "open_failed":
    case "write_failed":
      return classifyWriteErrno(r.errno ?? 0, {
        step: r.status === "open_failed" ? "open" : "write",
        detail: r.detail,
      });
    default:
      return { status: "failed", detail: `write test failed on ${mountpoint}: ${r.detail}` };
  }
}

/**
 * Removes a scratch directory left behind by an interrupted run of an older version
 * (which wrote named files; this version never does).
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
    if (isSandboxRefusal(err)) {
      return {
        ok: true,
        detail: `cannot remove ${scratch} (an older Bynar's scratch directory) under the ` +
          "sandbox; if it exists, delete it by hand",
      };
    }
    return { ok: false, detail: `cannot remove ${scratch}: ${(err as Error).message}` };
  }
}
