import assert from "node:assert/strict";
import { ParseError } from "../errors.ts";
import { decodeOctalEscapes, parseMountinfo } from "./mountinfo.ts";

const SAMPLE = [
  "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
  "36 27 259:1 / /mnt/my\\040disk rw,nosuid shared:5 master:1 - xfs /dev/nvme0n1p1 ro,attr2",
  "40 27 0:38 / /srv/tab\\011and\\134slash ro,relatime - btrfs /dev/sdb rw,space_cache",
  "41 27 0:22 / /sys rw,relatime - sysfs sysfs rw",
  "",
].join("\n");

Deno.test("parseMountinfo reads fields, optional fields and the separator", () => {
  const m = parseMountinfo(SAMPLE);
  assert.equal(m.length, 4);
  assert.deepEqual(m[0], {
    id: 27,
    devno: "254:0",
    source: "/dev/vda",
    mountpoint: "/",
    fsType: "ext4",
    options: ["rw", "relatime"],
    superOptions: ["rw", "discard"],
    readOnly: false,
    mountReadOnly: false,
  });
  assert.equal(m[1]!.fsType, "xfs");
  assert.equal(m[1]!.source, "/dev/nvme0n1p1");
  assert.equal(m[1]!.devno, "259:1");
});

Deno.test("parseMountinfo decodes octal escapes in mount points", () => {
  const m = parseMountinfo(SAMPLE);
  assert.equal(m[1]!.mountpoint, "/mnt/my disk");
  assert.equal(m[2]!.mountpoint, "/srv/tab\tand\\slash");
});

Deno.test("parseMountinfo: readOnly is the superblock flag, mountReadOnly the per-mount one", () => {
  const m = parseMountinfo(SAMPLE);
  assert.deepEqual([m[1]!.readOnly, m[1]!.mountReadOnly], [true, false], "superblock ro");
  assert.deepEqual([m[2]!.readOnly, m[2]!.mountReadOnly], [false, true], "mount ro only");
  assert.deepEqual([m[3]!.readOnly, m[3]!.mountReadOnly], [false, false]);
  const fresh = parseMountinfo("50 27 7:3 / /mnt/x ro,relatime - ext4 /dev/loop3 ro\n")[0]!;
  assert.deepEqual([fresh.readOnly, fresh.mountReadOnly], [true, true], "mount -o ro");
});

Deno.test("parseMountinfo rejects a line without the separator", () => {
  assert.throws(
    () => parseMountinfo("27 1 254:0 / / rw,relatime ext4 /dev/vda rw x y"),
    ParseError,
  );
  assert.throws(() => parseMountinfo("x 1 254:0 / / rw - ext4 /dev/vda rw"), ParseError);
});

Deno.test("decodeOctalEscapes leaves other backslashes alone", () => {
  assert.equal(decodeOctalEscapes("a\\040b\\012c\\9"), "a b\nc\\9");
});
