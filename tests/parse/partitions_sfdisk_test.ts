/**
 * Partition tables of sfdisk-created image files, parsed by the WASM parser and compared
 * with `sfdisk --json` and with libblkid (FFI) on the same files. 4K-sector layouts are
 * written through a 4096-byte-sector loop device this test attaches to its own file.
 */
import assert from "node:assert/strict";
import {
  PageParseError,
  type PartitionTable,
  readPartitionTable,
} from "../../src/partitions/mod.ts";
import { probePartitions } from "../../ffi/libblkid/mod.ts";
import { attach4k, detach, must, sfdiskImage, sfdiskJson } from "./_images.ts";

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-parse-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Compares our table with sfdisk's reading of `path` (scaled to 512-byte sectors). */
async function assertMatchesSfdisk(ours: PartitionTable, path: string): Promise<void> {
  const ref = await sfdiskJson(path);
  const scale = ref.sectorsize / 512;
  assert.equal(ours.table, ref.label);
  assert.equal(ours.id.toLowerCase(), ref.id.toLowerCase());
  assert.equal(ours.sectorSize, ref.sectorsize);
  assert.deepEqual(
    ours.partitions.map((p) => ({
      number: p.number,
      start: p.start,
      size: p.size,
      type: p.type,
      ...(ours.table === "gpt" ? { uuid: p.uuid, name: p.name ?? "" } : {}),
      bootable: p.bootable,
    })),
    ref.partitions.map((p) => ({
      number: p.number,
      start: p.start * scale,
      size: p.size * scale,
      type: p.type,
      ...(ref.label === "gpt" ? { uuid: p.uuid, name: p.name ?? "" } : {}),
      bootable: p.bootable ?? false,
    })),
  );
}

/** Compares our table with libblkid's reading of `path`. */
async function assertMatchesLibblkid(ours: PartitionTable, path: string): Promise<void> {
  const ref = await probePartitions(path);
  assert.equal(ref.table, ours.table);
  const id = ours.table === "gpt" ? ours.id.toLowerCase() : ours.id.slice(2);
  assert.equal(ref.id, id);
  assert.deepEqual(
    ours.partitions.map((p) => ({
      number: p.number,
      start: p.start,
      size: p.size,
      type: ours.table === "gpt" ? p.type.toLowerCase() : `0x${p.type}`,
      uuid: p.uuid.toLowerCase(),
      name: p.name === "" ? null : p.name,
    })),
    ref.partitions,
  );
}

const GPT_LINUX = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";

Deno.test("GPT with one named partition matches sfdisk and libblkid", async () => {
  await withDir(async (dir) => {
    const img = await sfdiskImage(dir, "gpt1.img", {
      sizeMiB: 16,
      script: `label: gpt\nsize=4MiB, type=${GPT_LINUX}, name="data one"\n`,
    });
    const t = await readPartitionTable(img);
    assert.equal(t.table, "gpt");
    assert.equal(t.source, "primary");
    assert.equal(t.partitions.length, 1);
    assert.equal(t.partitions[0]!.name, "data one");
    await assertMatchesSfdisk(t, img);
    await assertMatchesLibblkid(t, img);
  });
});

Deno.test("GPT with 130 named partitions and a 256-entry table matches sfdisk and libblkid", async () => {
  await withDir(async (dir) => {
    const lines = ["label: gpt", "table-length: 256"];
    for (let i = 1; i <= 130; i++) lines.push(`size=1MiB, name="part-${i} ü"`);
    const img = await sfdiskImage(dir, "gpt130.img", { sizeMiB: 140, script: lines.join("\n") });
    const t = await readPartitionTable(img);
    assert.equal(t.partitions.length, 130);
    assert.equal(t.partitions[129]!.name, "part-130 ü");
    await assertMatchesSfdisk(t, img);
    await assertMatchesLibblkid(t, img);
  });
});

Deno.test("MBR with primary, extended and logical partitions matches sfdisk and libblkid", async () => {
  await withDir(async (dir) => {
    const img = await sfdiskImage(dir, "dos.img", {
      sizeMiB: 32,
      script: [
        "label: dos",
        "label-id: 0x1234abcd",
        "size=2MiB, type=83, bootable",
        "size=2MiB, type=c",
        "type=5",
        "size=1MiB, type=83",
        "size=1MiB, type=82",
        "size=3MiB, type=8e",
        "",
      ].join("\n"),
    });
    const t = await readPartitionTable(img);
    assert.equal(t.table, "dos");
    assert.deepEqual(t.partitions.map((p) => p.number), [1, 2, 3, 5, 6, 7]);
    await assertMatchesSfdisk(t, img);
    await assertMatchesLibblkid(t, img);
  });
});

Deno.test("GPT with a damaged primary header falls back to the backup", async () => {
  await withDir(async (dir) => {
    const img = await sfdiskImage(dir, "gptbad.img", {
      sizeMiB: 16,
      script: `label: gpt\nsize=2MiB, name="a"\nsize=2MiB, name="b"\n`,
    });
    const before = await readPartitionTable(img);
    const f = await Deno.open(img, { read: true, write: true });
    await f.seek(512 + 60, Deno.SeekMode.Start); // inside the disk GUID: header CRC breaks
    await f.write(new Uint8Array([0xde, 0xad]));
    f.close();
    const t = await readPartitionTable(img);
    assert.equal(t.source, "backup");
    assert.deepEqual(t.partitions, before.partitions);
    assert.equal(t.id, before.id);
    await assertMatchesSfdisk(t, img);
    await assertMatchesLibblkid(t, img);
  });
});

Deno.test("GPT with a damaged primary entry array falls back to the backup", async () => {
  await withDir(async (dir) => {
    const img = await sfdiskImage(dir, "gptbadent.img", {
      sizeMiB: 16,
      script: `label: gpt\nsize=2MiB, name="a"\n`,
    });
    const before = await readPartitionTable(img);
    const f = await Deno.open(img, { read: true, write: true });
    await f.seek(1024 + 56, Deno.SeekMode.Start); // first entry's name
    await f.write(new Uint8Array([0x5a]));
    f.close();
    const t = await readPartitionTable(img);
    assert.equal(t.source, "backup");
    assert.deepEqual(t.partitions, before.partitions);
    await assertMatchesSfdisk(t, img);
  });
});

Deno.test("GPT with both headers damaged is a typed error", async () => {
  await withDir(async (dir) => {
    const img = await sfdiskImage(dir, "gptdead.img", {
      sizeMiB: 8,
      script: `label: gpt\nsize=1MiB\n`,
    });
    const size = (await Deno.stat(img)).size;
    const f = await Deno.open(img, { read: true, write: true });
    for (const off of [512 + 60, size - 512 + 60]) {
      await f.seek(off, Deno.SeekMode.Start);
      await f.write(new Uint8Array([0xde, 0xad]));
    }
    f.close();
    const err = await assertRejectsWith(() => readPartitionTable(img));
    assert.equal(err.reason, "gpt_header_invalid");
  });
});

async function assertRejectsWith(fn: () => Promise<unknown>): Promise<PageParseError> {
  try {
    await fn();
  } catch (err) {
    assert.ok(err instanceof PageParseError, `expected PageParseError, got ${err}`);
    return err;
  }
  throw new Error("expected a PageParseError");
}

Deno.test("4K-sector GPT and MBR images match sfdisk and libblkid on a 4K loop device", async () => {
  await withDir(async (dir) => {
    for (const kind of ["gpt", "dos"] as const) {
      const file = `${dir}/${kind}4k.img`;
      const f = await Deno.open(file, { create: true, write: true });
      await f.truncate(64 * 1024 * 1024);
      f.close();
      const dev = await attach4k(file);
      try {
        const script = kind === "gpt"
          ? `label: gpt\nsize=8MiB, name="four-k"\nsize=4MiB, name="second"\n`
          : `label: dos\nsize=8MiB, type=83\ntype=5\nsize=4MiB, type=83\nsize=4MiB, type=82\n`;
        await must("sfdisk", ["--quiet", "--no-reread", "--no-tell-kernel", dev], script);
        const viaDevice = await readPartitionTable(dev);
        assert.equal(viaDevice.sectorSize, 4096);
        await assertMatchesSfdisk(viaDevice, dev);
        await assertMatchesLibblkid(viaDevice, dev);
        // The image file itself: GPT is found at 4096 automatically, DOS needs the size.
        const viaFile = await readPartitionTable(file, kind === "gpt" ? {} : { sectorSize: 4096 });
        assert.deepEqual(viaFile, viaDevice);
      } finally {
        await detach(dev, file);
      }
    }
  });
});

Deno.test("an image without a partition table is a typed error", async () => {
  await withDir(async (dir) => {
    const file = `${dir}/empty.img`;
    await Deno.writeFile(file, new Uint8Array(1 << 20));
    const err = await assertRejectsWith(() => readPartitionTable(file));
    assert.equal(err.reason, "no_partition_table");
    assert.match(err.message, /Cannot parse the partition table for ".*empty\.img"/);
    await assert.rejects(() => readPartitionTable(`${dir}/missing.img`), /Cannot read partition/);
  });
});
