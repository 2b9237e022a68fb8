import assert from "node:assert/strict";
import { type AddFacts, chooseOsdId, planAdd } from "./add_plan.ts";
import { parseOsdDump, parseOsdTree, parseRawList } from "./parse.ts";
import type { PlanContext } from "./remove_plan.ts";

const FIX = new URL("../../../../shared/fixtures/ceph-pacific/", import.meta.url);
function fx(n: string): string {
  return Deno.readTextFileSync(new URL(n, FIX));
}

const CTX: PlanContext = {
  volume: { confPath: "/etc/ceph/ceph.conf" },
  daemonControl: "systemd",
  osdDataRoot: "/var/lib/ceph/osd",
  cluster: "ceph",
  drainTimeoutSeconds: 3600,
};
const CLUSTER = "38402ac3-2b11-457d-84b5-92b5ae5dcdad";

/** osd.2 destroyed (the `destroy/` recording: tree after destroy). */
function destroyedFacts(over: Partial<AddFacts> = {}): AddFacts {
  const dump = parseOsdDump(fx("destroy/09-osd-dump-baseline.json"));
  dump.osds[2]!.state = ["exists", "destroyed"];
  dump.osds[2]!.up = false;
  dump.osds[2]!.in = false;
  return {
    device: "/dev/sdd",
    systemReason: null,
    journalDevice: false,
    label: null,
    clusterFsid: CLUSTER,
    requestedId: null,
    dump,
    tree: parseOsdTree(fx("destroy/29-osd-tree-after-destroy.json")),
    host: "vm",
    walDb: { wal: null, db: null, createWalOn: null, reason: "none" },
    mode: "lvm",
    limits: { target: 1.0, increment: 0.01, backfillCap: 50, latencyCapMs: 15 },
    ...over,
  };
}

Deno.test("reuses the destroyed OSD id of this host; lvm prepare with --osd-id at weight 0", () => {
  const p = planAdd(destroyedFacts(), CTX);
  assert.equal(p.kind, "plan");
  if (p.kind !== "plan") return;
  assert.equal(p.osdId, 2);
  assert.equal(p.reuse, true);
  assert.deepEqual(p.steps.map((s) => s.name), [
    "check_device",
    "weight_zero",
    "prepare",
    "activate",
    "start_daemon",
    "wait_up",
    "clear_initial_weight",
    "set_scrub_flags",
    "weigh_in",
    "wait_clean",
    "restore_scrub_flags",
  ]);
  const cmds = Object.fromEntries(p.steps.map((s) => [s.name, s.commands]));
  assert.deepEqual(cmds.prepare, [
    "ceph-volume lvm prepare --bluestore --data /dev/sdd --osd-id 2 --osd-fsid <new uuid>",
  ]);
  assert.deepEqual(cmds.activate, ["ceph-volume lvm activate --bluestore 2 <osd fsid>"]);
  assert.deepEqual(cmds.weight_zero, [
    'mon {"prefix":"config set","who":"osd.2","name":"osd_crush_initial_weight","value":"0"}',
  ], "the destroyed item is already at weight 0 in this recording");
  assert.equal(cmds.weigh_in!.length, 7, "7 adaptive steps to 1.0 instead of 100");
});

Deno.test("the destroyed item still has weight: reweight it to 0 first", () => {
  const tree = parseOsdTree(fx("26-osd-tree-after-stop.json"));
  const f = destroyedFacts({ tree, requestedId: 1 });
  f.dump.osds[1]!.state = ["exists", "destroyed"];
  const p = planAdd(f, CTX);
  const weightZero = (p as { steps: { name: string; commands: string[] }[] }).steps[1]!;
  assert.match(weightZero.commands[0]!, /osd crush reweight.*"weight":0\.0/);
});

Deno.test("raw mode with NVMe WAL/DB from osd_config and process daemons", () => {
  const p = planAdd(
    destroyedFacts({
      mode: "raw",
      walDb: { wal: "/dev/nvme0n1p1", db: "/dev/nvme0n1p2", createWalOn: null, reason: "cfg" },
    }),
    { ...CTX, daemonControl: "process" },
  );
  const cmds = Object.fromEntries(
    (p as { steps: { name: string; commands: string[] }[] }).steps.map((s) => [s.name, s.commands]),
  );
  assert.deepEqual(cmds.prepare, [
    "ceph-volume raw prepare --bluestore --data /dev/sdd --osd-id 2 --block.wal /dev/nvme0n1p1 --block.db /dev/nvme0n1p2",
  ]);
  assert.deepEqual(cmds.activate, ["ceph-volume raw activate --device /dev/sdd --no-systemd"]);
  assert.deepEqual(cmds.start_daemon, [
    "ceph-osd --cluster ceph -c /etc/ceph/ceph.conf -i 2 --setuser ceph --setgroup ceph",
  ]);
});

Deno.test("system and journal disks are Skipped; an id in use is Skipped", () => {
  assert.equal(
    (planAdd(destroyedFacts({ systemReason: "holds /" }), CTX) as { outcome: string }).outcome,
    "Skipped",
  );
  assert.equal(
    (planAdd(destroyedFacts({ journalDevice: true }), CTX) as { outcome: string }).outcome,
    "Skipped",
  );
  const inUse = planAdd(destroyedFacts({ requestedId: 0 }), CTX);
  assert.equal((inUse as { outcome: string }).outcome, "Skipped");
  assert.match((inUse as { reason: string }).reason, /osd\.0 exists/);
});

Deno.test("a device that already is an up OSD of this cluster is SkipRepeat", () => {
  const label = parseRawList(fx("07-ceph-volume-raw-list.json"))[1]!;
  const dump = parseOsdDump(fx("09-osd-dump-baseline.json"));
  dump.osds[1]!.uuid = label.osdFsid;
  const p = planAdd(destroyedFacts({ label, dump, clusterFsid: label.clusterFsid }), CTX);
  assert.deepEqual(p, {
    kind: "skip",
    outcome: "SkipRepeat",
    reason: "already osd.1 of this cluster",
    osdId: 1,
  });
});

Deno.test("a label of another cluster or a stale label is refused", () => {
  const label = parseRawList(fx("07-ceph-volume-raw-list.json"))[1]!;
  const foreign = planAdd(destroyedFacts({ label, clusterFsid: "other" }), CTX);
  assert.equal((foreign as { code: string }).code, "foreign_osd");
  const stale = planAdd(destroyedFacts({ label }), CTX);
  assert.equal((stale as { code: string }).code, "stale_osd_label");
});

Deno.test("a prepared but stopped OSD resumes from activation", () => {
  const label = parseRawList(fx("07-ceph-volume-raw-list.json"))[1]!;
  const dump = parseOsdDump(fx("09-osd-dump-baseline.json"));
  dump.osds[1]!.uuid = label.osdFsid;
  dump.osds[1]!.up = false;
  const p = planAdd(destroyedFacts({ label, dump }), CTX);
  assert.equal((p as { resumeFromLabel: boolean }).resumeFromLabel, true);
  assert.equal((p as { steps: { name: string }[] }).steps[0]!.name, "activate");
});

Deno.test("new OSD: lowest free id when nothing is destroyed", () => {
  const dump = parseOsdDump(fx("09-osd-dump-baseline.json"));
  const tree = parseOsdTree(fx("02-osd-tree-baseline.json"));
  assert.deepEqual(chooseOsdId({ requestedId: null, dump, tree, host: "vm" }), {
    id: 3,
    reuse: false,
  });
  assert.deepEqual(chooseOsdId({ requestedId: 7, dump, tree, host: "vm" }), {
    id: 7,
    reuse: false,
  });
});

Deno.test("the plan's ceph-osd command line is the one the daemon control runs", async () => {
  const { osdDaemonArgv } = await import("./commands.ts");
  const { createDaemonControl } = await import("./daemon_control.ts");
  const ran: string[] = [];
  const control = createDaemonControl({
    kind: "process",
    runner: {
      run: (program: string, args: readonly string[]) => {
        ran.push([program, ...args].join(" "));
        return Promise.resolve({ code: 0, stdout: "", stderr: "" });
      },
    } as never,
    cluster: "ceph",
    confPath: "/etc/ceph/ceph.conf",
    runDir: "/nonexistent/bynar-test-run",
  });
  await control.start(7);
  assert.deepEqual(ran, [
    osdDaemonArgv(7, { cluster: "ceph", confPath: "/etc/ceph/ceph.conf" }).join(" "),
  ]);
});
