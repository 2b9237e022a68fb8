import assert from "node:assert/strict";
import type { OsdDump, TreeOsd } from "./parse.ts";
import { planEnter, planExit } from "./host_maintenance.ts";

function osd(id: number, host: string, status = "up"): TreeOsd {
  return { id, crushWeight: 1, status, reweight: 1, deviceClass: "hdd", host };
}

function dump(over: Partial<OsdDump> = {}): OsdDump {
  return {
    fsid: "f",
    epoch: 1,
    flags: [],
    crushNodeFlags: {},
    osds: [],
    totalPgs: 64,
    ...over,
  } as OsdDump;
}

const TREE = [osd(0, "a"), osd(1, "a"), osd(2, "b"), osd(3, "b")];

Deno.test("planEnter: all the host's OSDs are checked together", () => {
  assert.deepEqual(planEnter("a", TREE, dump(), { budget: 1 }), { kind: "check", osds: [0, 1] });
});

Deno.test("planEnter: already in maintenance is idempotent", () => {
  assert.deepEqual(
    planEnter("a", TREE, dump({ crushNodeFlags: { a: ["noout"] } }), { budget: 1 }),
    { kind: "already", osds: [0, 1] },
  );
});

Deno.test("planEnter: the budget counts other hosts in maintenance and destroyed OSDs", () => {
  const other = planEnter("a", TREE, dump({ crushNodeFlags: { b: ["noout"] } }), { budget: 1 });
  assert.equal(other.kind, "refuse");
  assert.match(
    (other as { reason: string }).reason,
    /host b is in maintenance \(max_concurrent_removals 1\)/,
  );
  const destroyed = planEnter("a", [...TREE, osd(4, "b", "destroyed")], dump(), { budget: 1 });
  assert.match(
    (destroyed as { reason: string }).reason,
    /osd\.4 is destroyed awaiting its replacement/,
  );
  assert.equal(
    planEnter("a", [...TREE, osd(4, "b", "destroyed")], dump(), { budget: 2 }).kind,
    "check",
  );
});

Deno.test("planEnter: cluster-wide flags and down OSDs elsewhere refuse", () => {
  assert.match(
    (planEnter("a", TREE, dump({ flags: ["noout", "sortbitwise"] }), { budget: 1 }) as {
      reason: string;
    })
      .reason,
    /the cluster has noout set/,
  );
  const down = planEnter("a", [osd(0, "a"), osd(2, "b", "down")], dump(), { budget: 1 });
  assert.match((down as { reason: string }).reason, /osd\.2 on other hosts is down/);
  assert.deepEqual(planEnter("c", TREE, dump(), { budget: 1 }), { kind: "no_osds" });
});

Deno.test("planExit: waits for every OSD of the host to be up, then releases", () => {
  const flagged = dump({ crushNodeFlags: { a: ["noout"] } });
  assert.deepEqual(planExit("a", TREE, dump()), { kind: "not_in_maintenance" });
  const wait = planExit("a", [osd(0, "a"), osd(1, "a", "down"), osd(2, "b")], flagged);
  assert.equal(wait.kind, "wait");
  assert.match(
    (wait as { reason: string }).reason,
    /osd\.1 of a is not up yet; noout stays set for a/,
  );
  assert.deepEqual(planExit("a", TREE, flagged), { kind: "release", osds: [0, 1] });
});
