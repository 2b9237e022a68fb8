import assert from "node:assert/strict";
import { CephConfigSchema } from "../../config/schema.ts";
import { openDatabase } from "../../store/db.ts";
import { BackendOpsRepo } from "../../store/backend_ops_repo.ts";
import { SafetyError } from "../../errors.ts";
import { CephBackend, FACTS_REUSE_MS, previousCrushWeight } from "./backend.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import type { CephHost } from "./host.ts";
import type { OsdDaemonControl } from "./daemon_control.ts";
import { type ClusterCommand, commandJson, type ProgramCall, renderCommand } from "./commands.ts";
import type { OsdDump, OsdMetadata, TreeOsd, VolumeOsd } from "./parse.ts";

const CLUSTER = "c1";

/** A tiny in-memory cluster: one host "h1", OSDs 0..2 on /dev/sdb..sdd. */
function world(configOver: Record<string, unknown> = {}) {
  const osds = [0, 1, 2].map((id) => ({
    id,
    uuid: `u${id}`,
    up: true,
    in: true,
    state: ["exists", "up"],
  }));
  const weights = new Map([[0, 1], [1, 1], [2, 1]]);
  const flags: string[] = ["sortbitwise"];
  const keys = new Map<string, string>();
  const sent: string[] = [];
  const execs: string[] = [];
  const devices: Record<string, { identity: string; label: VolumeOsd | null }> = {};
  ["/dev/sdb", "/dev/sdc", "/dev/sdd"].forEach((path, id) => {
    devices[path] = {
      identity: `wwn:${id}`,
      label: { osdId: id, osdFsid: `u${id}`, clusterFsid: CLUSTER, devices: [path], mode: "lvm" },
    };
  });
  const dump = (): OsdDump => ({
    fsid: CLUSTER,
    epoch: 1,
    flags: [...flags],
    crushNodeFlags: {},
    osds: osds.map((o) => ({ ...o, state: [...o.state] })),
    totalPgs: 8,
  });
  const api: CephClusterApi = {
    fsid: () => CLUSTER,
    version: () => Promise.resolve({ major: 16, minor: 2, patch: 15, release: "pacific" }),
    osdDump: () => Promise.resolve(dump()),
    osdTree: () =>
      Promise.resolve(osds.map((o): TreeOsd => ({
        id: o.id,
        crushWeight: weights.get(o.id) ?? 0,
        status: o.state.includes("destroyed") ? "destroyed" : o.up ? "up" : "down",
        reweight: o.in ? 1 : 0,
        deviceClass: "hdd",
        host: "h1",
      }))),
    pgStat: () =>
      Promise.resolve({
        numPgs: 8,
        byState: { "active+clean": 8 },
        backfilling: 0,
        activeClean: 8,
        numBytes: 0,
      }),
    safeToDestroy: (id) =>
      Promise.resolve({
        safe: osds.find((o) => o.id === id)!.in ? [] : [id],
        active: [],
        missingStats: [],
        storedPgs: [],
      }),
    pgsOnOsd: (id) => Promise.resolve(osds.find((o) => o.id === id)!.in ? ["active+clean"] : []),
    okToStop: () => Promise.resolve({ ok: true, reason: "" }),
    osdMetadata: () => Promise.resolve([]),
    health: () => Promise.resolve("HEALTH_OK"),
    pools: () => Promise.resolve(["rbd"]),
    send: (c: ClusterCommand) => {
      sent.push(commandJson(c));
      const id = Number(String(c.cmd.ids ?? [c.cmd.name ?? ""]).replace(/\D/g, ""));
      if (c.cmd.prefix === "osd out") osds[id]!.in = false;
      if (c.cmd.prefix === "osd set") flags.push(String(c.cmd.key));
      if (c.cmd.prefix === "osd unset") flags.splice(flags.indexOf(String(c.cmd.key)), 1);
      if (c.cmd.prefix === "osd crush reweight") weights.set(id, Number(c.cmd.weight));
      return Promise.resolve("");
    },
    destroy: (id) => {
      sent.push(`destroy ${id}`);
      osds[id]!.state = ["exists", "destroyed"];
      return Promise.resolve(`destroyed osd.${id}`);
    },
    confGet: () => "",
    probeLatency: () => Promise.resolve(1),
    keys: {
      dump: (prefix) =>
        Promise.resolve(Object.fromEntries([...keys].filter(([k]) => k.startsWith(prefix)))),
      set: (k, v) => Promise.resolve(void keys.set(k, v)),
      rm: (k) => Promise.resolve(void keys.delete(k)),
    },
  };
  const host: CephHost = {
    hostname: () => "h1",
    identity: (d) => Promise.resolve(devices[d]?.identity ?? null),
    present: (d) => Promise.resolve(!!devices[d]),
    systemReason: (d) => Promise.resolve(d === "/dev/sda" ? "holds /" : null),
    assertNotSystemDisk: (d) =>
      d === "/dev/sda"
        ? Promise.reject(new SafetyError("system_disk", "system"))
        : Promise.resolve(),
    label: (d) => Promise.resolve(devices[d]?.label ?? null),
    listOsds: () =>
      Promise.resolve(Object.values(devices).flatMap((d) => (d.label ? [d.label] : []))),
    isMounted: () => Promise.resolve(false),
    unmount: () => Promise.resolve(),
    exec: (call: ProgramCall) => {
      execs.push(renderCommand(call));
      const dev = call.args.at(-1)!;
      if (call.args.includes("zap") && devices[dev]) devices[dev]!.label = null;
      return Promise.resolve("");
    },
    devNumbers: () => Promise.resolve([]),
    partitionCount: () => 0,
    partitionNumbers: () => [],
    nodeExists: () => false,
    resolveLink: () => null,
    waitForVolumeIdle: () => Promise.resolve(),
  };
  const daemons: OsdDaemonControl = {
    kind: "systemd",
    stop: (id) => {
      osds[id]!.up = false;
      return Promise.resolve();
    },
    start: (id) => {
      osds[id]!.up = true;
      return Promise.resolve();
    },
    isRunning: (id) => Promise.resolve(osds[id]!.up),
  };
  const repo = new BackendOpsRepo(openDatabase(":memory:"));
  const backend = new CephBackend({
    config: CephConfigSchema.parse({
      system_disks: [{ device: "/dev/sda" }],
      osd_create_mode: "lvm",
      ...configOver,
    }),
    api,
    host,
    daemons,
    repo,
    clock: { now: () => 1_000_000, sleep: () => Promise.resolve() },
    osdDataRoot: "/nonexistent/bynar-test/osd",
  });
  return { backend, sent, execs, devices, osds, flags, keys, repo, daemons, api, host };
}

Deno.test("simulate: the exact plan with no command, no program, no journal row", async () => {
  const w = world();
  const r = await w.backend.remove({ path: "/dev/sdc" }, { simulate: true });
  assert.equal(r.outcome, "Success");
  assert.equal(r.plan.length, 12);
  const a = await w.backend.add({ path: "/dev/sdc" }, { simulate: true });
  assert.equal(a.outcome, "SkipRepeat");
  assert.deepEqual(w.sent, []);
  assert.deepEqual(w.execs, []);
  assert.equal(w.repo.list().length, 0);
  assert.equal(w.keys.size, 0);
});

Deno.test("system disks are Skipped without being read", async () => {
  const w = world();
  assert.equal((await w.backend.remove({ path: "/dev/sda" })).outcome, "Skipped");
  assert.equal((await w.backend.add({ path: "/dev/sda" })).outcome, "Skipped");
  assert.deepEqual(w.execs, []);
});

Deno.test("a removal runs every step once, keeps the id, restores flags, frees the slot", async () => {
  const w = world();
  const progress: string[] = [];
  const r = await w.backend.remove({ path: "/dev/sdc" }, {
    onProgress: (p) => progress.push(p.step),
  });
  assert.equal(r.outcome, "Success");
  assert.equal(r.osdId, 1);
  assert.deepEqual(w.osds[1]!.state, ["exists", "destroyed"]);
  assert.deepEqual(w.flags, ["sortbitwise"]);
  assert.equal(w.keys.size, 0);
  assert.deepEqual(w.execs, ["ceph-volume lvm zap --destroy /dev/sdc"]);
  assert.ok(!w.sent.some((c) => c.includes("purge")));
  assert.ok(progress.includes("wait_drained"));
  assert.equal((await w.backend.remove({ path: "/dev/sdc" })).outcome, "SkipRepeat");
});

Deno.test("a disk swapped mid-removal: the zap is refused, before and after resume", async () => {
  const w = world();
  const stop = w.daemons.stop;
  w.daemons.stop = async (id) => {
    await stop(id);
    // Someone pulls the disk and another one appears under the same name.
    w.devices["/dev/sdc"] = {
      identity: "wwn:other",
      label: { osdId: 9, osdFsid: "u9", clusterFsid: CLUSTER, devices: ["/dev/sdc"], mode: "lvm" },
    };
  };
  await assert.rejects(
    w.backend.remove({ path: "/dev/sdc" }),
    (e: unknown) =>
      e instanceof SafetyError && e.code === "device_changed" && /wwn:other/.test(e.message),
  );
  assert.deepEqual(w.execs, [], "nothing was zapped");
  const op = w.repo.list()[0]!;
  assert.equal(op.status, "running");
  assert.equal(op.steps.find((s) => s.name === "destroy")!.status, "done");
  assert.deepEqual(w.flags, ["sortbitwise"], "scrub flags restored after the error");
  await assert.rejects(w.backend.remove({ path: "/dev/sdc" }), /device_changed|is now wwn:other/);
  assert.deepEqual(w.execs, []);
  assert.equal(w.repo.get(op.id)!.steps.find((s) => s.name === "destroy")!.attempts, 1);
});

Deno.test("the caller's expected identity must match the device", async () => {
  const w = world();
  await assert.rejects(
    w.backend.remove({ path: "/dev/sdc", identity: "wwn:somethingelse" }),
    (e: unknown) => e instanceof SafetyError && e.code === "device_changed",
  );
  assert.deepEqual(w.sent, []);
});

Deno.test("refusals: noout, and a removal slot held by another host", async () => {
  const w = world();
  w.flags.push("noout");
  await assert.rejects(w.backend.remove({ path: "/dev/sdc" }), /noout/);
  w.flags.pop();
  w.keys.set(
    "bynar/removal-lease/osd.0",
    JSON.stringify({ osd_id: 0, holder: "h2", acquired_at: 1, expires_at: 2_000_000 }),
  );
  await assert.rejects(
    w.backend.remove({ path: "/dev/sdc" }),
    (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
  );
  const safe = await w.backend.safeToRemove({ path: "/dev/sdc" });
  assert.equal(safe.safe, false);
  assert.deepEqual(w.sent, []);
});

Deno.test("two concurrent operations on one device in one process: the second is refused", async () => {
  const w = world();
  const first = w.backend.remove({ path: "/dev/sdc" });
  await assert.rejects(
    w.backend.add({ path: "/dev/sdc" }),
    (e: unknown) => e instanceof SafetyError && e.code === "operation_in_progress",
  );
  assert.equal((await first).outcome, "Success");
});

function metadataOf(w: ReturnType<typeof world>): OsdMetadata[] {
  return ["/dev/sdb", "/dev/sdc", "/dev/sdd"].map((path, id) => ({
    id,
    hostname: "h1.example",
    devicePath: path,
    objectstore: "bluestore",
    devices: [path.slice(5)],
    deviceIds: [],
  })).filter((m) => w.osds.some((o) => o.id === m.id));
}

function withMetadata(w: ReturnType<typeof world>, meta: OsdMetadata[]): void {
  w.api.osdMetadata = () => Promise.resolve(meta);
}

Deno.test("B-24: a vanished disk's OSD is found from metadata and destroyed, nothing zapped", async () => {
  const w = world();
  withMetadata(w, metadataOf(w));
  // The disk died: its daemon is gone and the kernel dropped the device.
  w.osds[1]!.up = false;
  delete w.devices["/dev/sdc"];
  const safe = await w.backend.safeToRemove({ path: "/dev/sdc", identity: "wwn:1" });
  assert.equal(safe.outcome, "Success");
  assert.equal(safe.safe, true, safe.reason);
  assert.equal(safe.osdId, 1);
  const sim = await w.backend.remove({ path: "/dev/sdc", identity: "wwn:1" }, { simulate: true });
  assert.ok(!sim.plan.some((s) => s.name === "zap"), "no zap of a device that is gone");
  assert.ok(sim.plan.some((s) => s.name === "stop_daemon"));
  const r = await w.backend.remove({ path: "/dev/sdc", identity: "wwn:1" });
  assert.equal(r.outcome, "Success");
  assert.equal(r.osdId, 1);
  assert.deepEqual(w.osds[1]!.state, ["exists", "destroyed"], "destroyed, id kept");
  assert.deepEqual(w.execs, []);
  assert.equal(w.keys.size, 0, "lease released");
  assert.equal(w.repo.list()[0]!.deviceIdentity, "wwn:1", "the caller's identity is recorded");
  const again = await w.backend.remove({ path: "/dev/sdc", identity: "wwn:1", osdId: 1 });
  assert.equal(again.outcome, "SkipRepeat");
  // The empty slot shows as the destroyed OSD awaiting a replacement.
  const slot = (await w.backend.listDisks()).find((d) => d.path === "/dev/sdc");
  assert.deepEqual(slot?.role, { kind: "osd", osdId: 1, up: false, in: false, destroyed: true });
});

Deno.test("B-24: the caller's OSD id must be this host's OSD of that device", async () => {
  const w = world();
  const meta = metadataOf(w);
  meta[2]!.hostname = "h2";
  withMetadata(w, meta);
  delete w.devices["/dev/sdc"];
  await assert.rejects(
    w.backend.remove({ path: "/dev/sdc", identity: "wwn:1", osdId: 0 }),
    (e: unknown) => e instanceof SafetyError && e.code === "osd_mismatch",
  );
  await assert.rejects(
    w.backend.safeToRemove({ path: "/dev/sdc", identity: "wwn:1", osdId: 2 }),
    (e: unknown) => e instanceof SafetyError && e.code === "osd_not_here",
  );
  // A present disk carrying another OSD than the caller names is refused too.
  await assert.rejects(
    w.backend.remove({ path: "/dev/sdb", identity: "wwn:0", osdId: 1 }),
    (e: unknown) => e instanceof SafetyError && e.code === "osd_mismatch",
  );
  assert.deepEqual(w.sent, []);
});

Deno.test("B-24: a blank disk already in the vanished disk's bay is never touched; the dead OSD is still removed by its metadata", async () => {
  const w = world();
  withMetadata(w, metadataOf(w));
  w.osds[1]!.up = false;
  w.devices["/dev/sdc"] = { identity: "wwn:new", label: null };
  const r = await w.backend.remove({ path: "/dev/sdc", identity: "wwn:1", osdId: 1 });
  assert.equal(r.osdId, 1, r.message);
  assert.ok(w.osds[1]!.state.includes("destroyed"), "destroyed, id kept");
  assert.deepEqual(w.execs, [], "nothing ran on the new disk (no zap, no ceph-volume)");
  assert.equal(w.repo.list()[0]!.state.crushWeight, 1, "the old CRUSH weight is recorded");
  assert.ok(!w.sent.some((c) => c.includes("sdc")), w.sent.join("\n"));
});

Deno.test("B-24: a different disk carrying an OSD label at the path is refused (device_changed)", async () => {
  const w = world();
  withMetadata(w, metadataOf(w));
  w.devices["/dev/sdd"]!.identity = "wwn:other";
  await assert.rejects(
    w.backend.remove({ path: "/dev/sdd", identity: "wwn:2" }),
    (e: unknown) => e instanceof SafetyError && e.code === "device_changed",
  );
  assert.deepEqual(w.execs, []);
  assert.deepEqual(w.sent, []);
});

Deno.test("budget: a destroyed OSD awaiting its replacement uses the removal slot", async () => {
  const w = world();
  w.osds[0]!.state = ["exists", "destroyed"];
  w.osds[0]!.up = false;
  const safe = await w.backend.safeToRemove({ path: "/dev/sdc" });
  assert.equal(safe.safe, false);
  assert.match(safe.reason, /osd\.0 destroyed, awaiting its replacement/);
  await assert.rejects(
    w.backend.remove({ path: "/dev/sdc" }),
    (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
  );
  assert.deepEqual(w.sent, []);
});

Deno.test("WAL partition on a journal device: simulated, recorded, deleted last, once", async () => {
  const w = world({ journal_devices: [{ device: "/dev/nvme0n1" }] });
  w.devices["/dev/nvme0n1"] = { identity: "wwn:nv", label: null };
  const meta = metadataOf(w);
  meta[1]!.walPath = "/dev/nvme0n1p3";
  withMetadata(w, meta);
  const uuid = "35fb13a8-3f41-4e7c-89a6-d5cc48276a62";
  let deleted = false;
  w.host.exec = (call: ProgramCall) => {
    w.execs.push(renderCommand(call));
    if (call.program === "sgdisk" && call.args[0] === "--info=3") {
      return Promise.resolve(
        deleted
          ? "Partition #3 does not exist.\n"
          : `Partition GUID code: 5CE17FCE-4087-4169-B7FF-056CC58473F9 (Unknown)\nPartition unique GUID: ${uuid.toUpperCase()}\nPartition name: 'ceph_wal'\n`,
      );
    }
    if (call.program === "sgdisk" && call.args[0] === "--delete=3") deleted = true;
    if (call.args.includes("zap")) w.devices[call.args.at(-1)!]!.label = null;
    return Promise.resolve("");
  };
  const sim = await w.backend.remove({ path: "/dev/sdc" }, { simulate: true });
  const step = sim.plan.at(-1)!;
  assert.equal(step.name, "remove_wal_partition");
  assert.deepEqual(step.commands, [
    "partx -d --nr 3 /dev/nvme0n1",
    "sgdisk --delete=3 /dev/nvme0n1",
  ]);
  assert.deepEqual(w.execs, ["sgdisk --info=3 /dev/nvme0n1"], "simulate only reads the GPT");
  assert.equal(w.repo.list().length, 0);
  w.execs.length = 0;
  const r = await w.backend.remove({ path: "/dev/sdc" });
  assert.equal(r.outcome, "Success");
  assert.deepEqual(w.repo.list()[0]!.state.walPartition, {
    path: "/dev/nvme0n1p3",
    disk: "/dev/nvme0n1",
    number: 3,
    partUuid: uuid,
  });
  assert.equal(w.execs.filter((e) => e === "sgdisk --delete=3 /dev/nvme0n1").length, 1);
  assert.ok(w.execs.includes("ceph-volume lvm zap --destroy /dev/sdc"), w.execs.join("; "));
  assert.ok(
    w.execs.indexOf("sgdisk --delete=3 /dev/nvme0n1") >
      w.execs.indexOf("ceph-volume lvm zap --destroy /dev/sdc"),
    w.execs.join("; "),
  );
  assert.match(r.plan.at(-1)!.description, /deleted \/dev\/nvme0n1p3/);
});

Deno.test("previousCrushWeight: the weight Bynar recorded at removal, else the destroyed OSD's CRUSH weight", () => {
  const tree = [{ id: 2, crushWeight: 0 }, { id: 3, crushWeight: 3.6 }] as never;
  const ops = [
    { kind: "add", osdId: 2, state: { target: 9 } },
    { kind: "remove", osdId: 2, state: { crushWeight: 0.0049 } },
    { kind: "remove", osdId: 2, state: { crushWeight: 7 } },
  ];
  assert.equal(previousCrushWeight(2, { ops, tree }), 0.0049, "the latest removal");
  assert.equal(previousCrushWeight(3, { ops, tree }), 3.6, "still in the CRUSH map");
  assert.equal(previousCrushWeight(4, { ops, tree }), null);
  assert.equal(previousCrushWeight(2, { ops: [], tree }), null, "0 is not a weight to restore");
});

/** Counts the reads one fact gathering makes: device labels (ceph-volume list) and the tree. */
function counting(w: ReturnType<typeof world>): { label: number; tree: number } {
  const n = { label: 0, tree: 0 };
  const label = w.host.label.bind(w.host);
  w.host.label = (d, mode) => (n.label++, label(d, mode));
  const tree = w.api.osdTree.bind(w.api);
  w.api.osdTree = () => (n.tree++, tree());
  return n;
}

Deno.test("one /remove gathers its facts once: safeToRemove then remove read the label and tree once", async () => {
  const w = world();
  const n = counting(w);
  // The API's simulated /remove: safety check, then the plan.
  assert.equal((await w.backend.safeToRemove({ path: "/dev/sdc" })).safe, true);
  const sim = await w.backend.remove({ path: "/dev/sdc" }, { simulate: true });
  assert.equal(sim.outcome, "Success");
  assert.deepEqual(n, { label: 1, tree: 1 });
  // The API's real /remove: safety check, then the removal (counted when its first step starts).
  n.label = 0;
  n.tree = 0;
  let atFirstStep: { label: number; tree: number } | null = null;
  assert.equal((await w.backend.safeToRemove({ path: "/dev/sdc" })).safe, true);
  const r = await w.backend.remove({ path: "/dev/sdc" }, {
    onProgress: () => void (atFirstStep ??= { ...n }),
  });
  assert.equal(r.outcome, "Success", r.message);
  assert.deepEqual(atFirstStep, { label: 1, tree: 1 });
});

Deno.test("facts of a safety check are not reused for another disk, twice, or when old", async () => {
  const w = world();
  const n = counting(w);
  await w.backend.safeToRemove({ path: "/dev/sdc" });
  await w.backend.remove({ path: "/dev/sdd" }, { simulate: true });
  assert.equal(n.tree, 2, "another disk gathers its own facts");
  await w.backend.remove({ path: "/dev/sdc" }, { simulate: true });
  await w.backend.remove({ path: "/dev/sdc" }, { simulate: true });
  assert.equal(n.tree, 3, "taken once, then gathered again");
  let now = 1_000_000;
  const backend = new CephBackend({
    config: CephConfigSchema.parse({ system_disks: [{ device: "/dev/sda" }] }),
    api: w.api,
    host: w.host,
    daemons: w.daemons,
    repo: w.repo,
    clock: { now: () => now, sleep: () => Promise.resolve() },
    osdDataRoot: "/nonexistent/bynar-test/osd",
  });
  await backend.safeToRemove({ path: "/dev/sdc" });
  now += FACTS_REUSE_MS + 1;
  await backend.remove({ path: "/dev/sdc" }, { simulate: true });
  assert.equal(n.tree, 5, "older than FACTS_REUSE_MS: gathered again");
});

Deno.test("failure domains: ok-to-stop is asked for the draining SET; failure_domain host refuses a second OSD of the host", async () => {
  const w = world({ max_concurrent_removals: 3 });
  const asked: number[][] = [];
  w.api.okToStop = (ids) => {
    asked.push([...ids]);
    return Promise.resolve({ ok: false, reason: "3 PGs would become inactive" });
  };
  // osd.0 is being drained by this host's other removal (a live lease).
  w.keys.set(
    "bynar/removal-lease/osd.0",
    JSON.stringify({ osd_id: 0, holder: "h1", op_id: 1, acquired_at: 0, expires_at: 9e15 }),
  );
  const safe = await w.backend.safeToRemove({ path: "/dev/sdc" });
  assert.deepEqual(asked, [[0, 1]]);
  assert.equal(safe.safe, false);
  assert.match(safe.reason, /osd\.0, osd\.1 together: 3 PGs would become inactive/);

  // With failure_domain "host", the budget of host h1 (1) is used by osd.0 already.
  const d = world({ max_concurrent_removals: 3, failure_domain: "host" });
  d.api.osdTree = async () =>
    (await w.api.osdTree()).map((o) => ({ ...o, buckets: { host: "h1", root: "default" } }));
  d.keys.set(
    "bynar/removal-lease/osd.0",
    JSON.stringify({ osd_id: 0, holder: "h1", op_id: 1, acquired_at: 0, expires_at: 9e15 }),
  );
  const refused = await d.backend.safeToRemove({ path: "/dev/sdc" });
  assert.equal(refused.safe, false);
  assert.match(refused.reason, /removal budget exhausted in failure domain host "h1"/);
  await assert.rejects(
    d.backend.remove({ path: "/dev/sdc" }),
    (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
  );
});
