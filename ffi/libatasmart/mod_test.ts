import assert from "node:assert/strict";
import { AtaSmartDisk, errnoName } from "./mod.ts";
import { FfiError } from "../../src/errors.ts";

const BLOB = new URL(
  "../../../shared/fixtures/smart-blobs/WDC_WD5000AAKS--00TMA0-12.01C01",
  import.meta.url,
);

Deno.test("close is idempotent and a closed disk refuses calls with FfiError", () => {
  const disk = AtaSmartDisk.fromBlob(Deno.readFileSync(BLOB), { name: "wdc" });
  assert.equal(disk.isDevice, false);
  disk.close();
  disk.close();
  assert.throws(() => disk.attributes(), (e: unknown) => {
    assert.ok(e instanceof FfiError);
    assert.equal(e.op, "sk_disk_smart_parse_attributes");
    assert.match(e.message, /"wdc": the disk is closed/);
    return true;
  });
});

Deno.test("using disposes the disk", () => {
  let escaped: AtaSmartDisk;
  {
    using disk = AtaSmartDisk.fromBlob(Deno.readFileSync(BLOB));
    escaped = disk;
    assert.equal(disk.identify()?.model, "WDC WD5000AAKS-00TMA0");
  }
  assert.throws(() => escaped.identify(), /closed/);
});

Deno.test("a bad blob is an FfiError with errno EINVAL", () => {
  assert.throws(
    () => AtaSmartDisk.fromBlob(new TextEncoder().encode("not a dump"), { name: "x" }),
    (e: unknown) => {
      assert.ok(e instanceof FfiError);
      assert.equal(e.op, "sk_disk_set_blob");
      assert.equal(e.errno, 22);
      return true;
    },
  );
});

Deno.test("opening a missing device reports ENOENT", async () => {
  const path = `/dev/bynar-test-missing-${crypto.randomUUID()}`;
  await assert.rejects(AtaSmartDisk.open(path), (e: unknown) => {
    assert.ok(e instanceof FfiError);
    assert.equal(e.errno, 2);
    assert.equal(e.device, path);
    assert.match(e.message, /ENOENT/);
    return true;
  });
});

Deno.test("the real dump's counters match libatasmart's getters", () => {
  using disk = AtaSmartDisk.fromBlob(Deno.readFileSync(BLOB));
  const attrs = disk.attributes();
  const pending = attrs.find((a) => a.id === 197)!;
  assert.equal(pending.name, "current-pending-sector");
  assert.equal(pending.raw, 529);
  assert.equal(disk.overall()?.name, "BAD_SECTOR");
  assert.equal(disk.badSectors(), 63 + 529);
});

Deno.test("errnoName", () => {
  assert.equal(errnoName(6), "ENXIO");
  assert.equal(errnoName(200), "errno 200");
  assert.equal(errnoName(undefined), "errno unknown");
});
