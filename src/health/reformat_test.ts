import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { runCommand } from "../process/run.ts";
import { mkfsCommand, reformatFilesystem } from "./reformat.ts";

const UUID = "6f1c2a4e-0d55-4a43-9a3c-3d2b1e0f9a77";

Deno.test("mkfsCommand keeps type, UUID and label; refuses unknown types (B-13)", () => {
  deepStrictEqual(mkfsCommand("/dev/x", { fsType: "ext4", uuid: UUID, label: "data" }), {
    cmd: "mkfs.ext4",
    args: ["-F", "-q", "-U", UUID, "-L", "data", "/dev/x"],
  });
  deepStrictEqual(mkfsCommand("/dev/x", { fsType: "xfs", uuid: UUID, label: null }), {
    cmd: "mkfs.xfs",
    args: ["-f", "-q", "-m", `uuid=${UUID}`, "/dev/x"],
  });
  deepStrictEqual(mkfsCommand("/dev/x", { fsType: "ext3", uuid: "not-a-uuid", label: null }).args, [
    "-F",
    "-q",
    "/dev/x",
  ]);
  throws(() => mkfsCommand("/dev/x", { fsType: "btrfs", uuid: null, label: null }), RangeError);
  throws(
    () => mkfsCommand("/dev/x", { fsType: "LVM2_member", uuid: null, label: null }),
    RangeError,
  );
});

async function blkid(path: string): Promise<Record<string, string>> {
  const out = await runCommand("blkid", ["-p", "-o", "export", path]);
  return Object.fromEntries(
    out.stdout.trim().split("\n").map((l) => l.split("=", 2) as [string, string]),
  );
}

for (const fsType of ["ext4", "xfs"] as const) {
  Deno.test(`reformat of a real ${fsType} image keeps its type, UUID and label`, async () => {
    const dir = await Deno.makeTempDir();
    try {
      const img = `${dir}/a.img`;
      const f = await Deno.open(img, { create: true, write: true });
      await f.truncate(320 << 20);
      f.close();
      const res = await reformatFilesystem(img, { fsType, uuid: UUID, label: "keepme" });
      strictEqual(res.status, "ok", res.detail);
      const info = await blkid(img);
      deepStrictEqual([info.TYPE, info.UUID, info.LABEL], [fsType, UUID, "keepme"]);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}
