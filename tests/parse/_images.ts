/**
 * Test helpers: sfdisk-created disk images in a temp directory the test owns, sfdisk's
 * own JSON reading of them, and a 4096-byte-sector loop device attached to such a file
 * (always detached by the caller in `finally`).
 *
 * @module
 */
import { runCommand } from "../../src/process/run.ts";

/** A partition as `sfdisk --json` reports it, with the number taken from `node`. */
export interface SfdiskPartition {
  /** Number (the digits after the image path in `node`). */
  number: number;
  /** Start in the table's sectors. */
  start: number;
  /** Size in the table's sectors. */
  size: number;
  /** Type (GUID or hex byte). */
  type: string;
  /** GPT uuid. */
  uuid?: string;
  /** GPT name. */
  name?: string;
  /** DOS boot flag. */
  bootable?: boolean;
}

/** `sfdisk --json` output. */
export interface SfdiskTable {
  /** `gpt` or `dos`. */
  label: string;
  /** Disk id. */
  id: string;
  /** Sector size of the start/size values. */
  sectorsize: number;
  /** Partitions. */
  partitions: SfdiskPartition[];
}

/**
 * Runs a program and returns stdout, throwing on a non-zero exit.
 *
 * @param cmd Program.
 * @param args Arguments.
 * @param stdin Standard input.
 * @returns Stdout.
 */
export async function must(cmd: string, args: string[], stdin?: string): Promise<string> {
  const r = await runCommand(cmd, args, { timeoutMs: 60_000, stdin });
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/**
 * Creates a sparse image of `sizeMiB` in `dir` and writes `script` to it with sfdisk.
 *
 * @param dir Temp directory owned by the test.
 * @param name File name.
 * @param options Size and sfdisk script.
 * @returns The image path.
 */
export async function sfdiskImage(
  dir: string,
  name: string,
  options: { sizeMiB: number; script: string },
): Promise<string> {
  const file = `${dir}/${name}`;
  const f = await Deno.open(file, { create: true, write: true, truncate: true });
  await f.truncate(options.sizeMiB * 1024 * 1024);
  f.close();
  await must("sfdisk", ["--quiet", "--no-reread", "--no-tell-kernel", file], options.script);
  return file;
}

/**
 * Reads a table with `sfdisk --json`.
 *
 * @param path Image or device.
 * @returns The table.
 */
export async function sfdiskJson(path: string): Promise<SfdiskTable> {
  const out = JSON.parse(await must("sfdisk", ["--json", path])).partitiontable;
  return {
    label: out.label,
    id: out.id,
    sectorsize: out.sectorsize ?? 512,
    partitions: (out.partitions ?? []).map((p: Record<string, unknown>) => ({
      ...p,
      number: Number(String(p.node).slice(path.length).replace(/^p/, "")),
    })),
  };
}

/**
 * Attaches `file` as a loop device with 4096-byte logical sectors.
 *
 * @param file A file the test created.
 * @returns The device.
 */
export async function attach4k(file: string): Promise<string> {
  return (await must("losetup", ["--find", "--show", "--sector-size", "4096", file])).trim();
}

/**
 * Detaches `device` only if it is still backed by `file`; never throws.
 *
 * @param device The loop device this test attached.
 * @param file Its backing file.
 */
export async function detach(device: string, file: string): Promise<void> {
  const r = await runCommand("losetup", ["--list", "--noheadings", "--output", "BACK-FILE", device])
    .catch(() => null);
  if (r && r.code === 0 && r.stdout.trim() === file) {
    await runCommand("losetup", ["--detach", device]).catch(() => {});
  }
}
