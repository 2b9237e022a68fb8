/**
 * The disk-health machine AS SHIPPED (`bynar disks --run` through the packaged launcher
 * and its permission flags) on real ext4/xfs filesystems on loop devices this test creates:
 * the write test works on mounts the host made anywhere (not only under /run/bynar), a
 * healthy disk stays good pass after pass, and the replacement lifecycle closes.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import type { PassReport } from "../../src/machine/mod.ts";
import { runCommand } from "../../src/process/run.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { Lab, must, privateMountDirs } from "./lab.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

async function run(lab: Lab, devices: string[]): Promise<PassReport> {
  const r = await runShipped([
    "disks",
    "--run",
    "--format",
    "json",
    "--include-loop",
    "--config-dir",
    lab.dir,
    "--db",
    lab.dbPath,
    ...devices.flatMap((d) => ["--device", d]),
  ]);
  strictEqual(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as PassReport;
}

function disk(r: PassReport, path: string): PassReport["disks"][number] {
  const d = r.disks.find((d) => d.path === path);
  if (!d) throw new Error(`no report for ${path}: ${JSON.stringify(r.disks.map((d) => d.path))}`);
  return d;
}

Deno.test(
  "as shipped: healthy ext4 and xfs mounted by the host under /mnt stay good for ten passes",
  opts,
  async () => {
    await using lab = await Lab.create({ parent: await shippedScratchDir("machine") });
    const e = await lab.attach(await lab.image("e", "ext4"));
    const x = await lab.attach(await lab.image("x", "xfs"));
    // Host mounts outside every --allow-write grant, as OSD data directories are.
    const mounts: string[] = [];
    try {
      for (const dev of [e, x]) {
        const mp = `/mnt/bynar-e2e-${crypto.randomUUID().slice(0, 8)}`;
        await Deno.mkdir(mp);
        await must("mount", [dev, mp]);
        mounts.push(mp);
        await Deno.writeTextFile(`${mp}/data`, "user data");
      }
      const listing = () => mounts.map((mp) => [...Deno.readDirSync(mp)].map((e) => e.name).sort());
      const before = listing();
      for (let pass = 1; pass <= 10; pass++) {
        const r = await run(lab, [e, x]);
        for (const dev of [e, x]) {
          const d = disk(r, dev);
          strictEqual(d.finalState, "good", `pass ${pass} ${dev}: ${d.reason}`);
          strictEqual(d.held, false, `pass ${pass} ${dev}: ${d.reason}`);
          strictEqual(d.unknown, null);
          ok(d.reason.includes("write test passed"), d.reason);
          ok(d.reason.includes("read back 65536 bytes from the device"), d.reason);
        }
      }
      deepStrictEqual(listing(), before, "nothing left on the filesystems");
      const db = lab.db;
      const rows = db.prepare("SELECT state, holds FROM machine_disks").all();
      deepStrictEqual(rows.map((r) => [r.state, r.holds]), [["good", 0], ["good", 0]]);
      deepStrictEqual(db.prepare("SELECT * FROM machine_intents").all(), []);
    } finally {
      lab.closeDb();
      for (const mp of mounts) {
        await runCommand("umount", [mp]);
        await Deno.remove(mp).catch(() => {});
      }
    }
  },
);

Deno.test(
  "as shipped: unmounted ext4 and xfs are fsck'd, mounted privately, write-tested, released",
  opts,
  async () => {
    await using lab = await Lab.create({ parent: await shippedScratchDir("machine") });
    const before = new Set(privateMountDirs());
    const e = await lab.attach(await lab.image("e", "ext4"));
    const x = await lab.attach(await lab.image("x", "xfs"));
    const r = await run(lab, [e, x]);
    for (const dev of [e, x]) {
      deepStrictEqual(disk(r, dev).transitions.map((t) => t.to), [
        "scanned",
        "not_mounted",
        "mounted",
        "good",
      ]);
    }
    deepStrictEqual(await lab.loopMounts(), []);
    deepStrictEqual(privateMountDirs().filter((d) => !before.has(d)), []);
  },
);

Deno.test(
  "as shipped: vanished -> replaced by a new disk in the slot; the old disk back is checked again",
  opts,
  async () => {
    await using lab = await Lab.create({ parent: await shippedScratchDir("machine") });
    const oldImage = await lab.image("old", "ext4");
    const slot = await lab.attach(oldImage);
    let r = await run(lab, [slot]);
    strictEqual(disk(r, slot).finalState, "good");
    const oldKey = disk(r, slot).diskKey;
    await lab.detach(slot);
    r = await run(lab, [slot]);
    strictEqual(disk(r, slot).finalState, "waiting_for_replacement");
    // A new disk (new serial) in the same slot.
    const fresh = await lab.attachAt(await lab.image("new", "ext4"), slot);
    for (const l of [...lab.loops]) if (l !== fresh) await lab.detach(l);
    strictEqual(fresh, slot, "the new disk got the old slot");
    r = await run(lab, [slot]);
    const replaced = r.disks.find((d) => d.diskKey === oldKey)!;
    strictEqual(replaced.finalState, "replaced");
    ok(replaced.reason.startsWith("replaced by "), replaced.reason);
    strictEqual(r.disks.find((d) => d.diskKey !== oldKey)!.finalState, "good");
    // The old disk comes back (another slot): it is checked again, not ignored.
    const back = await lab.attach(oldImage);
    r = await run(lab, [slot, back]);
    const again = r.disks.find((d) => d.diskKey === oldKey)!;
    strictEqual(again.path, back);
    deepStrictEqual(again.transitions.map((t) => t.to), [
      "unscanned",
      "scanned",
      "not_mounted",
      "mounted",
      "good",
    ]);
    ok(again.transitions[0]!.reason.includes("marked replaced, is attached again"));
  },
);

Deno.test(
  "as shipped: ext4 errors the kernel recorded are named in the machine's reason",
  opts,
  async () => {
    await using lab = await Lab.create({ parent: await shippedScratchDir("machine") });
    const e = await lab.attach(await lab.image("e", "ext4"));
    const mp = await lab.mount(e);
    const name = e.slice("/dev/".length);
    await Deno.writeTextFile(`/sys/fs/ext4/${name}/trigger_fs_error`, "bynar machine e2e\n");
    for (let i = 0; i < 100; i++) {
      if ((await Deno.readTextFile(`/sys/fs/ext4/${name}/errors_count`)).trim() !== "0") break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    const d = disk(await run(lab, [e]), e);
    ok(
      d.reason.includes(`Filesystem ext4 on /dev/${name} mounted at ${mp} has recorded 1 error`),
      d.reason,
    );
    ok(d.reason.includes("in trigger_test_error"), d.reason);
  },
);
