/**
 * Measures, on the real test cluster, the weigh-in of one OSD three ways (for
 * BENCHMARKS.md): the data movement itself (one jump 0 → target, wait active+clean), the
 * Bynar adaptive weigh-in (journaled weigh_in + wait_clean steps), and the original
 * algorithm (fixed `increment` steps, each after a 5-second `rados bench`).
 *
 * `deno run -A tests/ceph/measure_weigh_in.ts [objects=150] [--original]`
 *
 * @module
 */
import { openDatabase } from "../../src/store/db.ts";
import { BackendOpsRepo } from "../../src/store/backend_ops_repo.ts";
import { RadosClusterApi } from "../../src/backend/ceph/cluster_api.ts";
import { ADD_STEPS } from "../../src/backend/ceph/add_steps.ts";
import { runJournaled, type StepDeps } from "../../src/backend/ceph/executor.ts";
import { SYSTEM_CLOCK } from "../../src/shared/clock.ts";
import { closeAllRadosConnections, getRadosConnection } from "../../ffi/librados/mod.ts";
import { runCommand } from "../../src/process/run.ts";
import { ceph, cephJson, withCluster } from "./cluster.ts";
import { testCephConfig, writeChecksummedData } from "./helpers.ts";

const objects = Number(Deno.args.find((a) => /^\d+$/.test(a)) ?? 150);
const withOriginal = Deno.args.includes("--original");

async function waitClean(): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const s = await cephJson<
      { pg_summary: { num_pgs: number; num_pg_by_state: { name: string; num: number }[] } }
    >(
      ["pg", "stat"],
    );
    const ac = s.pg_summary.num_pg_by_state.find((x) => x.name === "active+clean")?.num ?? 0;
    if (ac === s.pg_summary.num_pgs && performance.now() - t0 > 1500) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return (performance.now() - t0) / 1000;
}

async function reweight(id: number, w: number): Promise<void> {
  await ceph(["osd", "crush", "reweight", `osd.${id}`, String(w)]);
}

await withCluster(async (c) => {
  const config = testCephConfig(c);
  const osd = c.osds[0]!;
  const target = config.target_weight ?? 1.0;
  const written = await writeChecksummedData(c, { prefix: "measure", count: objects });
  await waitClean();
  const results: Record<string, number> = {};

  // 1. The data movement itself.
  await reweight(osd.id, 0);
  await waitClean();
  let t0 = performance.now();
  await reweight(osd.id, target);
  await waitClean();
  results.dataMovementSeconds = (performance.now() - t0) / 1000;

  // 2. Bynar's adaptive weigh-in (+ final wait for active+clean).
  await reweight(osd.id, 0);
  await waitClean();
  const db = openDatabase(":memory:");
  const repo = new BackendOpsRepo(db);
  const rados = await getRadosConnection({ confPath: c.confPath });
  const api = new RadosClusterApi(rados);
  const deps = {
    api,
    repo,
    clock: SYSTEM_CLOCK,
    probePool: c.pool,
    limits: {
      target,
      increment: config.increment,
      backfillCap: config.backfill_cap,
      latencyCapMs: config.latency_cap,
    },
    weighInTimeoutSeconds: 600,
  } as unknown as StepDeps;
  const steps = ["weigh_in", "wait_clean"];
  const op = repo.create({
    backend: "ceph",
    kind: "add",
    device: osd.loop,
    deviceIdentity: null,
    osdId: osd.id,
    osdFsid: null,
    plan: [],
    stepNames: steps,
  });
  t0 = performance.now();
  const done = await runJournaled(op.id, { handlers: ADD_STEPS, deps, resumed: false });
  results.bynarWeighInSeconds = (performance.now() - t0) / 1000;
  results.bynarSteps = (done.state.weighIn as { steps: number }).steps;
  results.bynarHolds = (done.state.weighIn as { holds: number }).holds;
  console.log(`bynar: ${done.steps.map((s) => s.detail).join("; ")}`);

  // 3. The original: fixed increments, a 5 s rados bench before each step.
  if (withOriginal) {
    await reweight(osd.id, 0);
    await waitClean();
    t0 = performance.now();
    let w = 0;
    let n = 0;
    while (w < target - 0.00001) {
      await runCommand("rados", [
        "-c",
        c.confPath,
        "-p",
        c.pool,
        "bench",
        "5",
        "write",
        "-t",
        "1",
        "-b",
        "4096",
      ], {
        timeoutMs: 60_000,
      });
      w = Math.min(target, w + config.increment);
      await reweight(osd.id, w);
      n++;
    }
    await waitClean();
    results.originalSeconds = (performance.now() - t0) / 1000;
    results.originalSteps = n;
  } else {
    await waitClean();
  }
  await runCommand("rados", ["-c", c.confPath, "-p", c.pool, "cleanup"], { timeoutMs: 60_000 });
  console.log(
    JSON.stringify({ objects, target, increment: config.increment, ...results }, null, 2),
  );
  for (const name of written.keys()) await rados.remove(c.pool, name);
  db.close();
  closeAllRadosConnections();
});
