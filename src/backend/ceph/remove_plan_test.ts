import assert from "node:assert/strict";
import { blockingReasons, type PlanContext, planRemove, type RemoveFacts } from "./remove_plan.ts";
import { type OsdDump, parseOsdDump } from "./parse.ts";

const FIX = new URL("../../../../shared/fixtures/ceph-pacific/", import.meta.url);
function dump(): OsdDump {
  return parseOsdDump(Deno.readTextFileSync(new URL("09-osd-dump-baseline.json", FIX)));
}

const CTX: PlanContext = {
  volume: { confPath: "/etc/ceph/ceph.conf" },
  daemonControl: "systemd",
  osdDataRoot: "/var/lib/ceph/osd",
  cluster: "ceph",
  drainTimeoutSeconds: 3600,
};

function facts(over: Partial<RemoveFacts> = {}): RemoveFacts {
  return {
    device: "/dev/loop1",
    systemReason: null,
    journalDevice: false,
    osd: { id: 1, fsid: "50ba02e7-a4df-47c9-ba67-2ae973622c6e" },
    host: "vm",
    dump: dump(),
    dataDirMounted: true,
    deviceLabelled: true,
    budgetRefusal: null,
    ...over,
  };
}

Deno.test("plan: out, drain, stop, destroy (mgr, id kept), weight 0, unmount, zap", () => {
  const p = planRemove(facts(), CTX);
  assert.equal(p.kind, "plan");
  if (p.kind !== "plan") return;
  assert.deepEqual(p.steps.map((s) => s.name), [
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
  const cmds = Object.fromEntries(p.steps.map((s) => [s.name, s.commands]));
  assert.deepEqual(cmds.osd_out, ['mon {"prefix":"osd out","ids":["1"]}']);
  assert.deepEqual(cmds.destroy, [
    'mgr {"prefix":"osd destroy","id":1,"yes_i_really_mean_it":true}',
  ]);
  assert.deepEqual(cmds.crush_weight_zero, [
    'mon {"prefix":"osd crush reweight","name":"osd.1","weight":0.0}',
  ]);
  assert.deepEqual(cmds.stop_daemon, ["systemctl stop ceph-osd@1.service"]);
  assert.deepEqual(cmds.zap, ["ceph-volume lvm zap --destroy /dev/loop1"]);
  assert.equal(p.steps.find((s) => s.name === "wait_drained")!.expectedWaitSeconds, 3600);
  assert.ok(!JSON.stringify(p).includes("purge"), "never purges");
});

Deno.test("refuses under noout/norebalance/nobackfill/norecover/pause", () => {
  for (const flag of ["noout", "norebalance", "nobackfill", "norecover", "pauserd"]) {
    const d = dump();
    d.flags.push(flag);
    const p = planRemove(facts({ dump: d }), CTX);
    assert.equal(p.kind, "refuse", flag);
    assert.match((p as { reason: string }).reason, new RegExp(flag));
  }
});

Deno.test("refuses when the host is in maintenance or the OSD has noout", () => {
  const d = dump();
  d.crushNodeFlags = { vm: ["noout"] };
  const p = planRemove(facts({ dump: d }), CTX);
  assert.match((p as { reason: string }).reason, /host "vm" is in maintenance/);
  const d2 = dump();
  d2.osds[1]!.state.push("noout");
  assert.deepEqual(blockingReasons(d2, d2.osds[1], "vm"), ["osd.1 has flag(s) noout"]);
});

Deno.test("refuses when the removal budget is exhausted", () => {
  const p = planRemove(facts({ budgetRefusal: "removal budget exhausted: 1 of 1" }), CTX);
  assert.deepEqual(p, {
    kind: "refuse",
    code: "removal_budget_exhausted",
    reason: "removal budget exhausted: 1 of 1",
  });
});

Deno.test("system and journal disks are Skipped; a removed OSD is SkipRepeat", () => {
  assert.equal(
    (planRemove(facts({ systemReason: "holds /" }), CTX) as { outcome: string }).outcome,
    "Skipped",
  );
  assert.equal(
    (planRemove(facts({ journalDevice: true }), CTX) as { outcome: string }).outcome,
    "Skipped",
  );
  assert.equal(
    (planRemove(facts({ osd: null }), CTX) as { outcome: string }).outcome,
    "SkipRepeat",
  );
  const d = dump();
  d.osds[1]!.state = ["exists", "destroyed"];
  d.osds[1]!.up = false;
  const done = planRemove(facts({ dump: d, deviceLabelled: false, dataDirMounted: false }), CTX);
  assert.equal((done as { outcome: string }).outcome, "SkipRepeat");
});

Deno.test("a destroyed OSD whose device was not zapped yet: only unmount and zap", () => {
  const d = dump();
  d.osds[1]!.state = ["exists", "destroyed"];
  d.flags.push("noout"); // flags do not matter any more: no data moves
  const p = planRemove(facts({ dump: d }), { ...CTX, daemonControl: "process" });
  assert.deepEqual((p as { steps: { name: string }[] }).steps.map((s) => s.name), [
    "unmount",
    "zap",
  ]);
});

const UUID = "35fb13a8-3f41-4e7c-89a6-d5cc48276a62";
const JOURNALS = {
  journal_devices: [{ device: "/dev/nvme0n1" }],
  osd_config: [{ is_lvm: true, dev_path: "/dev/loop1", journal_path: "/dev/sdj2" }],
};

Deno.test("WAL on a configured journal device: deleted last, after its PARTUUID check", () => {
  const p = planRemove(
    facts({ wal: { path: "/dev/nvme0n1p3", partUuid: UUID }, journals: JOURNALS }),
    CTX,
  );
  assert.equal(p.kind, "plan");
  if (p.kind !== "plan") return;
  const last = p.steps.at(-1)!;
  assert.equal(last.name, "remove_wal_partition");
  assert.deepEqual(last.commands, [
    "partx -d --nr 3 /dev/nvme0n1",
    "sgdisk --delete=3 /dev/nvme0n1",
  ]);
  assert.match(last.description, new RegExp(`PARTUUID ${UUID}`));
  assert.deepEqual(p.walPartition, {
    path: "/dev/nvme0n1p3",
    disk: "/dev/nvme0n1",
    number: 3,
    partUuid: UUID,
  });
  // Also when the OSD was destroyed by an earlier run: unmount, zap, then the WAL.
  const d = dump();
  d.osds[1]!.state = ["exists", "destroyed"];
  const later = planRemove(
    facts({ dump: d, wal: { path: "/dev/nvme0n1p3", partUuid: UUID }, journals: JOURNALS }),
    CTX,
  );
  assert.deepEqual((later as { steps: { name: string }[] }).steps.map((s) => s.name), [
    "unmount",
    "zap",
    "remove_wal_partition",
  ]);
});

Deno.test("WAL from osd_config.journal_path is kept; no WAL → no step", () => {
  const kept = planRemove(
    facts({ wal: { path: "/dev/sdj2", partUuid: UUID }, journals: JOURNALS }),
    CTX,
  );
  assert.equal(kept.kind, "plan");
  if (kept.kind !== "plan") return;
  assert.ok(!kept.steps.some((s) => s.name === "remove_wal_partition"));
  assert.equal(kept.walPartition, undefined);
  assert.deepEqual(kept.wal, {
    action: "keep",
    path: "/dev/sdj2",
    reason: "given in osd_config; kept for reuse",
  });
  const none = planRemove(facts({ wal: null, journals: JOURNALS }), CTX);
  assert.ok(
    !(none as { steps: { name: string }[] }).steps.some((s) => s.name === "remove_wal_partition"),
  );
  assert.equal((none as { wal: { action: string } }).wal.action, "none");
});
