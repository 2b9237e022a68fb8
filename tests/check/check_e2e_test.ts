/**
 * `bynar --check` end to end AS SHIPPED (the package built from this tree, run through its
 * launcher with the packaged permission flags) on loop devices this test creates: exit
 * codes and all three output formats, an ext4 mounted read-only, ext4 errors the kernel
 * recorded, a vanished disk replaced in its slot, and a vanished disk forgotten.
 */
import assert from "node:assert/strict";
import { runCommand } from "../../src/process/run.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { createLoop, destroyLoop, mountLoop, type TestLoop } from "../helpers/loop.ts";

function bynar(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runShipped(args, { env: { USER: "e2e-tester" } });
}

/** Attaches `file` on the loop device `wanted` (free again), or fails the test. */
async function attachAt(file: string, wanted: string, dir: string): Promise<TestLoop> {
  const extra: TestLoop[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      const r = await runCommand("losetup", ["--find", "--show", file]);
      const device = r.stdout.trim();
      const loop = { device, file, mounts: [] };
      if (device === wanted) return loop;
      extra.push(loop);
      if (Number(device.replace("/dev/loop", "")) > Number(wanted.replace("/dev/loop", ""))) break;
    }
    throw new Error(`cannot re-attach ${file} at ${wanted} (in ${dir})`);
  } finally {
    for (const l of extra) await runCommand("losetup", ["--detach", l.device]);
  }
}

const isRoot = Deno.uid() === 0;

Deno.test({
  name:
    "bynar --check as shipped: loop devices (formats, read-only, ext4 errors, shut-down xfs, vanished, replaced, forgotten, bad config)",
  ignore: !isRoot,
  async fn(t) {
    const dir = await Deno.makeTempDir({ prefix: "bynar-check-e2e-" });
    const scratch = await shippedScratchDir("check-e2e");
    const loops: TestLoop[] = [];
    try {
      const healthy = await createLoop(dir, { fs: "ext4", name: "healthy" });
      loops.push(healthy);
      const ro = await createLoop(dir, { fs: "ext4", name: "readonly" });
      loops.push(ro);
      await mountLoop(healthy, dir);
      const db = `${scratch}/bynar.db`;
      const cfg = `${scratch}/etc`;
      await Deno.mkdir(cfg);
      const scope = ["--config-dir", cfg, "--db", db, "--include-loop", "--device", healthy.device];

      await t.step("healthy loop device: OK, exit 0", async () => {
        const r = await bynar(["--check", ...scope]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const first = r.stdout.split("\n")[0]!;
        assert.match(first, /^BYNAR OK - 1 disk checked, /);
        assert.match(first, / \| 'disks'=1;;;0 /);
        assert.match(
          r.stdout,
          new RegExp(`\\[UNKNOWN\\] ${healthy.device} \\[serial:LOOP-`),
          "no SMART on a loop device is reported, not failed",
        );
      });

      await t.step("ext4 mounted read-only: CRITICAL, exit 2, in every format", async () => {
        const mp = await mountLoop(ro, dir, { readOnly: true });
        const both = [
          "--config-dir",
          cfg,
          "--db",
          db,
          "--include-loop",
          "--device",
          healthy.device,
          "--device",
          ro.device,
        ];
        const n = await bynar(["--check", ...both]);
        assert.equal(n.code, 2, n.stdout + n.stderr);
        assert.match(n.stdout, /^BYNAR CRITICAL - 2 disks checked, 1 critical/);
        assert.ok(n.stdout.includes(`mounted read-only at ${mp}`), n.stdout);

        const j = await bynar(["--check", ...both, "--format", "json"]);
        assert.equal(j.code, 2);
        const doc = JSON.parse(j.stdout);
        assert.equal(doc.version, 1);
        assert.equal(doc.status, "CRITICAL");
        assert.ok(doc.host.hostname);
        const roDisk = doc.disks.find((d: { path: string }) => d.path === ro.device);
        assert.equal(roDisk.verdict, "critical");
        assert.equal(roDisk.type, "LOOPBACK");
        assert.match(roDisk.identity.key, /^serial:LOOP-/);

        const textfile = await Deno.makeTempDir({ dir: scratch, prefix: "textfile-" });
        const p = await bynar([
          "--check",
          ...both,
          "--format",
          "prometheus",
          "--textfile",
          textfile,
        ]);
        assert.equal(p.code, 2);
        assert.match(p.stdout, /^bynar_check_status\{host="[^"]+"\} 2$/m);
        assert.equal(
          await Deno.readTextFile(`${textfile}/bynar.prom`),
          p.stdout,
          "the textfile holds exactly what was printed",
        );
      });

      await t.step(
        "ext4 errors recorded by the kernel: CRITICAL naming fs, count, time",
        async () => {
          const name = healthy.device.slice("/dev/".length);
          await Deno.writeTextFile(`/sys/fs/ext4/${name}/trigger_fs_error`, "bynar e2e\n");
          // ext4 writes its error record from a work item: wait until sysfs shows it.
          for (let i = 0; i < 100; i++) {
            if (
              (await Deno.readTextFile(`/sys/fs/ext4/${name}/errors_count`)).trim() !== "0"
            ) break;
            await new Promise((ok) => setTimeout(ok, 50));
          }
          const r = await bynar(["--check", ...scope, "--format", "json"]);
          assert.equal(r.code, 2, r.stdout + r.stderr);
          const doc = JSON.parse(r.stdout);
          assert.equal(doc.status, "CRITICAL");
          const reason = doc.disks[0].reasons.join(" ");
          assert.match(
            reason,
            new RegExp(
              `Filesystem ext4 on ${healthy.device} mounted at ${healthy.mounts[0]} has recorded ` +
                `1 error \\(/sys/fs/ext4/${name}/errors_count, first at 20\\d\\d-.*in trigger_test_error`,
            ),
          );
          const n = await bynar(["--check", ...scope]);
          assert.equal(n.code, 2);
          assert.match(n.stdout, /^BYNAR CRITICAL - 1 disk checked, 1 critical/);
        },
      );

      await t.step(
        "a shut-down XFS (EIO on its root): CRITICAL naming the filesystem",
        async () => {
          const x = await createLoop(dir, { fs: "xfs", name: "xfs", sizeMiB: 320 });
          loops.push(x);
          const mp = await mountLoop(x, dir);
          const args = ["--check", "--config-dir", cfg, "--db", db, "--include-loop"];
          const only = [...args, "--device", x.device, "--format", "json"];
          let r = await bynar(only);
          assert.equal(r.code, 0, r.stdout + r.stderr);
          const key = JSON.parse(r.stdout).disks[0].identity.key as string;
          const shut = await runCommand("xfs_io", ["-x", "-c", "shutdown", mp]);
          assert.equal(shut.code, 0, shut.stderr);
          r = await bynar(only);
          assert.equal(r.code, 2, r.stdout + r.stderr);
          assert.match(
            JSON.parse(r.stdout).disks[0].reasons.join(" "),
            new RegExp(
              `Filesystem xfs on ${x.device} mounted at ${mp} answers I/O errors \\(EIO\\)`,
            ),
          );
          await destroyLoop(x);
          loops.splice(loops.indexOf(x), 1);
          r = await bynar(only);
          assert.equal(r.code, 2, "detached: vanished");
          // Gone for good: acknowledged, so the later steps see no vanished disk from here.
          const forget = ["disks", "forget", key, "--reason", "xfs test disk removed"];
          r = await bynar([...forget, "--config-dir", cfg, "--db", db]);
          assert.equal(r.code, 0, r.stdout + r.stderr);
        },
      );

      await t.step(
        "a known disk detached: vanished, CRITICAL until a new disk is in its slot",
        async () => {
          const gone = ro.device;
          await destroyLoop(ro);
          loops.splice(loops.indexOf(ro), 1);
          const args = [
            "--check",
            "--config-dir",
            cfg,
            "--db",
            db,
            "--include-loop",
            "--format",
            "json",
          ];
          const scoped = [...args, "--device", gone];
          for (let pass = 0; pass < 2; pass++) {
            const r = await bynar(scoped);
            assert.equal(r.code, 2, r.stdout + r.stderr);
            const doc = JSON.parse(r.stdout);
            assert.equal(doc.vanished.length, 1);
            assert.equal(doc.vanished[0].path, gone);
          }
          // A new disk (new backing file: new serial) in the same slot.
          const fresh = await createLoop(dir, { fs: "ext4", name: "fresh" });
          await destroyLoop(fresh);
          const replacement = await attachAt(fresh.file, gone, dir);
          loops.push(replacement);
          for (let pass = 0; pass < 2; pass++) {
            const r = await bynar(scoped);
            assert.equal(r.code, 0, r.stdout + r.stderr);
            const doc = JSON.parse(r.stdout);
            assert.deepEqual(doc.vanished, []);
            assert.equal(doc.status, "OK");
          }
        },
      );

      await t.step("a vanished disk forgotten (audited): no longer CRITICAL", async () => {
        const other = await createLoop(dir, { fs: "ext4", name: "other" });
        loops.push(other);
        const args = ["--config-dir", cfg, "--db", db, "--include-loop", "--device", other.device];
        let r = await bynar(["--check", ...args, "--format", "json"]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const key = JSON.parse(r.stdout).disks[0].identity.key as string;
        const serial = JSON.parse(r.stdout).disks[0].identity.serial as string;
        const gone = other.device;
        await destroyLoop(other);
        loops.splice(loops.indexOf(other), 1);
        r = await bynar(["--check", ...args, "--format", "json"]);
        assert.equal(r.code, 2, r.stdout + r.stderr);
        // Refused without a reason; refused for a disk that is present.
        r = await bynar(["disks", "forget", serial, "--config-dir", cfg, "--db", db]);
        assert.notEqual(r.code, 0);
        r = await bynar([
          "disks",
          "forget",
          "serial:does-not-exist",
          "--reason",
          "x",
          "--config-dir",
          cfg,
          "--db",
          db,
        ]);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(r.stderr, /No known disk has the key or serial "serial:does-not-exist"/);
        r = await bynar([
          "disks",
          "forget",
          serial,
          "--reason",
          "RMA 4711, slot left empty",
          "--config-dir",
          cfg,
          "--db",
          db,
        ]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.match(r.stdout, new RegExp(`forgot .*${key}.* as e2e-tester: RMA 4711`));
        r = await bynar(["--check", ...args, "--format", "json"]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.deepEqual(JSON.parse(r.stdout).vanished, []);
        r = await bynar(["disks", "--format", "json", ...args.slice(0, 4), "--device", gone]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const acks = (JSON.parse(r.stdout).acknowledgements as {
          diskKey: string;
          actor: string;
          reason: string;
        }[])
          .filter((a) => a.diskKey === key);
        assert.equal(acks.length, 1);
        assert.equal(acks[0]!.diskKey, key);
        assert.equal(acks[0]!.actor, "e2e-tester");
        assert.equal(
          acks[0]!.reason,
          "RMA 4711, slot left empty",
        );
        r = await bynar(["disks", ...args.slice(0, 4), "--device", gone]);
        assert.match(r.stdout, /forgotten: .* by e2e-tester at 20.*: RMA 4711, slot left empty/);
      });

      await t.step("a bad config file: UNKNOWN, exit 3, naming file and field", async () => {
        await Deno.writeTextFile(`${cfg}/ceph.json`, JSON.stringify({ target_weight: "heavy" }));
        const r = await bynar(["--check", ...scope]);
        assert.equal(r.code, 3);
        assert.match(
          r.stdout,
          /^BYNAR UNKNOWN - Invalid config file ".*ceph\.json": field "target_weight"/,
        );
        const j = await bynar(["--check", ...scope, "--format", "json"]);
        assert.equal(j.code, 3);
        assert.equal(JSON.parse(j.stdout).status, "UNKNOWN");
        await Deno.remove(`${cfg}/ceph.json`);
      });
    } finally {
      for (const l of loops) await destroyLoop(l);
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});
