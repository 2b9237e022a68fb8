import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { runCommand } from "../process/run.ts";
import {
  checkFilesystem,
  interpretE2fsckCheck,
  interpretE2fsckRepair,
  interpretXfsCheck,
  interpretXfsRepair,
  repairFilesystem,
} from "./fsck.ts";

const exit = (code: number | null, stderr = "", stdout = "") => ({ code, stderr, stdout });

Deno.test("e2fsck -n exit codes are interpreted bit by bit", () => {
  strictEqual(interpretE2fsckCheck(exit(0)).status, "clean");
  strictEqual(interpretE2fsckCheck(exit(4)).status, "corrupt");
  strictEqual(interpretE2fsckCheck(exit(12)).status, "corrupt");
  strictEqual(
    interpretE2fsckCheck(exit(8, "e2fsck: Device or resource busy while trying to open")).status,
    "in_use",
  );
  strictEqual(
    interpretE2fsckCheck(exit(8, "e2fsck: Bad magic number in super-block")).status,
    "error",
  );
  strictEqual(interpretE2fsckCheck(exit(16)).status, "error");
  strictEqual(interpretE2fsckCheck(exit(32)).status, "error");
  strictEqual(interpretE2fsckCheck(exit(null)).status, "error");
});

Deno.test("e2fsck -p exit codes: 0/1/2 repaired, 4/8 failed, busy is in_use", () => {
  for (const c of [0, 1, 2]) strictEqual(interpretE2fsckRepair(exit(c)).status, "ok");
  strictEqual(
    interpretE2fsckRepair(exit(4, "UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.")).status,
    "failed",
  );
  strictEqual(interpretE2fsckRepair(exit(8, "Bad magic number in super-block")).status, "failed");
  strictEqual(interpretE2fsckRepair(exit(8, "/dev/loop3 is in use.")).status, "in_use");
  strictEqual(interpretE2fsckRepair(exit(128)).status, "error");
});

Deno.test("xfs_repair exit codes: -n 0 clean, 1 corrupt, 2 dirty log; repair 0 ok else failed", () => {
  strictEqual(interpretXfsCheck(exit(0)).status, "clean");
  strictEqual(interpretXfsCheck(exit(1)).status, "corrupt");
  const dirty = interpretXfsCheck(
    exit(2, "ERROR: The filesystem has valuable metadata changes in a log"),
  );
  deepStrictEqual([dirty.status, dirty.detail.startsWith("log needs replay")], ["clean", true]);
  strictEqual(
    interpretXfsCheck(exit(1, "xfs_repair: /dev/loop3 contains a mounted filesystem")).status,
    "in_use",
  );
  strictEqual(interpretXfsCheck(exit(3)).status, "error");
  strictEqual(interpretXfsRepair(exit(0)).status, "ok");
  strictEqual(interpretXfsRepair(exit(2)).status, "failed");
  strictEqual(
    interpretXfsRepair(exit(1, "fatal error -- couldn't initialize XFS library")).status,
    "failed",
  );
});

async function image(dir: string, fs: "ext4" | "xfs"): Promise<string> {
  const path = `${dir}/${fs}.img`;
  const f = await Deno.open(path, { create: true, write: true });
  await f.truncate(fs === "xfs" ? 320 << 20 : 64 << 20);
  f.close();
  const mk = fs === "xfs"
    ? await runCommand("mkfs.xfs", ["-q", "-f", path])
    : await runCommand("mkfs.ext4", ["-q", "-F", "-b", "4096", path]);
  strictEqual(mk.code, 0, mk.stderr);
  return path;
}

async function overwrite(path: string, offset: number, bytes: Uint8Array): Promise<void> {
  const f = await Deno.open(path, { write: true });
  await f.seek(offset, Deno.SeekMode.Start);
  await f.write(bytes);
  f.close();
}

async function blockBitmapBlock(path: string): Promise<number> {
  const out = await runCommand("dumpe2fs", [path]);
  return Number(/Block bitmap at (\d+)/.exec(out.stdout)![1]);
}

Deno.test("real ext4 image: clean, bitmap corruption found and repaired, inode table beyond repair", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const img = await image(dir, "ext4");
    strictEqual((await checkFilesystem(img, "ext4")).status, "clean");
    const copy = `${dir}/broken.img`;
    await Deno.copyFile(img, copy);
    await overwrite(copy, (await blockBitmapBlock(img)) * 4096, new Uint8Array(4096));
    const found = await checkFilesystem(copy, "ext4");
    deepStrictEqual([found.status, found.exitCode], ["corrupt", 4]);
    const fixed = await repairFilesystem(copy, "ext4");
    deepStrictEqual([fixed.status, fixed.exitCode], ["ok", 1]);
    strictEqual((await checkFilesystem(copy, "ext4")).status, "clean");

    const dead = `${dir}/dead.img`;
    await Deno.copyFile(img, dead);
    const out = await runCommand("dumpe2fs", [img]);
    const inodeTable = Number(/Inode table at (\d+)/.exec(out.stdout)![1]);
    await overwrite(dead, inodeTable * 4096, crypto.getRandomValues(new Uint8Array(16384)));
    strictEqual((await checkFilesystem(dead, "ext4")).status, "corrupt");
    const fail = await repairFilesystem(dead, "ext4");
    deepStrictEqual([fail.status, fail.exitCode], ["failed", 4]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("real xfs image: AGF/AGI corruption found by xfs_repair -n and repaired", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const img = await image(dir, "xfs");
    strictEqual((await checkFilesystem(img, "xfs")).status, "clean");
    await overwrite(img, 512, new Uint8Array(1024));
    const found = await checkFilesystem(img, "xfs");
    deepStrictEqual([found.status, found.exitCode], ["corrupt", 1]);
    strictEqual((await repairFilesystem(img, "xfs")).status, "ok");
    strictEqual((await checkFilesystem(img, "xfs")).status, "clean");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("unsupported filesystem types are an error, never guessed", async () => {
  strictEqual((await checkFilesystem("/nonexistent", "btrfs")).status, "error");
  strictEqual((await repairFilesystem("/nonexistent", "ntfs")).status, "error");
});
