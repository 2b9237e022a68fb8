import assert from "node:assert/strict";
import { makeAtaReport, makeDisk } from "../../tests/builders/check.ts";
import { openDatabase } from "../store/db.ts";
import { DisksRepo } from "../store/disks_repo.ts";
import { MachineRepo } from "../store/machine_repo.ts";
import {
  diskLookups,
  effectiveDiskManagerConfig,
  FRONT_AUDIT_LOG,
  loadDiskManagerConfig,
} from "./disk_manager.ts";

Deno.test("diskLookups: machine state first, else the last check verdict; disks seen at a path", () => {
  const db = openDatabase(":memory:");
  try {
    const disks = new DisksRepo(db);
    const sdb = makeDisk("sdb", {
      identity: { model: "M", serial: "S1", wwn: "0x5", byIdPath: "/dev/disk/by-id/x", key: "k1" },
    });
    const sdc = makeDisk("sdc");
    const report = makeAtaReport("/dev/sdb");
    const assessment = { verdict: "warning" as const, reasons: [] };
    disks.recordPass({
      seen: [{ disk: sdb, report, assessment }, { disk: sdc, report, assessment }],
      vanished: [],
    }, new Date("2026-01-01T00:00:00Z"));
    new MachineRepo(db).putDisk({
      diskKey: sdc.identity.key,
      path: "/dev/sdc",
      serial: null,
      state: "good",
      reason: "",
      fsType: null,
      fsUuid: null,
      fsLabel: null,
      smartVerdict: null,
      vanished: false,
      replacedBy: null,
      holds: 0,
      updatedAt: "2026-01-01T00:00:00Z",
    });
    const { stateOf, seenAt } = diskLookups(db);
    assert.equal(stateOf("k1"), "warning");
    assert.equal(stateOf(sdc.identity.key), "good");
    assert.equal(stateOf("nobody"), null);
    assert.deepEqual(seenAt("/dev/disk/by-id/x"), [{ key: "k1", serial: "S1", wwn: "0x5" }]);
    assert.deepEqual(seenAt("/dev/sdb"), [{ key: "k1", serial: "S1", wwn: "0x5" }]);
    assert.deepEqual(seenAt("/dev/sdz"), []);
  } finally {
    db.close();
  }
});

Deno.test("effectiveDiskManagerConfig: --database and the front's audit default, the same at start and on SIGHUP", async () => {
  const etc = new URL("../../packaging/etc/bynar", import.meta.url).pathname;
  const loaded = await loadDiskManagerConfig(etc, { front: true });
  const opts = { databasePath: "/var/lib/bynar-front/bynar.db", front: true };
  const atStart = effectiveDiskManagerConfig(loaded, opts);
  assert.equal(atStart.bynar.database_path, "/var/lib/bynar-front/bynar.db");
  assert.notEqual(loaded.bynar.database_path, "/var/lib/bynar-front/bynar.db", "not mutated");
  // The shipped disk-manager.json names the front's own state directory.
  assert.equal(atStart.diskManager.audit_log, "/var/lib/bynar-front/audit.jsonl");
  // A reload re-reads the same files: nothing changed must compare equal.
  const reloaded = effectiveDiskManagerConfig(
    await loadDiskManagerConfig(etc, { front: true }),
    opts,
  );
  assert.equal(JSON.stringify(reloaded.bynar), JSON.stringify(atStart.bynar));
  assert.equal(JSON.stringify(reloaded.diskManager), JSON.stringify(atStart.diskManager));
  // Without audit_log the front writes its own state directory, the single process root's.
  const noAudit = { ...loaded, diskManager: { ...loaded.diskManager, audit_log: undefined } };
  assert.equal(effectiveDiskManagerConfig(noAudit, opts).diskManager.audit_log, FRONT_AUDIT_LOG);
  assert.equal(effectiveDiskManagerConfig(noAudit, {}).diskManager.audit_log, undefined);
});
