/**
 * libblkid FFI against image files (no loop devices): partition tables compared with
 * `sfdisk --json`, superblocks compared with `blkid -p -o export`.
 */
import assert from "node:assert/strict";
import { FfiError } from "../../src/errors.ts";
import { runCommand } from "../../src/process/run.ts";
import {
  closeLibblkid,
  libblkidAvailable,
  openLibblkid,
  probePartitions,
  probeSuperblock,
} from "./mod.ts";

async function must(cmd: string, args: string[], stdin?: string): Promise<string> {
  const r = await runCommand(cmd, args, stdin === undefined ? {} : { stdin });
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

async function image(dir: string, name: string, mib: number): Promise<string> {
  const path = `${dir}/${name}`;
  const f = await Deno.open(path, { create: true, write: true, truncate: true });
  await f.truncate(mib * 1024 * 1024);
  f.close();
  return path;
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-blkid-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

interface SfdiskJson {
  partitiontable: {
    label: string;
    id: string;
    partitions: {
      node: string;
      start: number;
      size: number;
      type: string;
      uuid?: string;
      name?: string;
    }[];
  };
}

async function sfdiskJson(path: string): Promise<SfdiskJson["partitiontable"]> {
  return (JSON.parse(await must("sfdisk", ["--json", path])) as SfdiskJson).partitiontable;
}

Deno.test("probePartitions reads a GPT image exactly as sfdisk does", async () => {
  await withDir(async (dir) => {
    const img = await image(dir, "gpt.img", 64);
    await must(
      "sfdisk",
      ["-q", img],
      'label: gpt\nsize=20M, type=L, name="ceph data"\nsize=10M, type=S\ntype=U\n',
    );
    const got = await probePartitions(img);
    const ref = await sfdiskJson(img);
    assert.equal(got.table, "gpt");
    assert.equal(got.id, ref.id.toLowerCase());
    assert.equal(got.partitions.length, 3);
    assert.deepEqual(
      got.partitions.map((p) => ({
        start: p.start,
        size: p.size,
        type: p.type,
        uuid: p.uuid,
        name: p.name,
      })),
      ref.partitions.map((p) => ({
        start: p.start,
        size: p.size,
        type: p.type.toLowerCase(),
        uuid: p.uuid!.toLowerCase(),
        name: p.name ?? null,
      })),
    );
    assert.deepEqual(got.partitions.map((p) => p.number), [1, 2, 3]);
    assert.equal(got.partitions[0]!.name, "ceph data");
    assert.equal(got.partitions[1]!.type, "0657fd6d-a4ab-43c4-84e5-0933c84b4f4f"); // Linux swap
  });
});

Deno.test("probePartitions reads an MBR image with logical partitions", async () => {
  await withDir(async (dir) => {
    const img = await image(dir, "dos.img", 64);
    await must(
      "sfdisk",
      ["-q", img],
      "label: dos\nlabel-id: 0x1234abcd\nsize=10M, type=83\nsize=10M, type=82\ntype=5\nsize=5M, type=83\nsize=5M, type=7\n",
    );
    const got = await probePartitions(img);
    const ref = await sfdiskJson(img);
    assert.equal(got.table, "dos");
    assert.equal(got.id, "1234abcd");
    assert.deepEqual(got.partitions.map((p) => p.number), [1, 2, 3, 5, 6]);
    assert.deepEqual(got.partitions.map((p) => p.type), ["0x83", "0x82", "0x5", "0x83", "0x7"]);
    assert.deepEqual(
      got.partitions.map((p) => [p.start, p.size]),
      ref.partitions.map((p) => [p.start, p.size]),
    );
    assert.deepEqual(got.partitions.map((p) => p.uuid), [
      "1234abcd-01",
      "1234abcd-02",
      "1234abcd-03",
      "1234abcd-05",
      "1234abcd-06",
    ]);
    assert.ok(got.partitions.every((p) => p.name === null));
  });
});

Deno.test("probePartitions on a file without a table returns an empty table", async () => {
  await withDir(async (dir) => {
    const img = await image(dir, "blank.img", 4);
    assert.deepEqual(await probePartitions(img), { table: null, id: null, partitions: [] });
  });
});

Deno.test("probeSuperblock reads ext4 and xfs like blkid -p, whole file and inside a partition", async () => {
  await withDir(async (dir) => {
    const fsImg = await image(dir, "ext4.img", 16);
    await must("mkfs.ext4", ["-q", "-F", "-L", "bynar-e4", fsImg]);
    const ext = await probeSuperblock(fsImg);
    const ref = Object.fromEntries(
      (await must("blkid", ["-p", "-o", "export", fsImg])).trim().split("\n").map((l) =>
        l.split("=", 2)
      ),
    );
    assert.deepEqual(ext, { type: "ext4", uuid: ref.UUID, label: "bynar-e4", usage: "filesystem" });

    const disk = await image(dir, "disk.img", 400);
    await must("sfdisk", ["-q", disk], "label: gpt\nsize=8M, type=L\nsize=320M, type=L\n");
    const [, p2] = (await probePartitions(disk)).partitions;
    const part = await image(dir, "part.img", 320);
    await must("mkfs.xfs", ["-q", "-f", "-L", "bynarxfs", part]);
    await must("dd", [
      `if=${part}`,
      `of=${disk}`,
      "bs=1M",
      `seek=${(p2!.start * 512) / 1048576}`,
      "conv=notrunc,sparse",
      "status=none",
    ]);
    const xfs = await probeSuperblock(disk, { offset: p2!.start * 512, size: p2!.size * 512 });
    assert.equal(xfs?.type, "xfs");
    assert.equal(xfs?.label, "bynarxfs");
    assert.match(xfs!.uuid!, /^[0-9a-f-]{36}$/);
    assert.equal(await probeSuperblock(disk, { offset: 2048 * 512, size: 8 * 1048576 }), null);
  });
});

Deno.test("probeSuperblock reports a missing path with errno and bad regions with RangeError", async () => {
  await assert.rejects(probeSuperblock("/nonexistent/bynar.img"), (err: unknown) => {
    assert.ok(err instanceof FfiError);
    assert.equal(err.op, "open");
    assert.equal(err.errno, 2);
    assert.match(err.message, /^Cannot open "\/nonexistent\/bynar.img" for probing: .*ENOENT/);
    return true;
  });
  await assert.rejects(probeSuperblock("/x", { offset: -1 }), RangeError);
  await assert.rejects(probeSuperblock("/x", { size: 1.5 }), RangeError);
});

Deno.test("load failure is an FfiError; close is idempotent and the library reloads", async () => {
  closeLibblkid();
  assert.throws(() => openLibblkid({ path: "/nonexistent/libblkid.so.1" }), (err: unknown) => {
    assert.ok(err instanceof FfiError);
    assert.equal(err.code, "ffi_load_failed");
    assert.equal(err.library, "libblkid");
    assert.match(err.message, /^Cannot load libblkid from "\/nonexistent\/libblkid.so.1"/);
    return true;
  });
  assert.equal(libblkidAvailable(), true);
  closeLibblkid();
  closeLibblkid();
  await withDir(async (dir) => {
    const img = await image(dir, "e.img", 8);
    await must("mkfs.ext4", ["-q", "-F", img]);
    assert.equal((await probeSuperblock(img))?.type, "ext4");
  });
  closeLibblkid();
});
