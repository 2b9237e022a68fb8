/**
 * Loop devices for tests: created from a sparse file the test owns, always detached.
 *
 * Only devices this module attached are ever detached or unmounted.
 *
 * @module
 */
import { runCommand } from "../../src/process/run.ts";

/** A loop device created by a test. */
export interface TestLoop {
  /** The device, e.g. `/dev/loop9`. */
  device: string;
  /** The backing file. */
  file: string;
  /** Mount points this helper mounted. */
  mounts: string[];
}

async function must(cmd: string, args: string[]): Promise<string> {
  const r = await runCommand(cmd, args, { timeoutMs: 60_000 });
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.code}): ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/**
 * Creates a sparse file in `dir` and attaches it as a loop device.
 *
 * @param dir A temp directory owned by the test.
 * @param options Size and an optional filesystem to create.
 * @returns The loop device.
 */
export async function createLoop(
  dir: string,
  options: { sizeMiB?: number; fs?: "ext4" | "xfs"; name?: string } = {},
): Promise<TestLoop> {
  const file = `${dir}/${options.name ?? `disk-${crypto.randomUUID().slice(0, 8)}`}.img`;
  const f = await Deno.open(file, { create: true, write: true, truncate: true });
  await f.truncate((options.sizeMiB ?? 64) * 1024 * 1024);
  f.close();
  if (options.fs === "ext4") await must("mkfs.ext4", ["-q", "-F", file]);
  if (options.fs === "xfs") await must("mkfs.xfs", ["-q", "-f", file]);
  const device = (await must("losetup", ["--find", "--show", file])).trim();
  return { device, file, mounts: [] };
}

/**
 * Mounts a test loop device on a fresh directory under `dir`.
 *
 * @param loop The loop device.
 * @param dir A temp directory owned by the test.
 * @param options Read-only.
 * @returns The mount point.
 */
export async function mountLoop(
  loop: TestLoop,
  dir: string,
  options: { readOnly?: boolean } = {},
): Promise<string> {
  const mp = await Deno.makeTempDir({ dir, prefix: "mnt-" });
  await must("mount", [...(options.readOnly ? ["-o", "ro"] : []), loop.device, mp]);
  loop.mounts.push(mp);
  return mp;
}

/**
 * Unmounts what this helper mounted and detaches the device; never throws.
 *
 * @param loop The loop device.
 */
export async function destroyLoop(loop: TestLoop): Promise<void> {
  for (const mp of loop.mounts.reverse()) {
    await runCommand("umount", [mp]).catch(() => {});
  }
  loop.mounts = [];
  // detach only if the device still points at our file
  const r = await runCommand("losetup", [
    "--list",
    "--noheadings",
    "--output",
    "BACK-FILE",
    loop.device,
  ])
    .catch(() => null);
  if (r && r.code === 0 && r.stdout.trim() === loop.file) {
    await runCommand("losetup", ["--detach", loop.device]).catch(() => {});
  }
}
