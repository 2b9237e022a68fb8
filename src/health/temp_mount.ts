/**
 * Private temporary mounts: `/run/bynar/mnt/<random>` (mode 0700), always released.
 *
 * @module
 */
import { join } from "node:path";
import { readText } from "../hostfs/mod.ts";
import { type CommandRunner, SYSTEM_RUNNER } from "../process/run.ts";
import type { ActionResult } from "./types.ts";

/** The default parent of private temporary mount points. */
export const DEFAULT_TEMP_ROOT = "/run/bynar/mnt";

/**
 * Returns a fresh random mount point path under `root` (not created).
 *
 * @param root The private parent directory.
 * @returns The path.
 */
export function newTempMountPath(root: string = DEFAULT_TEMP_ROOT): string {
  return join(root, crypto.randomUUID());
}

async function isMountpoint(path: string): Promise<boolean> {
  const text = await readText("/proc/self/mountinfo");
  return text.split("\n").some((line) => {
    const f = line.split(" ");
    return f[4] !== undefined && f[4].replace(/\\040/g, " ") === path;
  });
}

/**
 * Creates the private mount point (and its parent, both mode 0700) and mounts the device
 * with `nodev,nosuid,noexec`. On failure the directory is removed again.
 *
 * @param device The device.
 * @param options Filesystem type, mount point, runner.
 * @returns Whether the device is mounted there.
 * @throws {CommandError} When `mount` cannot be started or times out.
 */
export async function mountTemp(
  device: string,
  options: { fsType: string; mountpoint: string; runner?: CommandRunner },
): Promise<ActionResult> {
  const parent = options.mountpoint.slice(0, options.mountpoint.lastIndexOf("/"));
  await Deno.mkdir(parent, { recursive: true, mode: 0o700 });
  await Deno.chmod(parent, 0o700);
  await Deno.mkdir(options.mountpoint, { mode: 0o700 });
  try {
    const res = await (options.runner ?? SYSTEM_RUNNER).run("mount", [
      "-t",
      options.fsType,
      "-o",
      "nodev,nosuid,noexec",
      device,
      options.mountpoint,
    ], { timeoutMs: 300_000 });
    if (res.code === 0) return { ok: true, detail: `mounted at ${options.mountpoint}` };
    await Deno.remove(options.mountpoint).catch(() => {});
    return { ok: false, detail: `mount failed: ${res.stderr.trim().split("\n").pop() ?? ""}` };
  } catch (err) {
    if (!(await isMountpoint(options.mountpoint))) {
      await Deno.remove(options.mountpoint).catch(() => {});
    }
    throw err;
  }
}

/**
 * Unmounts a private mount point if it is mounted (falling back to a lazy unmount when
 * busy) and removes the empty directory. Never removes a directory that is still a mount.
 *
 * @param mountpoint The private mount point.
 * @param options Runner.
 * @returns Whether nothing is left behind.
 * @throws {CommandError} When `umount` cannot be started or times out.
 */
export async function releaseTemp(
  mountpoint: string,
  options: { runner?: CommandRunner } = {},
): Promise<ActionResult> {
  const runner = options.runner ?? SYSTEM_RUNNER;
  if (await isMountpoint(mountpoint)) {
    const res = await runner.run("umount", [mountpoint], { timeoutMs: 300_000 });
    if (res.code !== 0) await runner.run("umount", ["-l", mountpoint], { timeoutMs: 60_000 });
    if (await isMountpoint(mountpoint)) {
      return { ok: false, detail: `cannot unmount ${mountpoint}: ${res.stderr.trim()}` };
    }
  }
  try {
    await Deno.remove(mountpoint);
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) {
      return { ok: false, detail: `cannot remove ${mountpoint}: ${(err as Error).message}` };
    }
  }
  return { ok: true, detail: `released ${mountpoint}` };
}

/**
 * Remounts a mount point read-write and verifies it.
 *
 * @param mountpoint The mount point.
 * @param options Runner.
 * @returns Whether it is mounted read-write now.
 * @throws {CommandError} When `mount` cannot be started or times out.
 */
export async function remountReadWrite(
  mountpoint: string,
  options: { runner?: CommandRunner } = {},
): Promise<ActionResult> {
  const res = await (options.runner ?? SYSTEM_RUNNER).run(
    "mount",
    ["-o", "remount,rw", mountpoint],
    { timeoutMs: 300_000 },
  );
  if (res.code !== 0) {
    return { ok: false, detail: `remount failed: ${res.stderr.trim().split("\n").pop() ?? ""}` };
  }
  return { ok: true, detail: `remounted ${mountpoint} read-write` };
}
