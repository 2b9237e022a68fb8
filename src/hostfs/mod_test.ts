import assert from "node:assert/strict";
import { runCommand } from "../process/run.ts";
import {
  closeHostFs,
  exists,
  existsSync,
  isHostPseudoPath,
  open,
  readBytes,
  readBytesSync,
  readDir,
  readDirSync,
  readLinkSync,
  readText,
  readTextSync,
  realPath,
  realPathSync,
  statSync,
} from "./mod.ts";

const BLOCK = [...Deno.readDirSync("/sys/block")].map((e) => e.name).sort();

function sortedEntries(entries: Iterable<Deno.DirEntry>): Deno.DirEntry[] {
  return [...entries]
    .map((e) => ({
      name: e.name,
      isFile: e.isFile,
      isDirectory: e.isDirectory,
      isSymlink: e.isSymlink,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Asserts that our read equals Deno's, tolerating other tests attaching loop devices
 * meanwhile: Deno's result is taken before and after ours and must be stable.
 */
function assertSame<T>(deno: () => T, mine: () => T, what: string): void {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = deno();
    const got = mine();
    const after = deno();
    try {
      assert.deepEqual(after, before);
    } catch {
      continue; // changed under us: try again
    }
    assert.deepEqual(got, before, what);
    return;
  }
  throw new Error(`${what} kept changing`);
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
}

Deno.test("hostfs: routes /proc, /sys, /dev lexically; everything else goes to Deno", () => {
  for (const p of ["/proc", "/proc/self/mountinfo", "/sys/block", "/dev/loop0", "//dev/x"]) {
    assert.equal(isHostPseudoPath(p), true, p);
  }
  for (
    const p of ["/sys/../etc/passwd", "/system", "/devices", "/run/udev/data/b8:0", "proc/x", "/"]
  ) {
    assert.equal(isHostPseudoPath(p), false, p);
  }
});

Deno.test("hostfs: readText of /proc and /sys equals Deno's (under -A)", async () => {
  for (const p of ["/proc/self/mountinfo", "/proc/swaps", "/proc/version"]) {
    // mountinfo changes when other tests mount: compare stable snapshots
    assertSame(() => Deno.readTextFileSync(p), () => readTextSync(p), p);
  }
  assert.equal(await readText("/proc/version"), Deno.readTextFileSync("/proc/version"));
  assert.ok(BLOCK.length > 0);
  for (const name of BLOCK) {
    for (const attr of ["dev", "size", "ro", "queue/rotational"]) {
      const p = `/sys/block/${name}/${attr}`;
      assertSame(() => Deno.readTextFileSync(p), () => readTextSync(p), p);
    }
  }
});

Deno.test("hostfs: readBytesSync reads whole pseudo-files and ranges", () => {
  const whole = Deno.readFileSync("/proc/version");
  assert.deepEqual(readBytesSync("/proc/version"), whole);
  assert.deepEqual(readBytesSync("/proc/version", { offset: 3, length: 7 }), whole.subarray(3, 10));
  assert.deepEqual(readBytesSync("/proc/version", { offset: 5 }), whole.subarray(5));
});

Deno.test("hostfs: readDir of /sys and /proc equals Deno's", async () => {
  for (const p of ["/sys/block", "/sys/class/block", `/sys/block/${BLOCK[0]}`, "/dev"]) {
    assertSame(() => sortedEntries(Deno.readDirSync(p)), () => sortedEntries(readDirSync(p)), p);
  }
  assert.deepEqual(
    sortedEntries(await readDir(`/proc/${Deno.pid}`)),
    sortedEntries(Deno.readDirSync(`/proc/${Deno.pid}`)),
  );
});

Deno.test("hostfs: readLink and realPath of /sys/block/* equal Deno's", async () => {
  for (const name of BLOCK) {
    const p = `/sys/block/${name}`;
    assert.equal(readLinkSync(p), Deno.readLinkSync(p), p);
    assert.equal(realPathSync(p), Deno.realPathSync(p), p);
    assert.equal(await realPath(`${p}/size`), Deno.realPathSync(`${p}/size`));
  }
  const fd0 = `/proc/${Deno.pid}/fd/0`;
  assert.equal(readLinkSync(fd0), Deno.readLinkSync(fd0));
});

Deno.test("hostfs: stat equals Deno's for devices, sysfs files and procfs directories", () => {
  const paths = ["/dev/null", "/proc/self", `/sys/block/${BLOCK[0]}/size`, "/sys/block"];
  for (const p of paths) {
    const mine = statSync(p);
    const deno = Deno.statSync(p);
    assert.deepEqual(
      [mine.isFile, mine.isDirectory, mine.isSymlink, mine.isBlockDevice, mine.isCharDevice],
      [deno.isFile, deno.isDirectory, deno.isSymlink, deno.isBlockDevice, deno.isCharDevice],
      p,
    );
    assert.deepEqual(
      [mine.size, mine.mode, mine.dev, mine.ino, mine.rdev],
      [deno.size, deno.mode, deno.dev, deno.ino, deno.rdev],
      p,
    );
  }
  const nul = statSync("/dev/null");
  assert.deepEqual([nul.rdevMajor, nul.rdevMinor], [1, 3]);
});

Deno.test("hostfs: errno maps to Deno's error classes, messages and codes", async () => {
  const missing = errorOf(() => readTextSync("/sys/block/no-such-disk/size"));
  const denoMissing = errorOf(() => Deno.readTextFileSync("/sys/block/no-such-disk/size"));
  assert.ok(missing instanceof Deno.errors.NotFound);
  assert.equal((missing as { code?: string }).code, "ENOENT");
  assert.equal((denoMissing as { code?: string }).code, "ENOENT");
  assert.match(missing.message, /^No such file or directory \(os error 2\): open '\/sys\/block/);
  assert.ok(errorOf(() => readDirSync("/proc/no-such")) instanceof Deno.errors.NotFound);
  assert.ok(errorOf(() => statSync("/dev/no-such")) instanceof Deno.errors.NotFound);
  assert.ok(errorOf(() => readTextSync("/proc/version/x")) instanceof Deno.errors.NotADirectory);
  const notLink = errorOf(() => readLinkSync("/proc/version"));
  assert.ok(notLink instanceof TypeError);
  assert.equal((notLink as { code?: string }).code, "EINVAL");
  assert.equal(existsSync("/sys/block/no-such-disk"), false);
  assert.equal(await exists("/proc/self/mountinfo"), true);
  await assert.rejects(() => readText("/proc/no-such"), Deno.errors.NotFound);
});

Deno.test("hostfs: a pseudo-filesystem path resolving elsewhere is refused", async () => {
  for (
    const fn of [
      () => readTextSync("/proc/self/root/etc/hostname"),
      () => readDirSync("/proc/self/root/etc"),
      () => statSync("/proc/self/root/etc/hostname"),
      () => realPathSync("/proc/self/root/etc"),
      () => readLinkSync("/proc/self/root/etc/os-release"),
    ]
  ) {
    const err = errorOf(fn);
    assert.ok(err instanceof Deno.errors.NotCapable, err.message);
    assert.match(err.message, /outside \/proc, \/sys, \/dev/);
  }
  await assert.rejects(() => open("/proc/self/root/etc/hostname"), Deno.errors.NotCapable);
});

Deno.test("hostfs: other paths use Deno's API (ranges of a regular file)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-hostfs-" });
  try {
    const data = crypto.getRandomValues(new Uint8Array(10_000));
    await Deno.writeFile(`${dir}/img`, data);
    assert.deepEqual(
      await readBytes(`${dir}/img`, { offset: 4096, length: 100 }),
      data.subarray(4096, 4196),
    );
    assert.deepEqual(await readBytes(`${dir}/img`), data);
    assert.deepEqual(readBytesSync(`${dir}/img`, { offset: 9990 }), data.subarray(9990));
    const f = await open(`${dir}/img`);
    try {
      assert.equal(f.size, 10_000);
      assert.deepEqual(await f.read(9_000, 2_000), data.subarray(9_000));
    } finally {
      f.close();
      f.close();
    }
    assert.equal(statSync(`${dir}/img`).size, 10_000);
    assert.throws(() => readTextSync(`${dir}/none`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("hostfs: ranged reads of a loop device this test attaches", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-hostfs-loop-" });
  const file = `${dir}/disk.img`;
  const data = new Uint8Array(4 * 1024 * 1024);
  for (let off = 0; off < data.length; off += 65536) {
    crypto.getRandomValues(data.subarray(off, off + 65536));
  }
  await Deno.writeFile(file, data);
  const attach = await runCommand("losetup", ["--find", "--show", file], { timeoutMs: 30_000 });
  assert.equal(attach.code, 0, attach.stderr);
  const device = attach.stdout.trim();
  try {
    const info = statSync(device);
    assert.equal(info.isBlockDevice, true);
    assert.equal(info.rdevMajor, 7);
    assert.equal(info.rdev, Deno.statSync(device).rdev);
    const f = await open(device);
    try {
      assert.equal(f.size, data.length);
      assert.equal(f.info.isBlockDevice, true);
      const reads = await Promise.all([
        f.read(0, 512),
        f.read(1_048_576 + 17, 70_000),
        f.read(data.length - 100, 4096),
      ]);
      assert.deepEqual(reads[0], data.subarray(0, 512));
      assert.deepEqual(reads[1], data.subarray(1_048_576 + 17, 1_048_576 + 17 + 70_000));
      assert.deepEqual(reads[2], data.subarray(data.length - 100), "short read at the end");
    } finally {
      f.close();
    }
    await assert.rejects(() => f.read(0, 1), Deno.errors.BadResource);
    assert.deepEqual(
      await readBytes(device, { offset: 8192, length: 1024 }),
      data.subarray(8192, 9216),
    );
    const name = device.split("/").pop()!;
    assert.equal(readTextSync(`/sys/block/${name}/loop/backing_file`).trim(), file);
  } finally {
    await runCommand("losetup", ["--detach", device], { timeoutMs: 30_000 });
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("hostfs: reads /sys and /proc with --allow-ffi and no read grant; other paths stay closed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-hostfs-perm-" });
  try {
    const probe = `${dir}/probe.ts`;
    await Deno.writeTextFile(
      probe,
      `import * as h from ${JSON.stringify(new URL("./mod.ts", import.meta.url).href)};
      console.log("sys " + /^\\d+\\n$/.test(h.readTextSync("/sys/block/${BLOCK[0]}/size")));
      console.log("proc " + h.readTextSync("/proc/self/mountinfo").includes(" / "));
      console.log("links " + h.readDirSync("/sys/block").every((e) => e.isSymlink));
      try { h.readTextSync("/etc/hostname"); console.log("etc read"); }
      catch (e) { console.log("etc " + (e as Error).name); }
      try { h.readTextSync("/proc/self/root/etc/hostname"); console.log("escape read"); }
      catch (e) { console.log("escape " + (e as Error).name); }`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-lock", "--quiet", "--allow-ffi", probe],
      cwd: new URL("../../", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(text.trim(), "sys true\nproc true\nlinks true\netc NotCapable\nescape NotCapable");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("hostfs: closeHostFs is idempotent and the next read loads libc again", () => {
  closeHostFs();
  closeHostFs();
  assert.match(readTextSync("/proc/version"), /^Linux/);
});
