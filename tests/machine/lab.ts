/**
 * A throw-away lab for machine integration tests: image files in a fresh temp dir, loop
 * devices attached only with `losetup --find --show` on those files, mounts the test made,
 * and a database. `cleanup()` unmounts and detaches ONLY what this lab created (plus any
 * private machine mount of those loops left by a failure) and removes the directory.
 *
 * @module
 */
import { type DatabaseSync } from "node:sqlite";
import { mountsOf } from "../../src/health/mounts.ts";
import { runCommand } from "../../src/process/run.ts";
import { openDatabase } from "../../src/store/db.ts";

/** Repository root. */
export const REPO = new URL("../../", import.meta.url).pathname;
/** Shared fixtures folder. */
export const FIXTURES = new URL("../../../shared/fixtures/", import.meta.url).pathname;
/** The deno binary used for child processes. */
export const DENO = `${REPO}tools/deno/node_modules/.bin/deno`;

/**
 * Runs a program and throws when it fails.
 *
 * @param cmd Program.
 * @param args Arguments.
 * @returns Its stdout.
 */
export async function must(cmd: string, args: string[]): Promise<string> {
  const r = await runCommand(cmd, args, { timeoutMs: 120_000 });
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.code}): ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/** A lab; use with `await using`. */
export class Lab {
  readonly dir: string;
  readonly loops: string[] = [];
  readonly mounts: string[] = [];
  #db: DatabaseSync | null = null;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Creates a lab in a fresh temp dir.
   *
   * @param options `parent`: where the lab directory goes (e.g. a `shippedScratchDir()`,
   *   so the shipped launcher can read the lab's config and database).
   */
  static async create(options: { parent?: string } = {}): Promise<Lab> {
    return new Lab(
      await Deno.makeTempDir({
        prefix: "bynar-machine-",
        ...(options.parent ? { dir: options.parent } : {}),
      }),
    );
  }

  /** The lab database path. */
  get dbPath(): string {
    return `${this.dir}/bynar.db`;
  }

  /** The lab database (opened on first use). */
  get db(): DatabaseSync {
    this.#db ??= openDatabase(this.dbPath);
    return this.#db;
  }

  /** Closes the database (child processes then own it). */
  closeDb(): void {
    this.#db?.close();
    this.#db = null;
  }

  /** Creates a sparse image with a filesystem. */
  async image(
    name: string,
    fs: "ext4" | "xfs",
    sizeMiB = fs === "xfs" ? 320 : 64,
  ): Promise<string> {
    const file = `${this.dir}/${name}.img`;
    const f = await Deno.open(file, { create: true, write: true, truncate: true });
    await f.truncate(sizeMiB << 20);
    f.close();
    if (fs === "xfs") await must("mkfs.xfs", ["-q", "-f", file]);
    else await must("mkfs.ext4", ["-q", "-F", "-b", "4096", file]);
    return file;
  }

  /** Attaches an image of this lab as a loop device. */
  async attach(file: string): Promise<string> {
    if (!file.startsWith(this.dir + "/")) throw new Error(`not a lab file: ${file}`);
    const dev = (await must("losetup", ["--find", "--show", file])).trim();
    this.loops.push(dev);
    return dev;
  }

  /**
   * Attaches `file` so that it lands on `wanted` (a loop this lab detached before), by
   * attaching it again (each time `--find`) while the kernel hands out lower free slots.
   * Returns the device actually obtained.
   */
  async attachAt(file: string, wanted: string): Promise<string> {
    const n = (p: string) => Number(p.replace("/dev/loop", ""));
    for (let i = 0; i < 16; i++) {
      const dev = await this.attach(file);
      if (dev === wanted || n(dev) > n(wanted)) return dev;
    }
    throw new Error(`could not re-attach at ${wanted}`);
  }

  /** Detaches a loop device of this lab. */
  async detach(dev: string): Promise<void> {
    const i = this.loops.indexOf(dev);
    if (i < 0) throw new Error(`not a lab loop: ${dev}`);
    await must("losetup", ["-d", dev]);
    this.loops.splice(i, 1);
  }

  /** Mounts a lab loop device at a fresh directory of the lab. */
  async mount(dev: string, options: string[] = []): Promise<string> {
    if (!this.loops.includes(dev)) throw new Error(`not a lab loop: ${dev}`);
    const dir = await Deno.makeTempDir({ dir: this.dir, prefix: "mnt-" });
    await must("mount", [...(options.length ? ["-o", options.join(",")] : []), dev, dir]);
    this.mounts.push(dir);
    return dir;
  }

  /** Unmounts a mount this lab made. */
  async unmount(dir: string): Promise<void> {
    await must("umount", [dir]);
    this.mounts.splice(this.mounts.indexOf(dir), 1);
  }

  /** Mounts of this lab's loop devices (by device number). */
  async loopMounts(): Promise<string[]> {
    const out: string[] = [];
    for (const l of this.loops) out.push(...(await mountsOf(l)).map((m) => `${l} ${m.mountpoint}`));
    return out;
  }

  /** SHA-256 of a device's bytes. */
  async hash(dev: string): Promise<string> {
    const data = await Deno.readFile(dev);
    return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", data)))
      .map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  /** Unmounts and detaches everything of this lab; removes the directory. */
  async cleanup(): Promise<void> {
    this.closeDb();
    for (const m of [...this.mounts].reverse()) {
      await runCommand("umount", [m]).catch(() => {});
    }
    for (const l of this.loops) {
      for (const m of await mountsOf(l).catch(() => [])) {
        if (m.mountpoint.startsWith("/run/bynar/mnt/") || m.mountpoint.startsWith(this.dir)) {
          await runCommand("umount", [m.mountpoint]).catch(() => {});
          if (m.mountpoint.startsWith("/run/bynar/mnt/")) {
            await Deno.remove(m.mountpoint).catch(() => {});
          }
        }
      }
    }
    for (const l of [...this.loops]) await runCommand("losetup", ["-d", l]).catch(() => {});
    this.loops.length = 0;
    await Deno.remove(this.dir, { recursive: true }).catch(() => {});
  }

  /** `await using` support. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.cleanup();
  }
}

/** Overwrites bytes of a file or device at an offset. */
export async function overwrite(path: string, offset: number, bytes: Uint8Array): Promise<void> {
  const f = await Deno.open(path, { write: true });
  try {
    await f.seek(offset, Deno.SeekMode.Start);
    let done = 0;
    while (done < bytes.length) done += await f.write(bytes.subarray(done));
    await f.sync();
  } finally {
    f.close();
  }
}

/** Zeroes the block bitmap of group 0 of an ext4 image (e2fsck -p can repair it). */
export async function corruptExt4Repairable(file: string): Promise<void> {
  const out = await must("dumpe2fs", [file]);
  const block = Number(/Block bitmap at (\d+)/.exec(out)![1]);
  await overwrite(file, block * 4096, new Uint8Array(4096));
}

/** Fills the first inode-table blocks with random bytes (beyond `e2fsck -p`). */
export async function corruptExt4Beyond(file: string): Promise<void> {
  const out = await must("dumpe2fs", [file]);
  const block = Number(/Inode table at (\d+)/.exec(out)![1]);
  await overwrite(file, block * 4096, crypto.getRandomValues(new Uint8Array(16384)));
}

/** Zeroes AGF and AGI of AG 0 of an xfs image (xfs_repair rebuilds them). */
export async function corruptXfs(file: string): Promise<void> {
  await overwrite(file, 512, new Uint8Array(1024));
}

/** The private mount points left under /run/bynar/mnt that belong to no one. */
export function privateMountDirs(): string[] {
  try {
    return [...Deno.readDirSync("/run/bynar/mnt")].map((e) => e.name);
  } catch {
    return [];
  }
}
