/**
 * End to end AS SHIPPED (the packaged launcher and its permission flags): `bynar
 * partitions IMG --format json|text` on sfdisk-made images in a directory the shipped
 * product may read.
 */
import assert from "node:assert/strict";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { sfdiskImage, sfdiskJson } from "./_images.ts";

function bynar(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runShipped(args);
}

Deno.test("bynar partitions prints sfdisk's partitions as JSON and text", async () => {
  const dir = await shippedScratchDir("cli-parts");
  try {
    const img = await sfdiskImage(dir, "cli.img", {
      sizeMiB: 16,
      script: `label: gpt\nsize=2MiB, name="boot"\nsize=3MiB, name="data"\n`,
    });
    const r = await bynar(["partitions", img, "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const ref = await sfdiskJson(img);
    assert.deepEqual(Object.keys(doc), ["table", "id", "source", "sectorSize", "partitions"]);
    assert.equal(doc.table, "gpt");
    assert.equal(doc.source, "primary");
    assert.equal(doc.id, ref.id);
    assert.deepEqual(
      doc.partitions,
      ref.partitions.map((p) => ({
        number: p.number,
        start: p.start,
        size: p.size,
        type: p.type,
        uuid: p.uuid,
        name: p.name,
      })),
    );
    const text = await bynar(["partitions", img]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /gpt table .* \(primary copy, 512-byte sectors\)/);
    assert.match(text.stdout, /\n {2}2 +6144 +6144 .* data\n?$/);
    const missing = await bynar(["partitions", `${dir}/nope.img`, "--format", "json"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /bynar partitions: Cannot read partition table of ".*nope\.img"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
