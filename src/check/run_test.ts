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
