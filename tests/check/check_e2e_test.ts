/**
 * `bynar --check` end to end, as a process, on loop devices this test creates: exit codes
 * and all three output formats, including an ext4 filesystem mounted read-only.
 */
import assert from "node:assert/strict";
import { createLoop, destroyLoop, mountLoop, type TestLoop } from "../helpers/loop.ts";

const MAIN = new URL("../../src/main.ts", import.meta.url).pathname;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;

async function bynar(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "--quiet", "--config", CONFIG, MAIN, ...args],
    env: { RUST_BACKTRACE: "0", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

const isRoot = Deno.uid() === 0;

Deno.test({
  name: "bynar --check: loop devices end to end (nagios, json, prometheus, vanished, bad config)",
  ignore: !isRoot,
  async fn(t) {
    const dir = await Deno.makeTempDir({ prefix: "bynar-check-e2e-" });
    const loops: TestLoop[] = [];
    try {
      const healthy = await createLoop(dir, { fs: "ext4", name: "healthy" });
      loops.push(healthy);
      const ro = await createLoop(dir, { fs: "ext4", name: "readonly" });
      loops.push(ro);
      await mountLoop(healthy, dir);
      const db = `${dir}/bynar.db`;
      const cfg = `${dir}/etc`;
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

        const textfile = await Deno.makeTempDir({ dir, prefix: "textfile-" });
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

      await t.step("a known disk detached: vanished, CRITICAL", async () => {
        const gone = ro.device;
        await destroyLoop(ro);
        const r = await bynar([
          "--check",
          "--config-dir",
          cfg,
          "--db",
          db,
          "--include-loop",
          "--device",
          healthy.device,
          "--device",
          gone,
          "--format",
          "json",
        ]);
        assert.equal(r.code, 2, r.stdout + r.stderr);
        const doc = JSON.parse(r.stdout);
        assert.equal(doc.vanished.length, 1);
        assert.equal(doc.vanished[0].path, gone);
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
