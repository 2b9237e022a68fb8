/**
 * The Ceph backend against a real single-host cluster (see cluster.ts): simulate, the
 * refusals (noout, host maintenance, removal budget), a full replacement keeping the OSD
 * id with the data checksum intact, and kill -9 of the operation process at several points
 * of a removal and of an add, each followed by a clean resume.
 *
 * Run alone: `deno test -A tests/ceph/replace_test.ts` (bootstraps the cluster if needed).
 *
 * @module
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { openDatabase } from "../../src/store/db.ts";
import { createCephBackend } from "../../src/app/ceph_backend.ts";
import { RadosClusterApi } from "../../src/backend/ceph/cluster_api.ts";
import { acquireLease, LEASE_PREFIX, leaseKey } from "../../src/backend/ceph/lease.ts";
import { SafetyError } from "../../src/errors.ts";
import { closeAllRadosConnections, getRadosConnection } from "../../ffi/librados/mod.ts";
import {
  attachBlankDisk,
  ceph,
  type CephTestCluster,
  detachDisk,
  recordOsds,
  type TestOsd,
  withCluster,
} from "./cluster.ts";
import {
  stableOsdDump,
  testCephConfig,
  verifyChecksummedData,
  waitMapQuiet,
  writeChecksummedData,
} from "./helpers.ts";

const OP_RUNNER = new URL("./op_runner.ts", import.meta.url).pathname;

interface OsdView {
  up: boolean;
  in: boolean;
  destroyed: boolean;
  weight: number;
}

async function osdView(id: number): Promise<OsdView | null> {
  const dump = JSON.parse(await ceph(["osd", "dump", "--format", "json"])) as {
    osds: { osd: number; up: number; in: number; state: string[] }[];
  };
  const tree = JSON.parse(await ceph(["osd", "tree", "--format", "json"])) as {
    nodes: { id: number; crush_weight?: number }[];
  };
  const o = dump.osds.find((x) => x.osd === id);
  if (!o) return null;
  return {
    up: o.up === 1,
    in: o.in === 1,
    destroyed: o.state.includes("destroyed"),
    weight: tree.nodes.find((n) => n.id === id)?.crush_weight ?? 0,
  };
}

async function clusterFlags(): Promise<string[]> {
  const d = JSON.parse(await ceph(["osd", "dump", "--format", "json"])) as { flags_set: string[] };
  return d.flags_set;
}

async function bynarLeases(): Promise<string[]> {
  const keys = JSON.parse(await ceph(["config-key", "ls", "--format", "json"])) as string[];
  return keys.filter((k) => k.startsWith(LEASE_PREFIX));
}

/** Step status rows of the newest operation in a journal file. */
function journalSteps(dbPath: string): { name: string; status: string; attempts: number }[] {
  try {
    const db = new DatabaseSync(dbPath, { readOnly: true });
    try {
      db.exec("PRAGMA busy_timeout = 2000");
      return db.prepare(
        `SELECT name, status, attempts FROM backend_op_steps
         WHERE op_id = (SELECT MAX(id) FROM backend_ops) ORDER BY seq`,
      ).all() as unknown as { name: string; status: string; attempts: number }[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

function newestOpState(dbPath: string): Record<string, unknown> {
  try {
    const db = new DatabaseSync(dbPath, { readOnly: true });
    try {
      const row = db.prepare("SELECT state FROM backend_ops ORDER BY id DESC LIMIT 1").get() as
        | { state: string }
        | undefined;
      return row ? JSON.parse(row.state) : {};
    } finally {
      db.close();
    }
  } catch {
    return {};
  }
}

/**
 * Runs an operation in a subprocess; with `killWhen`, SIGKILLs it as soon as the
 * predicate holds on the journal.
 */
async function runOp(
  args: string[],
  dbPath: string,
  killWhen?: (steps: { name: string; status: string }[], state: Record<string, unknown>) => boolean,
): Promise<{ killed: boolean; output: string; code: number }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", OP_RUNNER, ...args, dbPath],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  let killed = false;
  let done = false;
  const watcher = (async () => {
    if (!killWhen) return;
    while (!done) {
      if (killWhen(journalSteps(dbPath), newestOpState(dbPath))) {
        child.kill("SIGKILL");
        killed = true;
        return;
      }
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  const out = await child.output();
  done = true;
  await watcher;
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  return { killed, output: text, code: out.code };
}

function running(name: string): (steps: { name: string; status: string }[]) => boolean {
  return (steps) => steps.some((s) => s.name === name && s.status === "running");
}

function resultOf(output: string): { outcome: string; osdId?: number; message: string } {
  const line = output.split("\n").find((l) => l.startsWith('{"result"'));
  assert.ok(line, `no result in output:\n${output.slice(-2000)}`);
  return JSON.parse(line).result;
}

async function swapDisk(c: CephTestCluster, osd: TestOsd, tag: string): Promise<TestOsd> {
  await detachDisk(osd.loop);
  const fresh = await attachBlankDisk(`osd-${osd.id}-${tag}.img`);
  const replaced = { id: osd.id, loop: fresh.loop, file: fresh.file };
  c.osds = c.osds.map((o) => (o.id === osd.id ? replaced : o));
  await recordOsds(c.osds);
  return replaced;
}

Deno.test({
  name: "ceph backend: real cluster replacement, refusals and crash resume",
  sanitizeOps: false,
  sanitizeResources: false,
}, async (t) => {
  await withCluster(async (c) => {
    const dir = await Deno.makeTempDir({ prefix: "bynar-ceph-test-" });
    const db = openDatabase(`${dir}/bynar.db`);
    const config = testCephConfig(c);
    const backend = await createCephBackend(config, { db });
    const sums = await writeChecksummedData(c, { prefix: "bynar-test", count: 48 });
    const timings: Record<string, number> = {};
    try {
      await t.step("simulate returns the plan and leaves the cluster untouched", async () => {
        await waitMapQuiet();
        const before = await stableOsdDump();
        const osd = c.osds[0]!;
        const r = await backend.remove({ path: osd.loop }, { simulate: true });
        assert.equal(r.outcome, "Success");
        assert.equal(r.osdId, osd.id);
        assert.deepEqual(r.plan.map((s) => s.name), [
          "acquire_lease",
          "set_scrub_flags",
          "osd_out",
          "wait_drained",
          "stop_daemon",
          "wait_down",
          "destroy",
          "crush_weight_zero",
          "unmount",
          "zap",
          "restore_scrub_flags",
          "release_lease",
        ]);
        assert.match(r.plan.find((s) => s.name === "destroy")!.commands[0]!, /^mgr .*osd destroy/);
        const again = await backend.add({ path: osd.loop }, { simulate: true });
        assert.equal(again.outcome, "SkipRepeat");
        const sys = await backend.add({ path: "/dev/vda" }, { simulate: true });
        assert.equal(sys.outcome, "Skipped");
        assert.deepEqual(await stableOsdDump(), before);
        assert.deepEqual(await bynarLeases(), []);
        assert.equal(backend.journal.list().length, 0);
      });

      await t.step("removal refused under noout and under host maintenance", async () => {
        const osd = c.osds[0]!;
        await ceph(["osd", "set", "noout"]);
        try {
          await assert.rejects(
            backend.remove({ path: osd.loop }),
            (e: unknown) =>
              e instanceof SafetyError && e.code === "cluster_flag_set" &&
              /noout/.test(e.message),
          );
        } finally {
          await ceph(["osd", "unset", "noout"]);
        }
        const host = Deno.hostname().split(".")[0]!;
        await ceph(["osd", "set-group", "noout", host]);
        try {
          await assert.rejects(
            backend.remove({ path: osd.loop }),
            (e: unknown) => e instanceof SafetyError && /maintenance/.test(e.message),
          );
        } finally {
          await ceph(["osd", "unset-group", "noout", host]);
        }
        const v = await osdView(osd.id);
        assert.ok(v?.up && v.in, "the OSD was not touched");
      });

      await t.step("a budget of 1 refuses a second concurrent removal", async () => {
        const rados = await getRadosConnection({ confPath: c.confPath });
        const api = new RadosClusterApi(rados);
        // Another host is removing osd.<first> right now.
        const other = c.osds[0]!;
        await acquireLease(api.keys, {
          osdId: other.id,
          holder: "other-host",
          opId: 7,
          max: 1,
          ttlSeconds: 600,
          now: Date.now(),
        });
        try {
          const safe = await backend.safeToRemove({ path: c.osds[1]!.loop });
          assert.equal(safe.safe, false);
          assert.match(safe.reason, /budget/);
          await assert.rejects(
            backend.remove({ path: c.osds[1]!.loop }),
            (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
          );
        } finally {
          await api.keys.rm(leaseKey(other.id));
        }
        const v = await osdView(c.osds[1]!.id);
        assert.ok(v?.up && v.in);
      });

      await t.step("full replacement keeps the OSD id and the data", async () => {
        const osd = c.osds[1]!;
        const safe = await backend.safeToRemove({ path: osd.loop });
        assert.equal(safe.safe, true, safe.reason);
        let t0 = performance.now();
        const removed = await backend.remove({ path: osd.loop });
        timings.remove = (performance.now() - t0) / 1000;
        assert.equal(removed.outcome, "Success");
        assert.equal(removed.osdId, osd.id);
        const gone = await osdView(osd.id);
        assert.ok(gone?.destroyed, "destroyed, id kept");
        assert.equal(gone?.weight, 0);
        assert.deepEqual(await verifyChecksummedData(c, sums), [], "data intact after removal");
        const again = await backend.remove({ path: osd.loop });
        assert.equal(again.outcome, "SkipRepeat");
        // The destroyed OSD is out for replacement until its replacement is added: with a
        // budget of 1 no other OSD may be removed meanwhile, though no lease is held.
        assert.deepEqual(await bynarLeases(), []);
        const blocked = await backend.safeToRemove({ path: c.osds[0]!.loop });
        assert.equal(blocked.safe, false);
        assert.match(blocked.reason, new RegExp(`osd\\.${osd.id} destroyed, awaiting`));
        await assert.rejects(
          backend.remove({ path: c.osds[0]!.loop }),
          (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
        );

        t0 = performance.now();
        const fresh = await swapDisk(c, osd, "r1");
        timings.swap = (performance.now() - t0) / 1000;
        t0 = performance.now();
        const added = await backend.add({ path: fresh.loop });
        timings.add = (performance.now() - t0) / 1000;
        assert.equal(added.outcome, "Success");
        assert.equal(added.osdId, osd.id, "same id");
        const v = await osdView(osd.id);
        assert.ok(v?.up && v.in && !v.destroyed);
        assert.ok(Math.abs(v!.weight - config.target_weight!) < 0.0001, `weight ${v!.weight}`);
        assert.deepEqual(await verifyChecksummedData(c, sums), [], "data intact after add");
        assert.ok(!(await clusterFlags()).includes("noscrub"), "scrub flags restored");
        assert.deepEqual(await bynarLeases(), []);
        const dup = await backend.add({ path: fresh.loop });
        assert.equal(dup.outcome, "SkipRepeat");
        const freed = await backend.safeToRemove({ path: c.osds[0]!.loop });
        assert.doesNotMatch(freed.reason, /budget/, "the replacement gave the slot back");
        for (const op of backend.journal.list()) {
          for (const s of op.steps) {
            if (s.startedAt && s.finishedAt) {
              timings[`${op.kind}.${s.name}`] =
                (Date.parse(s.finishedAt) - Date.parse(s.startedAt)) /
                1000;
            }
          }
        }
        console.log(`replacement timings (s): ${JSON.stringify(timings)}`);
      });

      await t.step("kill -9 during removal and add, each followed by a clean resume", async () => {
        const osd = c.osds[2]!;
        const kdb = `${dir}/killed.db`;
        // Removal: killed while draining.
        let r = await runOp(["remove", osd.loop], kdb, running("wait_drained"));
        assert.ok(r.killed, r.output);
        assert.equal(journalSteps(kdb).find((s) => s.name === "osd_out")?.status, "done");
        // The dead holder still holds the only removal slot: a second removal is refused.
        await assert.rejects(
          backend.remove({ path: c.osds[0]!.loop }),
          (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
        );
        // Resume, killed again right when the daemon stop starts.
        r = await runOp(["remove", osd.loop], kdb, running("stop_daemon"));
        assert.ok(r.killed, r.output);
        // Resume, killed during the zap.
        r = await runOp(["remove", osd.loop], kdb, running("zap"));
        // Final resume completes.
        r = await runOp(["remove", osd.loop], kdb);
        assert.equal(r.code, 0, r.output);
        const res = resultOf(r.output);
        assert.equal(res.outcome, "Success");
        assert.equal(res.osdId, osd.id);
        const steps = journalSteps(kdb);
        console.log(
          `removal attempts per step: ${steps.map((s) => `${s.name}=${s.attempts}`).join(" ")}`,
        );
        assert.ok(steps.every((s) => s.status === "done"), JSON.stringify(steps));
        assert.equal(steps.find((s) => s.name === "osd_out")?.attempts, 1, "out not repeated");
        assert.ok((await osdView(osd.id))?.destroyed);
        assert.deepEqual(await bynarLeases(), []);
        assert.ok(!(await clusterFlags()).includes("noscrub"));

        const fresh = await swapDisk(c, osd, "r2");
        // Add: killed in the middle of ceph-volume prepare.
        r = await runOp(["add", fresh.loop], kdb, running("prepare"));
        assert.ok(r.killed, r.output);
        // Resume, killed during the weigh-in after its first step.
        r = await runOp(["add", fresh.loop], kdb, (steps, state) =>
          running("weigh_in")(steps) &&
          ((state.weighIn as { steps?: number } | undefined)?.steps ?? 0) >= 1);
        assert.ok(r.killed, r.output);
        r = await runOp(["add", fresh.loop], kdb);
        assert.equal(r.code, 0, r.output);
        const added = resultOf(r.output);
        const addSteps = journalSteps(kdb);
        console.log(
          `add attempts per step: ${addSteps.map((s) => `${s.name}=${s.attempts}`).join(" ")}`,
        );
        assert.ok(addSteps.every((s) => s.status === "done"), JSON.stringify(addSteps));
        assert.ok(
          (addSteps.find((s) => s.name === "prepare")?.attempts ?? 0) >= 2,
          "the prepare was interrupted and resumed",
        );
        assert.equal(added.outcome, "Success");
        assert.equal(added.osdId, osd.id);
        const v = await osdView(osd.id);
        assert.ok(v?.up && v.in && !v.destroyed);
        assert.ok(Math.abs(v!.weight - config.target_weight!) < 0.0001, `weight ${v!.weight}`);
        assert.ok(!(await clusterFlags()).includes("noscrub"), "scrub flags restored");
        assert.deepEqual(await verifyChecksummedData(c, sums), []);
      });
    } finally {
      for (const f of ["noout", "noscrub", "nodeep-scrub"]) {
        await ceph(["osd", "unset", f], { allowFail: true });
      }
      for (const k of await bynarLeases().catch(() => [])) {
        await ceph(["config-key", "rm", k], { allowFail: true });
      }
      backend.close();
      db.close();
      closeAllRadosConnections();
      await Deno.remove(dir, { recursive: true });
    }
  });
});
