import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { CommandError, isSandboxRefusal } from "../errors.ts";
import { fakeDisk, FakeDisks, FakeFs, FakeSmart, ManualClock } from "../../tests/machine/fakes.ts";
import { openDatabase } from "../store/db.ts";
import { MachineRepo } from "../store/machine_repo.ts";
import { runMachine, type RunMachineOptions } from "./runner.ts";

function setup(disks = [fakeDisk("sdb")]) {
  const db = openDatabase(":memory:");
  const store = new MachineRepo(db);
  const fs = new FakeFs();
  const smart = new FakeSmart();
  const source = new FakeDisks(disks);
  const clock = new ManualClock(Date.parse("2026-01-01T00:00:00Z"));
  const opts = (extra: Partial<RunMachineOptions> = {}): RunMachineOptions => ({
    disks: source,
    store,
    fs,
    smart,
    clock,
    busyWaitMs: 2000,
    ...extra,
  });
  return { db, store, fs, smart, source, clock, opts };
}

const path = (r: Awaited<ReturnType<typeof runMachine>>, i = 0) =>
  r.disks[i]!.transitions.map((t) => t.to);

Deno.test("healthy unmounted filesystem: fsck, private mount, write test, good, unmounted", async () => {
  const { fs, store, opts } = setup();
  const r = await runMachine(opts());
  deepStrictEqual(path(r), ["scanned", "not_mounted", "mounted", "good"]);
  deepStrictEqual(fs.calls.map((c) => c.split(" ")[0]), [
    "fsck",
    "mountTemp",
    "writeTest",
    "releaseTemp",
  ]);
  strictEqual(fs.temps.size, 0);
  strictEqual(store.getDisk("serial:SER-sdb")!.state, "good");
  deepStrictEqual(store.listIntents(), []);
});

Deno.test("B-01: SMART failure goes to waiting_for_replacement", async () => {
  const { smart, store, fs, opts } = setup();
  smart.verdicts.set("/dev/sdb", {
    verdict: "critical",
    reasons: ["overall SMART health status is FAILING"],
  });
  const r = await runMachine(opts());
  deepStrictEqual(path(r), ["worn_out", "waiting_for_replacement"]);
  strictEqual(store.getDisk("serial:SER-sdb")!.reason.includes("FAILING"), true);
  deepStrictEqual(fs.mutations, []);
});

Deno.test("corrupt filesystem is repaired and re-checked in the same pass", async () => {
  const { fs, opts } = setup();
  fs.device("/dev/sdb", { corrupt: true });
  const r = await runMachine(opts());
  deepStrictEqual(path(r), [
    "scanned",
    "not_mounted",
    "corrupt",
    "repaired",
    "unscanned",
    "scanned",
    "not_mounted",
    "mounted",
    "good",
  ]);
});

Deno.test("unrepairable filesystem: reformat off by default -> waiting_for_replacement", async () => {
  const { fs, store, opts } = setup();
  fs.device("/dev/sdb", { corrupt: true, repairable: false });
  const r = await runMachine(opts());
  deepStrictEqual(path(r).slice(-3), ["corrupt", "repair_failed", "waiting_for_replacement"]);
  strictEqual(store.getDisk("serial:SER-sdb")!.reason.includes("allow_reformat"), true);
  strictEqual(fs.calls.some((c) => c.startsWith("reformat")), false);
});

Deno.test("reformat when allowed keeps type and UUID, then re-checks", async () => {
  const { fs, opts } = setup();
  fs.device("/dev/sdb", { corrupt: true, repairable: false });
  const r = await runMachine(opts({ allowReformat: true }));
  deepStrictEqual(path(r).slice(3, 7), ["repair_failed", "reformatted", "unscanned", "scanned"]);
  strictEqual(r.disks[0]!.finalState, "good");
  strictEqual(
    fs.calls.includes("reformat /dev/sdb ext4 0b4c1d2e-1111-2222-3333-444455556666"),
    true,
  );
});

Deno.test("reformat is refused for an OSD even when allowed", async () => {
  const { fs, opts } = setup();
  fs.device("/dev/sdb", { corrupt: true, repairable: false });
  // The backend reports the disk as an OSD only after the fs check started (e.g. a filestore OSD).
  let calls = 0;
  const r = await runMachine(opts({
    allowReformat: true,
    osd: { isOsd: () => Promise.resolve(calls++ > 0) },
  }));
  strictEqual(r.disks[0]!.finalState, "waiting_for_replacement");
  strictEqual(r.disks[0]!.reason.includes("OSD"), true);
  strictEqual(fs.calls.some((c) => c.startsWith("reformat")), false);
});

Deno.test("system disk and OSD: SMART only, nothing mounted or checked", async () => {
  const { fs, opts } = setup([
    fakeDisk("vda", { systemReason: "holds /" }),
    fakeDisk("sdc", { fsType: "ceph_bluestore" }),
  ]);
  const r = await runMachine(opts());
  deepStrictEqual(r.disks.map((d) => d.finalState), ["good", "good"]);
  deepStrictEqual(fs.calls, []);
});

Deno.test("read-only mount is detected and remounted read-write", async () => {
  const { fs, opts } = setup();
  fs.device("/dev/sdb", {
    mounts: [{ mountpoint: "/srv/data", readOnly: true, mountReadOnly: true, fsType: "ext4" }],
  });
  const r = await runMachine(opts());
  deepStrictEqual(path(r), ["scanned", "read_only", "mounted", "good"]);
  strictEqual(fs.calls.includes("remount /srv/data"), true);
});

Deno.test("a mount read-only only in Bynar's namespace (ProtectSystem) is not a disk problem", async () => {
  const { fs, opts } = setup();
  fs.device("/dev/sdb", {
    mounts: [{ mountpoint: "/srv/data", readOnly: false, mountReadOnly: true, fsType: "ext4" }],
  });
  const r = await runMachine(opts());
  deepStrictEqual(path(r), ["scanned", "good"]);
  deepStrictEqual(fs.calls.filter((c) => /remount|writeTest|fsck/.test(c)), []);
});

Deno.test("write failure on a read-write mount that turns out read-only -> remount", async () => {
  const { fs, opts } = setup();
  const d = fs.device("/dev/sdb", {
    mounts: [{ mountpoint: "/srv/data", readOnly: false, mountReadOnly: false, fsType: "ext4" }],
  });
  const origWrite = fs.writeTest.bind(fs);
  fs.writeTest = (device: string, mountpoint: string) => {
    if (!fs.calls.some((c) => c.startsWith("remount"))) d.mounts[0]!.readOnly = true; // errors=remount-ro
    return origWrite(device, mountpoint);
  };
  const r = await runMachine(opts());
  deepStrictEqual(path(r), ["scanned", "mounted", "write_failed", "read_only", "mounted", "good"]);
});

Deno.test("B-11: a filesystem corrupt again right after repair gives up in the same pass", async () => {
  const { fs, store, opts } = setup();
  fs.device("/dev/sdb", { corrupt: true });
  fs.repair = (device: string) => {
    fs.calls.push(`repair ${device}`);
    return Promise.resolve({ status: "ok", exitCode: 1, detail: "fixed (but not really)" });
  };
  const r = await runMachine(opts());
  strictEqual(r.disks[0]!.finalState, "waiting_for_replacement");
  strictEqual(fs.calls.filter((c) => c.startsWith("repair")).length, 1);
  const last = r.disks[0]!.transitions.at(-1)!;
  strictEqual(last.step, "budget");
  strictEqual(store.getDisk("serial:SER-sdb")!.reason.includes("corrupt again"), true);
});

Deno.test("B-11: repeated repairs across passes are bounded per disk", async () => {
  const { fs, clock, opts } = setup();
  for (let pass = 0; pass < 3; pass++) {
    fs.device("/dev/sdb", { corrupt: true });
    const r = await runMachine(opts());
    strictEqual(r.disks[0]!.finalState, "good", `pass ${pass}`);
    clock.advance(3600_000);
  }
  fs.device("/dev/sdb", { corrupt: true });
  const r = await runMachine(opts());
  strictEqual(r.disks[0]!.finalState, "waiting_for_replacement");
  strictEqual(r.disks[0]!.reason.includes("already repaired 3 times"), true);
});

Deno.test("B-11: a disk held (fsck cannot run) for maxHolds passes goes to replacement", async () => {
  const { fs, store, opts } = setup();
  fs.device("/dev/sdb", { fsckError: "e2fsck: Cannot continue, aborting" });
  for (let i = 1; i <= 3; i++) {
    const r = await runMachine(opts());
    strictEqual(r.disks[0]!.held, true);
    strictEqual(store.getDisk("serial:SER-sdb")!.holds, i);
    strictEqual(store.getDisk("serial:SER-sdb")!.reason.includes("Cannot continue"), true);
  }
  const r = await runMachine(opts());
  strictEqual(r.disks[0]!.finalState, "waiting_for_replacement");
  strictEqual(r.disks[0]!.reason.includes("stuck for 3 passes"), true);
});

Deno.test("an interrupted repair's device still in use holds the disk, then resumes", async () => {
  const { fs, store, opts, clock } = setup();
  const d = fs.device("/dev/sdb", { corrupt: true, holders: [4242] });
  const r = await runMachine(opts());
  strictEqual(r.disks[0]!.finalState, "corrupt");
  strictEqual(r.disks[0]!.reason.includes("in use by process(es) 4242"), true);
  strictEqual(fs.calls.some((c) => c.startsWith("repair")), false);
  strictEqual(clock.now() - Date.parse("2026-01-01T00:00:00Z") >= 2000, true);
  d.holders = [];
  const r2 = await runMachine(opts());
  strictEqual(r2.disks[0]!.startState, "corrupt");
  strictEqual(r2.disks[0]!.finalState, "good");
  strictEqual(store.getDisk("serial:SER-sdb")!.holds, 0);
});

Deno.test("vanished -> waiting_for_replacement; same serial back; new serial in slot = replaced", async () => {
  const { source, store, opts } = setup();
  await runMachine(opts());
  const original = source.disks[0]!;
  source.disks = [];
  let r = await runMachine(opts());
  deepStrictEqual(path(r), ["waiting_for_replacement"]);
  strictEqual(store.getDisk("serial:SER-sdb")!.vanished, true);
  // same disk back in another slot
  source.disks = [{ ...structuredClone(original), path: "/dev/sdd", name: "sdd" }];
  r = await runMachine(opts());
  deepStrictEqual(path(r), ["unscanned", "scanned", "not_mounted", "mounted", "good"]);
  strictEqual(r.disks[0]!.transitions[0]!.reason.includes("same disk"), true);
  // gone again, and a new disk in its slot
  source.disks = [];
  await runMachine(opts());
  source.disks = [fakeDisk("sdd", { serial: "NEW" })];
  r = await runMachine(opts());
  const old = store.getDisk("serial:SER-sdb")!;
  strictEqual(old.state, "replaced");
  strictEqual(old.replacedBy, "serial:NEW");
  strictEqual(store.getDisk("serial:NEW")!.state, "good");
  // the old disk, marked replaced, comes back (another slot): it is checked again
  source.disks = [
    fakeDisk("sdd", { serial: "NEW" }),
    { ...structuredClone(original), path: "/dev/sde", name: "sde" },
  ];
  r = await runMachine(opts());
  const back = r.disks.find((d) => d.diskKey === "serial:SER-sdb")!;
  deepStrictEqual(back.transitions.map((t) => t.to), [
    "unscanned",
    "scanned",
    "not_mounted",
    "mounted",
    "good",
  ]);
  strictEqual(back.transitions[0]!.reason.includes("marked replaced, is attached again"), true);
  strictEqual(store.getDisk("serial:SER-sdb")!.replacedBy, null);
});

Deno.test("ext4 errors recorded by the kernel: a failed write test is diagnosed corrupt", async () => {
  const { fs, opts } = setup();
  fs.device("/dev/sdb", {
    mounts: [{ mountpoint: "/srv/data", readOnly: false, mountReadOnly: false, fsType: "ext4" }],
    writable: false,
  });
  const recorded = "Filesystem ext4 on /dev/sdb mounted at /srv/data has recorded 3 errors";
  fs.fsErrors = () => Promise.resolve(recorded);
  const r = await runMachine(opts());
  deepStrictEqual(path(r).slice(0, 3), ["scanned", "mounted", "write_failed"]);
  strictEqual(r.disks[0]!.transitions[2]!.reason.includes(recorded), true);
  strictEqual(r.disks[0]!.transitions[3]!.to, "corrupt");
  strictEqual(r.disks[0]!.transitions[3]!.reason, recorded);
});

Deno.test("a --device scope does not declare other known disks vanished", async () => {
  const { source, store, opts } = setup([fakeDisk("sdb"), fakeDisk("sdc")]);
  await runMachine(opts());
  source.disks = [source.disks[0]!];
  await runMachine(opts({ scopeDevices: ["/dev/sdb"] }));
  strictEqual(store.getDisk("serial:SER-sdc")!.state, "good");
});

Deno.test("B-20: simulate runs the whole machine with no side effect and no store write", async () => {
  const { fs, store, db, opts } = setup();
  fs.device("/dev/sdb", { corrupt: true, repairable: false });
  const before = JSON.stringify(db.prepare("SELECT * FROM machine_disks").all());
  const r = await runMachine(opts({ simulate: true, allowReformat: true }));
  strictEqual(r.simulate, true);
  deepStrictEqual(path(r).slice(0, 4), ["scanned", "not_mounted", "corrupt", "repaired"]);
  strictEqual(r.disks[0]!.finalState, "good");
  deepStrictEqual(fs.mutations, []);
  strictEqual(JSON.stringify(db.prepare("SELECT * FROM machine_disks").all()), before);
  strictEqual(store.listDisks().length, 0);
  strictEqual(
    Number((db.prepare("SELECT COUNT(*) AS n FROM machine_transitions").get() as { n: number }).n),
    0,
  );
});

Deno.test("crash recovery: scratch and temp mount intents are undone before the pass", async () => {
  const { fs, store, opts } = setup();
  fs.device("/dev/sdb", {
    mounts: [{
      mountpoint: "/run/bynar/mnt/old",
      readOnly: false,
      mountReadOnly: false,
      fsType: "ext4",
    }],
  });
  fs.temps.add("/run/bynar/mnt/old");
  const base = {
    diskKey: "serial:SER-sdb",
    device: "/dev/sdb",
    detail: "",
    pid: 1,
    createdAt: "x",
  };
  store.addIntent({ ...base, kind: "temp_mount", path: "/run/bynar/mnt/old" });
  store.addIntent({ ...base, kind: "scratch", path: "/run/bynar/mnt/old/.bynar-write-test-1" });
  const r = await runMachine(opts());
  deepStrictEqual(r.recovered.map((n) => [n.intent.kind, n.closed]), [["scratch", true], [
    "temp_mount",
    true,
  ]]);
  deepStrictEqual(fs.calls.slice(0, 2), [
    "removeScratch /run/bynar/mnt/old/.bynar-write-test-1",
    "releaseTemp /run/bynar/mnt/old",
  ]);
  deepStrictEqual(store.listIntents(), []);
  strictEqual(r.disks[0]!.finalState, "good");
});

Deno.test("a failing probe holds the disk with the reason and still releases the temp mount", async () => {
  const { fs, store, opts } = setup();
  fs.writeTest = () => Promise.reject(new Error("boom"));
  const r = await runMachine(opts());
  strictEqual(r.disks[0]!.finalState, "mounted");
  strictEqual(r.disks[0]!.held, true);
  strictEqual(store.getDisk("serial:SER-sdb")!.reason, 'step "write_test" failed: boom');
  strictEqual(fs.temps.size, 0);
  deepStrictEqual(store.listIntents(), []);
});

Deno.test("a sandbox refusal of the write test is UNKNOWN: never stuck, never replacement", async () => {
  const { fs, store, opts } = setup();
  fs.device("/dev/sdb", {
    mounts: [{ mountpoint: "/srv/data", readOnly: false, mountReadOnly: false, fsType: "ext4" }],
    sandboxRefusesWrite: true,
  });
  for (let pass = 0; pass < 10; pass++) {
    const r = await runMachine(opts());
    const d = r.disks[0]!;
    strictEqual(d.finalState, "mounted", `pass ${pass}: ${d.reason}`);
    strictEqual(d.held, false);
    ok(d.unknown?.includes("Bynar's own sandbox refused it"), d.unknown ?? "");
    ok(d.unknown?.includes("not a disk fault"), d.unknown ?? "");
    ok(d.unknown?.includes("BYNAR_ALLOW_WRITE"), d.unknown ?? "");
  }
  const rec = store.getDisk("serial:SER-sdb")!;
  strictEqual(rec.holds, 0);
  strictEqual(rec.state, "mounted");
  ok(rec.reason.includes("could not run"), rec.reason);
});

Deno.test("a sandbox refusal wrapped in a CommandError (fsck not allowed to run) is UNKNOWN", async () => {
  const { fs, store, opts } = setup();
  fs.fsck = () =>
    Promise.reject(
      new CommandError(["e2fsck"], 'Cannot run "e2fsck": Requires run access to "e2fsck"', {
        cause: new Deno.errors.NotCapable(
          'Requires run access to "e2fsck", run again with the --allow-run flag',
        ),
      }),
    );
  for (let pass = 0; pass < 5; pass++) {
    const r = await runMachine(opts());
    strictEqual(r.disks[0]!.finalState, "not_mounted");
    ok(r.disks[0]!.unknown?.includes("BYNAR_ALLOW_RUN"), r.disks[0]!.unknown ?? "");
  }
  strictEqual(store.getDisk("serial:SER-sdb")!.holds, 0);
});

Deno.test("EACCES from the kernel is not a sandbox refusal", () => {
  strictEqual(
    isSandboxRefusal(
      new Deno.errors.PermissionDenied("Permission denied (os error 13): open '/x'"),
    ),
    false,
  );
  strictEqual(isSandboxRefusal(new Deno.errors.NotCapable('Requires write access to "/x"')), true);
  strictEqual(
    isSandboxRefusal(new Error("wrapped", { cause: new Deno.errors.NotCapable("Requires all") })),
    true,
  );
});
