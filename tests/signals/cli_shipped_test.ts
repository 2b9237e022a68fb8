/**
 * `bynar stats` and the signal evidence of `bynar disks`, AS SHIPPED (the packaged launcher
 * and its permission flags): a simulated month of outcomes (`simulate.ts`, through the real
 * pass and store) gives precision per signal and per model; a stored decision for a loop
 * device this test attaches shows in `bynar disks` with its evidence.
 *
 * Needs root (losetup) and builds the package once per tree (see tests/builders/shipped.ts).
 *
 * @module
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { openDatabase } from "../../src/store/db.ts";
import { SignalsRepo } from "../../src/store/signals_repo.ts";
import { decide, precisionReport, reading } from "../../src/signals/mod.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { simulateMonth } from "./simulate.ts";

const scratch = shippedScratchDir("signals-cli");

Deno.test("bynar stats: precision per signal and per model after a simulated month", async () => {
  const dir = await scratch;
  const path = `${dir}/month.db`;
  const db = openDatabase(path);
  const sim = await simulateMonth(db, { seed: 17, start: new Date("2026-11-01T00:00:00Z") });
  const expected = precisionReport(new SignalsRepo(db).outcomes());
  db.close();
  const cfg = ["--config-dir", `${dir}/no-config`];
  const json = await runShipped(["stats", ...cfg, "--db", path, "--format", "json"]);
  assertEquals(json.code, 0, json.stderr);
  const got = JSON.parse(json.stdout);
  assertEquals(got.precision, JSON.parse(JSON.stringify(expected)));
  assertEquals(got.precision.total, sim.tickets);
  for (const [signal, t] of Object.entries(sim.truth)) {
    const row = got.precision.bySignal.find((r: { key: string }) => r.key === signal);
    assertEquals([row.trueAlarms, row.falseAlarms], [t.trueAlarms, t.falseAlarms], signal);
  }
  const table = await runShipped(["stats", ...cfg, "--db", path]);
  assertEquals(table.code, 0, table.stderr);
  assert(table.stdout.includes(`Alarms with an outcome: ${sim.tickets}`), table.stdout);
  assert(/^kernel_io_errors\s+\d+\s+\d+\s+\d+\.\d%$/m.test(table.stdout), table.stdout);
  assert(/^ST4000NM0035\s+\d+/m.test(table.stdout), table.stdout);
  console.log(table.stdout);
  const prom = await runShipped(["stats", ...cfg, "--db", path, "--format", "prometheus"]);
  assertEquals(prom.code, 0, prom.stderr);
  assert(prom.stdout.includes('bynar_signal_precision{signal="kernel_io_errors"}'));
  const check = new Deno.Command("promtool", {
    args: ["check", "metrics"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = check.stdin.getWriter();
  await w.write(new TextEncoder().encode(prom.stdout));
  await w.close();
  const out = await check.output();
  assertEquals(out.code, 0, new TextDecoder().decode(out.stderr));
});

Deno.test("bynar stats: a database without decisions shows zero alarms", async () => {
  const dir = await scratch;
  const r = await runShipped([
    "stats",
    "--config-dir",
    `${dir}/no-config`,
    "--db",
    `${dir}/absent.db`,
  ]);
  assertEquals(r.code, 0, r.stderr);
  assert(r.stdout.includes("Alarms with an outcome: 0"), r.stdout);
});

Deno.test("bynar disks shows a disk's latest signal decision with its evidence", async () => {
  const dir = await scratch;
  const img = `${dir}/disk.img`;
  const f = await Deno.open(img, { create: true, write: true });
  await f.truncate(64 * 1024 * 1024);
  f.close();
  const att = await new Deno.Command("losetup", { args: ["-f", "--show", img] }).output();
  assertEquals(att.code, 0, new TextDecoder().decode(att.stderr));
  const loop = new TextDecoder().decode(att.stdout).trim();
  try {
    const path = `${dir}/disks.db`;
    const base = ["disks", "--config-dir", `${dir}/no-config`, "--db", path, "--include-loop"];
    const first = await runShipped([...base, "--device", loop, "--format", "json"]);
    assertEquals(first.code, 0, first.stderr);
    const key = JSON.parse(first.stdout).disks[0].identity.key as string;
    const db = openDatabase(path);
    const decision = decide(key, [
      reading("io_latency_outlier", key, {
        status: "fired",
        strength: "strong",
        value: 250,
        reason: `${loop} took 250.0 ms per I/O while its peers took 2.0 ms`,
      }),
      reading("kernel_io_errors", key, { status: "quiet", value: 0, reason: "no errors" }),
    ]);
    const id = new SignalsRepo(db).record(decision, { model: null, now: new Date() });
    new SignalsRepo(db).attachTicket(id!, "OPS-17");
    db.close();
    const r = await runShipped([...base, "--device", loop]);
    assertEquals(r.code, 0, r.stderr);
    assert(r.stdout.includes(`signals: ${key} TICKET at`), r.stdout);
    assert(r.stdout.includes("ticket OPS-17"), r.stdout);
    assert(
      r.stdout.includes(`  io_latency_outlier: fired (strong): ${loop} took 250.0 ms per I/O`),
      r.stdout,
    );
    const j = await runShipped([...base, "--device", loop, "--format", "json"]);
    assertEquals(JSON.parse(j.stdout).signals[0].fired, ["io_latency_outlier"]);
  } finally {
    await new Deno.Command("losetup", { args: ["-d", loop] }).output();
  }
});
