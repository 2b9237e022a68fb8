import assert from "node:assert/strict";
import type { Assessment, SmartReport } from "../smart/model.ts";
import { unavailableReport } from "../smart/model.ts";
import { openDatabase } from "../store/db.ts";
import { DisksRepo } from "../store/disks_repo.ts";
import type { BlockDisk } from "../inventory/model.ts";
import { type CheckDeps, overallStatus, runCheck, unexpectedReadOnly } from "./run.ts";
import { makeAtaReport, makeDisk, makeMount, TEST_HOST } from "../../tests/builders/check.ts";

/** A tiny policy for these tests: critical when status fails, warning on raw 5 > 0. */
function testAssess(r: SmartReport): Assessment {
  if (r.source === "none") {
    return { verdict: "unknown", reasons: [r.unavailableReason ?? "no SMART"] };
  }
  if (r.smartStatusGood === false) {
    return { verdict: "critical", reasons: ["SMART overall status is FAILING"] };
  }
  const realloc = r.attributes.find((a) => a.id === 5)?.raw ?? 0;
  if (realloc > 0) return { verdict: "warning", reasons: [`Reallocated_Sector_Ct raw ${realloc}`] };
  return { verdict: "ok", reasons: [] };
}

function deps(
  disks: BlockDisk[],
  reports: Record<string, SmartReport | Error>,
  repo: DisksRepo | null,
  now = new Date("2026-11-25T10:00:00Z"),
): CheckDeps {
  return {
    discover: () =>
      Promise.resolve({
        disks,
        skipped: [{ name: "loop0", path: "/dev/loop0", reason: "loop device" }],
      }),
    readSmart: (d) => {
      const r = reports[d.path];
      return r instanceof Error
        ? Promise.reject(r)
        : Promise.resolve(r ?? unavailableReport(d.path, "virtio"));
    },
    assess: testAssess,
    host: () => Promise.resolve(TEST_HOST),
    declaredReadOnly: () => Promise.resolve(new Set(["/mnt/expected-ro"])),
    store: repo
      ? { knownDisks: () => repo.list(), recordPass: (p, t) => repo.recordPass(p, t) }
      : null,
    now: () => now,
  };
}

Deno.test("runCheck: healthy disks and a disk without SMART are OK", async () => {
  const r = await runCheck(deps([makeDisk("sda"), makeDisk("vda", { type: "VIRTUAL" })], {
    "/dev/sda": makeAtaReport("/dev/sda", [{ id: 5, raw: 0 }]),
  }, null));
  assert.equal(r.status, "OK");
  assert.equal(r.disks.find((d) => d.disk.name === "vda")?.verdict, "unknown");
  assert.match(r.summary, /2 disks checked, 1 without SMART/);
  assert.equal(r.skipped.length, 1);
});

Deno.test("runCheck: SMART the sandbox kept Bynar from reading makes the check UNKNOWN, never OK", async () => {
  const refused = {
    ...unavailableReport(
      "/dev/sda",
      'SMART is not available for "/dev/sda": smartctl: Requires run access',
    ),
    configurationProblem: "Bynar configuration problem, not a disk fault: … Fix: …",
  };
  const r = await runCheck(deps([makeDisk("sda"), makeDisk("vda", { type: "VIRTUAL" })], {
    "/dev/sda": refused,
  }, null));
  assert.equal(r.status, "UNKNOWN");
  assert.deepEqual(r.problems, [
    "/dev/sda: Bynar configuration problem, not a disk fault: … Fix: …",
  ]);
  assert.equal(r.disks[0]!.verdict, "unknown", "never counted as a disk fault");
});

Deno.test("runCheck: the worst disk decides; a SMART read error is a verdict, not a crash", async () => {
  const r = await runCheck(deps([makeDisk("sda"), makeDisk("sdb"), makeDisk("sdc")], {
    "/dev/sda": makeAtaReport("/dev/sda", [{ id: 5, raw: 3 }]),
    "/dev/sdb": makeAtaReport("/dev/sdb", [], false),
    "/dev/sdc": new Error("device busy"),
  }, null));
  assert.equal(r.status, "CRITICAL");
  assert.equal(r.disks[0]!.verdict, "warning");
  assert.equal(r.disks[1]!.verdict, "critical");
  assert.equal(r.disks[2]!.verdict, "unknown");
  assert.match(r.disks[2]!.reasons[0]!, /Cannot read SMART: device busy/);
});

Deno.test("runCheck: an unexpected read-only filesystem is critical, an fstab ro one is not", async () => {
  const ro = makeDisk("sdd", {
    partitions: [{
      name: "sdd1",
      path: "/dev/sdd1",
      devno: "8:49",
      number: 1,
      start: 2048,
      sizeBytes: 1 << 30,
      fs: { type: "ext4", uuid: "u", label: null },
      mounts: [makeMount("/data/d", { readOnly: true })],
    }],
  });
  const expected = makeDisk("sde", { mounts: [makeMount("/mnt/expected-ro", { readOnly: true })] });
  const iso = makeDisk("sr9", {
    mounts: [makeMount("/media/cd", { readOnly: true, fsType: "iso9660" })],
  });
  const r = await runCheck(deps([ro, expected, iso], {
    "/dev/sdd": makeAtaReport("/dev/sdd"),
    "/dev/sde": makeAtaReport("/dev/sde"),
    "/dev/sr9": makeAtaReport("/dev/sr9"),
  }, null));
  assert.equal(r.status, "CRITICAL");
  assert.equal(r.disks[0]!.verdict, "critical");
  assert.match(r.disks[0]!.reasons[0]!, /ext4 on \/dev\/sdd1 is mounted read-only at \/data\/d/);
  assert.equal(r.disks[1]!.verdict, "ok");
  assert.equal(r.disks[2]!.verdict, "ok");
  assert.deepEqual(unexpectedReadOnly(expected, new Set()), [
    "Filesystem ext4 on /dev/sde is mounted read-only at /mnt/expected-ro but /etc/fstab does not declare it read-only (errors may have forced a remount)",
  ]);
});

Deno.test("runCheck: history is recorded and a vanished disk turns the check CRITICAL", async () => {
  const db = openDatabase(":memory:");
  const repo = new DisksRepo(db);
  const a = makeDisk("sda");
  const b = makeDisk("sdb");
  const first = await runCheck(deps([a, b], {
    "/dev/sda": makeAtaReport("/dev/sda"),
    "/dev/sdb": makeAtaReport("/dev/sdb", [{ id: 5, raw: 7 }]),
  }, repo));
  assert.equal(first.status, "WARNING");
  assert.equal(repo.list().length, 2);
  assert.equal(repo.history("serial:SER-sdb")[0]!.verdict, "warning");

  const second = await runCheck(
    deps([a], { "/dev/sda": makeAtaReport("/dev/sda") }, repo, new Date("2026-11-25T11:00:00Z")),
  );
  assert.equal(second.status, "CRITICAL");
  assert.deepEqual(second.vanished.map((v) => v.diskKey), ["serial:SER-sdb"]);
  assert.equal(repo.get("serial:SER-sdb")!.vanishedAt, "2026-11-25T11:00:00.000Z");

  // restricting the check to one device does not report others as vanished
  const scoped = await runCheck(deps([a], { "/dev/sda": makeAtaReport("/dev/sda") }, repo), {
    onlyPaths: ["/dev/sda"],
  });
  assert.equal(scoped.status, "OK");

  // the disk comes back: no longer vanished
  const back = await runCheck(
    deps(
      [a, b],
      { "/dev/sda": makeAtaReport("/dev/sda"), "/dev/sdb": makeAtaReport("/dev/sdb") },
      repo,
    ),
  );
  assert.equal(back.status, "OK");
  assert.equal(repo.get("serial:SER-sdb")!.vanishedAt, null);
  db.close();
});

Deno.test("overallStatus: check problems alone give UNKNOWN, disk findings win", () => {
  assert.equal(overallStatus([], [], ["db"]), "UNKNOWN");
  assert.equal(overallStatus([], [], []), "OK");
});

function lifecycleDeps(
  disks: BlockDisk[],
  repo: DisksRepo,
  now: Date,
  kernel: Record<string, { fsErrors?: string[]; ioErrors?: number | null }> = {},
): CheckDeps {
  const base = deps(disks, {}, repo, now);
  return {
    ...base,
    kernelErrors: (d) =>
      Promise.resolve({
        fsErrors: kernel[d.path]?.fsErrors ?? [],
        ioErrors: kernel[d.path]?.ioErrors ?? null,
      }),
    store: {
      knownDisks: () => repo.list(),
      retired: () => repo.retired(),
      recordPass: (p, t) => repo.recordPass(p, t),
    },
  };
}

Deno.test("runCheck: a vanished disk is CRITICAL until a new disk sits in its slot", async () => {
  const repo = new DisksRepo(openDatabase(":memory:"));
  const t = (h: number) => new Date(Date.UTC(2026, 10, 25, h));
  const old = makeDisk("nvme0n1");
  await runCheck(lifecycleDeps([old], repo, t(1)));
  let r = await runCheck(lifecycleDeps([], repo, t(2)));
  assert.equal(r.status, "CRITICAL");
  assert.deepEqual(r.vanished.map((v) => v.serial), ["SER-nvme0n1"]);
  r = await runCheck(lifecycleDeps([], repo, t(3)));
  assert.equal(r.status, "CRITICAL"); // still gone, still reported
  const fresh = makeDisk("nvme0n1", {
    identity: { ...old.identity, serial: "NEW", key: "serial:NEW" },
  });
  r = await runCheck(lifecycleDeps([fresh], repo, t(4)));
  assert.equal(r.status, "OK", JSON.stringify(r.vanished));
  r = await runCheck(lifecycleDeps([fresh], repo, t(5)));
  assert.equal(r.status, "OK", "and on every later check");
});

Deno.test("runCheck: a forgotten disk is not reported; when it comes back it is checked", async () => {
  const repo = new DisksRepo(openDatabase(":memory:"));
  const t = (h: number) => new Date(Date.UTC(2026, 10, 25, h));
  const a = makeDisk("sdb");
  await runCheck(lifecycleDeps([a], repo, t(1)));
  assert.equal((await runCheck(lifecycleDeps([], repo, t(2)))).status, "CRITICAL");
  repo.forget(a.identity.key, { actor: "alice", reason: "RMA 123", now: t(3) });
  assert.equal((await runCheck(lifecycleDeps([], repo, t(4)))).status, "OK");
  assert.deepEqual(repo.acknowledgements().map((x) => [x.actor, x.reason, x.at]), [
    ["alice", "RMA 123", t(3).toISOString()],
  ]);
  // back: checked (and its verdict counts), and no longer forgotten
  const r = await runCheck(lifecycleDeps([a], repo, t(5), { "/dev/sdb": { fsErrors: ["bad"] } }));
  assert.equal(r.status, "CRITICAL");
  assert.equal(repo.get(a.identity.key)!.forgottenAt, null);
  assert.equal((await runCheck(lifecycleDeps([], repo, t(6)))).status, "CRITICAL");
});

Deno.test("runCheck: a disk the state machine marked replaced is not reported", async () => {
  const db = openDatabase(":memory:");
  const repo = new DisksRepo(db);
  const t = (h: number) => new Date(Date.UTC(2026, 10, 25, h));
  await runCheck(lifecycleDeps([makeDisk("sdb")], repo, t(1)));
  db.prepare(
    `INSERT INTO machine_disks (disk_key, path, serial, state, reason, vanished, holds, updated_at)
     VALUES ('serial:SER-sdb', '/dev/sdb', 'SER-sdb', 'replaced', 'replaced by serial:X at /dev/sdc', 1, 0, 'x')`,
  ).run();
  assert.equal((await runCheck(lifecycleDeps([], repo, t(2)))).status, "OK");
});

Deno.test("runCheck: ext4 errors are CRITICAL; new SCSI I/O errors since the last check WARNING", async () => {
  const repo = new DisksRepo(openDatabase(":memory:"));
  const t = (h: number) => new Date(Date.UTC(2026, 10, 25, h));
  const a = makeDisk("sdb");
  let r = await runCheck(lifecycleDeps([a], repo, t(1), { "/dev/sdb": { ioErrors: 2 } }));
  assert.equal(r.status, "OK", "no earlier count: no delta");
  r = await runCheck(lifecycleDeps([a], repo, t(2), { "/dev/sdb": { ioErrors: 5 } }));
  assert.equal(r.status, "OK", "3 failed commands: what SMART tools cause");
  r = await runCheck(lifecycleDeps([a], repo, t(3), { "/dev/sdb": { ioErrors: 17 } }));
  assert.equal(r.status, "WARNING");
  assert.match(r.disks[0]!.reasons.join(" "), /failed 12 I\/O commands since the last check/);
  r = await runCheck(lifecycleDeps([a], repo, t(4), { "/dev/sdb": { ioErrors: 17 } }));
  assert.equal(r.status, "OK");
  r = await runCheck(
    lifecycleDeps([a], repo, t(5), { "/dev/sdb": { fsErrors: ["Filesystem ext4 on /dev/sdb1"] } }),
  );
  assert.equal(r.status, "CRITICAL");
  assert.deepEqual(r.disks[0]!.reasons, ["virtio", "Filesystem ext4 on /dev/sdb1"]);
});

Deno.test("runCheck: a sandbox refusal reading kernel records is UNKNOWN, not a disk fault", async () => {
  const base = deps([makeDisk("sdb")], {
    "/dev/sdb": makeAtaReport("/dev/sdb", [{ id: 5, raw: 0 }]),
  }, null);
  const r = await runCheck({
    ...base,
    kernelErrors: () =>
      Promise.reject(new Deno.errors.NotCapable('Requires read access to "/sys/fs/ext4/sdb"')),
  });
  assert.equal(r.status, "UNKNOWN");
  assert.equal(r.disks[0]!.verdict, "ok");
  assert.match(r.problems.join(" "), /Bynar's own sandbox refused it.*not a disk fault/);
});

Deno.test("runCheck: a sandbox refusal reading SMART is UNKNOWN with the fix, never OK", async () => {
  const r = await runCheck(deps([makeDisk("sdb")], {
    "/dev/sdb": new Deno.errors.NotCapable(
      'Requires run access to "/usr/local/sbin/smartctl", run again with the --allow-run flag',
    ),
  }, null));
  assert.equal(r.status, "UNKNOWN");
  assert.match(r.problems.join(" "), /BYNAR_ALLOW_RUN/);
});

Deno.test("runCheck: failed commands caused by Bynar's own SMART reads never count as disk I/O errors", async () => {
  const repo = new DisksRepo(openDatabase(":memory:"));
  const t = (h: number) => new Date(Date.UTC(2026, 10, 25, h));
  const a = makeDisk("sdb");
  // Every SMART read makes the disk refuse one command (e.g. an ATA PASS-THROUGH a SCSI
  // disk does not take): the counter rises during each check, never between them.
  let count = 7;
  const check = (h: number) => {
    const d = lifecycleDeps([a], repo, t(h));
    return runCheck({
      ...d,
      kernelErrors: () => Promise.resolve({ fsErrors: [], ioErrors: count }),
      readSmart: (disk) => {
        count += 10; // a SCSI disk refusing the ATA pass-through reader's commands (+9 seen)
        return d.readSmart(disk);
      },
    });
  };
  for (const h of [1, 2, 3, 4]) {
    const r = await check(h);
    assert.equal(r.status, "OK", `check ${h}: ${r.disks[0]!.reasons.join("; ")}`);
  }
  // Real errors between two checks still show, and only those.
  count += 12;
  const r = await check(5);
  assert.equal(r.status, "WARNING");
  assert.match(r.disks[0]!.reasons.join(" "), /failed 12 I\/O commands since the last check/);
});
