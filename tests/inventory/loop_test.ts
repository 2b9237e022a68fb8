/**
 * discoverDisks against REAL loop devices this test creates (sparse files in a fresh temp
 * dir, `losetup --find --show`, mkfs, sfdisk + `partx -a`, mount). Everything it attaches
 * or mounts is released in `finally`; it never touches a device it did not create.
 */
import assert from "node:assert/strict";
import { runCommand } from "../../src/process/run.ts";
import { type BlockDisk, discoverDisks } from "../../src/inventory/mod.ts";

async function must(cmd: string, args: string[], stdin?: string): Promise<string> {
  const r = await runCommand(cmd, args, stdin === undefined ? {} : { stdin });
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.code}): ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/** Resources a test created, released in reverse order. */
class Lab {
  readonly dir: string;
  #mounts: string[] = [];
  #loops: { device: string; partitioned: boolean }[] = [];

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(): Promise<Lab> {
    return new Lab(await Deno.makeTempDir({ prefix: "bynar-inv-loop-" }));
  }

  async file(name: string, mib: number): Promise<string> {
    const path = `${this.dir}/${name}`;
    const f = await Deno.open(path, { create: true, write: true, truncate: true });
    await f.truncate(mib * 1024 * 1024);
    f.close();
    return path;
  }

  async attach(file: string): Promise<string> {
    const device = (await must("losetup", ["--find", "--show", file])).trim();
    assert.match(device, /^\/dev\/loop\d+$/);
    this.#loops.push({ device, partitioned: false });
    return device;
  }

  async addPartitions(device: string): Promise<void> {
    const entry = this.#loops.find((l) => l.device === device)!;
    entry.partitioned = true;
    await must("partx", ["-a", device]);
  }

  async detach(device: string): Promise<void> {
    const i = this.#loops.findIndex((l) => l.device === device);
    const [entry] = this.#loops.splice(i, 1);
    if (entry!.partitioned) await runCommand("partx", ["-d", device]);
    await must("losetup", ["-d", device]);
  }

  async mount(device: string, name: string, readOnly = false): Promise<string> {
    const mnt = `${this.dir}/${name}`;
    await Deno.mkdir(mnt);
    await must("mount", [...(readOnly ? ["-o", "ro"] : []), device, mnt]);
    this.#mounts.push(mnt);
    return mnt;
  }

  async close(): Promise<void> {
    for (const mnt of this.#mounts.reverse()) await runCommand("umount", [mnt]);
    for (const l of [...this.#loops].reverse()) {
      if (l.partitioned) await runCommand("partx", ["-d", l.device]);
      await runCommand("losetup", ["-d", l.device]);
    }
    await Deno.remove(this.dir, { recursive: true });
  }
}

async function blkidExport(device: string): Promise<Record<string, string>> {
  const out = await must("blkid", ["-p", "-o", "export", device]);
  return Object.fromEntries(out.trim().split("\n").map((l) => l.split("=", 2) as [string, string]));
}

async function discoverOne(device: string): Promise<BlockDisk> {
  const r = await discoverDisks({ includeLoop: true, devices: [device] });
  assert.deepEqual(r.skipped, []);
  assert.equal(r.disks.length, 1, "only the test's own loop device is reported");
  return r.disks[0]!;
}

Deno.test("a mounted ext4 loop device: type, size, fs via libblkid, mount, identity", async () => {
  const lab = await Lab.create();
  try {
    const img = await lab.file("ext4.img", 64);
    await must("mkfs.ext4", ["-q", "-F", "-L", "bynar-inv", img]);
    const loop = await lab.attach(img);
    const mnt = await lab.mount(loop, "mnt");
    const ref = await blkidExport(loop);
    const disk = await discoverOne(loop);
    assert.equal(disk.path, loop);
    assert.equal(disk.name, loop.slice(5));
    assert.equal(disk.type, "LOOPBACK");
    assert.equal(disk.sizeBytes, 64 * 1024 * 1024);
    assert.deepEqual(disk.fs, { type: "ext4", uuid: ref.UUID, label: "bynar-inv" });
    assert.equal(disk.mounts.length, 1);
    assert.equal(disk.mounts[0]!.mountpoint, mnt);
    assert.equal(disk.mounts[0]!.fsType, "ext4");
    assert.equal(disk.mounts[0]!.readOnly, false);
    assert.equal(disk.backingFile, img);
    assert.equal(disk.partitions.length, 0);
    assert.equal(disk.systemReason, null);
    const st = await Deno.stat(img);
    assert.equal(disk.identity.serial, `LOOP-${st.dev}-${st.ino}`);
    assert.equal(disk.identity.key, `serial:LOOP-${st.dev}-${st.ino}`);
    const devno = (await Deno.readTextFile(`/sys/block/${disk.name}/dev`)).trim();
    assert.equal(disk.devno, devno);
  } finally {
    await lab.close();
  }
});

Deno.test("a partitioned loop device: GPT partitions with xfs and a read-only ext4 mount", async () => {
  const lab = await Lab.create();
  try {
    const img = await lab.file("parts.img", 400);
    await must(
      "sfdisk",
      ["-q", img],
      "label: gpt\nsize=320M, type=L, name=data\ntype=L, name=meta\n",
    );
    const loop = await lab.attach(img);
    await lab.addPartitions(loop);
    await must("mkfs.xfs", ["-q", "-f", "-L", "invxfs", `${loop}p1`]);
    await must("mkfs.ext4", ["-q", "-F", "-L", "inv-meta", `${loop}p2`]);
    const mnt = await lab.mount(`${loop}p2`, "meta", true);
    const disk = await discoverOne(loop);
    assert.equal(disk.type, "LOOPBACK");
    assert.equal(disk.partitions.length, 2);
    const [p1, p2] = disk.partitions;
    assert.equal(p1!.path, `${loop}p1`);
    assert.equal(p1!.number, 1);
    assert.equal(p1!.start, 2048);
    assert.equal(p1!.sizeBytes, 320 * 1024 * 1024);
    assert.equal(p1!.fs.type, "xfs");
    assert.equal(p1!.fs.label, "invxfs");
    assert.equal(p1!.fs.uuid, (await blkidExport(`${loop}p1`)).UUID);
    assert.deepEqual(p1!.mounts, []);
    assert.equal(p2!.number, 2);
    assert.equal(p2!.fs.type, "ext4");
    assert.equal(p2!.fs.label, "inv-meta");
    assert.equal(p2!.mounts.length, 1);
    assert.equal(p2!.mounts[0]!.mountpoint, mnt);
    assert.equal(p2!.mounts[0]!.readOnly, true);
    assert.deepEqual(disk.mounts, [], "the whole disk itself is not mounted");
  } finally {
    await lab.close();
  }
});

Deno.test("loop identity is stable across detach/re-attach and differs for another file", async () => {
  const lab = await Lab.create();
  try {
    const a = await lab.file("a.img", 16);
    const b = await lab.file("b.img", 16);
    const first = await lab.attach(a);
    const keyA = (await discoverOne(first)).identity.key;
    await lab.detach(first);
    const again = await lab.attach(a);
    assert.equal((await discoverOne(again)).identity.key, keyA, "same backing file, same identity");
    const other = await lab.attach(b);
    const keyB = (await discoverOne(other)).identity.key;
    assert.notEqual(keyB, keyA, "a different file is a different disk");
    const both = await discoverDisks({ includeLoop: true, devices: [again, other] });
    assert.deepEqual(both.disks.map((d) => d.identity.key).sort(), [keyA, keyB].sort());
  } finally {
    await lab.close();
  }
});

Deno.test("without includeLoop the test's loop device is skipped with a reason", async () => {
  const lab = await Lab.create();
  try {
    const loop = await lab.attach(await lab.file("s.img", 8));
    const r = await discoverDisks({ devices: [loop] });
    assert.deepEqual(r.disks, []);
    assert.equal(r.skipped.length, 1);
    assert.equal(r.skipped[0]!.path, loop);
    assert.match(r.skipped[0]!.reason, /^loop device/);
  } finally {
    await lab.close();
  }
});
