import assert from "node:assert/strict";
import { markdownTable, SCENARIOS, simulateFleet } from "./fleet_sim.ts";

const BASE = { seed: 7, hosts: 1000, disksPerHost: 24, afr: 0.0137, days: 365 };

Deno.test("fleet sim: deterministic for a seed, different for another", () => {
  const a = simulateFleet({ ...BASE, budget: 4 });
  assert.deepEqual(simulateFleet({ ...BASE, budget: 4 }), a);
  assert.notDeepEqual(simulateFleet({ ...BASE, seed: 8, budget: 4 }), a);
});

Deno.test("fleet sim: failures follow the AFR; slots never exceed the budget", () => {
  for (const budget of [1, 3, 8]) {
    const r = simulateFleet({ ...BASE, budget });
    // 24,000 disks × 1.37 % = 329 a year; Poisson sd ≈ 18.
    assert.ok(Math.abs(r.failures - 329) < 60, `failures ${r.failures}`);
    assert.ok(r.slotsPeak <= budget, `slots ${r.slotsPeak} > ${budget}`);
    assert.ok(r.closed <= r.failures);
  }
});

Deno.test("fleet sim: a budget of 1 cannot keep up with 1,000 × 24 disks; 8 can", () => {
  const one = simulateFleet({ ...BASE, budget: 1 });
  const eight = simulateFleet({ ...BASE, budget: 8 });
  // One slot serves one disk per (drain + replacement) ≈ 52 h: < 170 a year.
  assert.ok(one.closed < 200, `closed ${one.closed}`);
  assert.ok(one.waitingAtEnd > 50);
  assert.equal(eight.waitingAtEnd, 0);
  assert.ok(eight.waitMaxHours < 24);
});

Deno.test("fleet sim: a correlated burst adds its disks, waits, and drains away", () => {
  const calm = simulateFleet({ ...BASE, budget: 4 });
  const burst = simulateFleet({
    ...BASE,
    budget: 4,
    bursts: [{ atHour: 2400, hosts: 2, disksPerHost: 24 }],
  });
  assert.ok(burst.failures >= calm.failures + 40, `${burst.failures} vs ${calm.failures}`);
  assert.ok(burst.activePeak >= 48);
  assert.ok(burst.waitMaxHours > calm.waitMaxHours);
  assert.equal(burst.waitingAtEnd, 0);
});

Deno.test("fleet sim: the README table is the simulation's output", async () => {
  const table = markdownTable(
    SCENARIOS.map((s) => ({ name: s.name, r: simulateFleet(s.options) })),
  );
  // deno fmt aligns Markdown tables: compare cell by cell.
  const norm = (text: string) =>
    text.split("\n").filter((l) => l.startsWith("|")).map((l) =>
      l.split("|").map((c) => c.trim().replace(/^-+$/, "-")).join("|")
    ).join("\n");
  const readme = norm(await Deno.readTextFile(new URL("../README.md", import.meta.url)));
  assert.ok(
    readme.includes(norm(table)),
    "README fleet table differs: run deno run tools/fleet_sim.ts",
  );
});
