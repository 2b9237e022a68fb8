import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { DISK_STATES } from "../machine/states.ts";
import { openDatabase } from "./db.ts";
import type { MachineDiskRecord } from "../machine/records.ts";
import { MachineRepo } from "./machine_repo.ts";

function record(key: string, state: MachineDiskRecord["state"]): MachineDiskRecord {
  return {
    diskKey: key,
    path: `/dev/${key}`,
    serial: key,
    state,
    reason: `in ${state}`,
    fsType: "xfs",
    fsUuid: null,
    fsLabel: "l",
    smartVerdict: "ok",
    vanished: state === "waiting_for_replacement",
    replacedBy: null,
    holds: 2,
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

Deno.test("every state round-trips through SQLite, as disk state and in history (B-07)", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/bynar.db`;
    let db = openDatabase(path);
    let repo = new MachineRepo(db);
    DISK_STATES.forEach((s, i) => {
      repo.putDisk(record(`d${i}`, s));
      repo.recordTransition({
        diskKey: `d${i}`,
        at: "2026-01-01T00:00:01.000Z",
        from: DISK_STATES[(i + 1) % DISK_STATES.length]!,
        to: s,
        step: "test",
        reason: "r",
        durationMs: 12.4,
        passId: "p",
      }, record(`d${i}`, s));
    });
    db.close();
    db = openDatabase(path, { readOnly: true });
    repo = new MachineRepo(db);
    DISK_STATES.forEach((s, i) => {
      deepStrictEqual(repo.getDisk(`d${i}`), record(`d${i}`, s));
      const [h] = repo.history(`d${i}`);
      strictEqual(h!.to, s);
      strictEqual(h!.from, DISK_STATES[(i + 1) % DISK_STATES.length]);
      strictEqual(h!.durationMs, 12);
      strictEqual(repo.countTransitions(`d${i}`, { to: s, since: "2026-01-01T00:00:00Z" }), 1);
    });
    strictEqual(repo.listDisks().length, DISK_STATES.length);
    db.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("the schema refuses an unknown state and the intent journal works", () => {
  const db = openDatabase(":memory:");
  const repo = new MachineRepo(db);
  throws(() => repo.putDisk(record("x", "fail" as never)), /CHECK constraint/);
  const id = repo.addIntent({
    diskKey: "x",
    kind: "temp_mount",
    device: "/dev/loop9",
    path: "/run/bynar/mnt/abc",
    detail: "",
    pid: 42,
    createdAt: "2026-01-01T00:00:00Z",
  });
  deepStrictEqual(repo.listIntents().map((i) => [i.id, i.kind, i.path]), [[
    id,
    "temp_mount",
    "/run/bynar/mnt/abc",
  ]]);
  repo.removeIntent(id);
  deepStrictEqual(repo.listIntents(), []);
  db.close();
});
