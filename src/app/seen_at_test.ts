import assert from "node:assert/strict";
import type { Backend } from "../backend/types.ts";
import { openDatabase } from "../store/db.ts";
import { MachineRepo } from "../store/machine_repo.ts";
import { DiskService } from "../api/disk_service.ts";
import { ApiError } from "../api/problem.ts";
import { diskLookups } from "../app/disk_manager.ts";

function observed(repo: MachineRepo, key: string, serial: string, path: string): void {
  repo.putDisk({
    diskKey: key,
    path,
    serial,
    state: "waiting_for_replacement",
    reason: "vanished",
    fsType: null,
    fsUuid: null,
    fsLabel: null,
    smartVerdict: null,
    vanished: true,
    replacedBy: null,
    holds: 0,
    updatedAt: new Date().toISOString(),
  });
}

Deno.test("seenAt: the detector's observations count, so a slot can fail a second and third time", async () => {
  const db = openDatabase(":memory:");
  try {
    // `bynar --check` saw only the first disk in /dev/loop3 …
    db.prepare(
      `INSERT INTO disks (disk_key, path, name, model, serial, wwn, by_id_path, disk_type,
         size_bytes, first_seen, last_seen, vanished_at)
       VALUES ('serial:LOOP-1', '/dev/loop3', 'loop3', NULL, 'LOOP-1', NULL, NULL, 'LOOPBACK',
         1, 't', 't', 't')`,
    ).run();
    // … the detector saw the replacements Bynar added there since.
    const repo = new MachineRepo(db);
    observed(repo, "serial:LOOP-1", "LOOP-1", "/dev/loop3");
    observed(repo, "serial:LOOP-2", "LOOP-2", "/dev/loop3");
    observed(repo, "serial:LOOP-3", "LOOP-3", "/dev/loop3");
    observed(repo, "serial:LOOP-9", "LOOP-9", "/dev/loop4");
    const seen = diskLookups(db).seenAt;
    assert.deepEqual(seen("/dev/loop3").map((s) => s.key).sort(), [
      "serial:LOOP-1",
      "serial:LOOP-2",
      "serial:LOOP-3",
    ]);
    const service = new DiskService({
      backend: {} as Backend,
      inventory: { list: () => Promise.resolve([]) },
      seenAt: seen,
    });
    const gone = { requireIdentity: true, allowAbsent: true, osdId: 2 };
    for (const id of ["serial:LOOP-2", "LOOP-3"]) {
      assert.equal((await service.resolve("/dev/loop3", id, gone)).ref.identity, id);
    }
    // Never seen in that slot (only in another one): still refused.
    await assert.rejects(
      service.resolve("/dev/loop3", "serial:LOOP-9", gone),
      (e: unknown) => e instanceof ApiError && e.status === 412,
    );
  } finally {
    db.close();
  }
});
