import assert from "node:assert/strict";
import { openDatabase } from "./db.ts";
import { BackendOpsRepo } from "./backend_ops_repo.ts";

function repo(): BackendOpsRepo {
  let t = Date.parse("2026-11-25T00:00:00Z");
  return new BackendOpsRepo(openDatabase(":memory:"), { now: () => new Date(t += 1000) });
}

const NEW = {
  backend: "ceph",
  kind: "remove" as const,
  device: "/dev/sdb",
  deviceIdentity: "wwn:0x5000c500a1b2c3d4",
  osdId: 3,
  osdFsid: "f00",
  plan: [{ name: "osd_out" }, { name: "zap" }],
  stepNames: ["osd_out", "zap"],
};

Deno.test("an operation is journaled step by step and finished", () => {
  const r = repo();
  const op = r.create(NEW);
  assert.equal(op.status, "running");
  assert.deepEqual(op.steps.map((s) => [s.name, s.status]), [["osd_out", "pending"], [
    "zap",
    "pending",
  ]]);
  r.stepStarted(op.id, 0);
  assert.equal(r.get(op.id)!.steps[0]!.status, "running");
  r.stepFinished(op.id, 0, { detail: "marked out osd.3." });
  r.updateState(op.id, { scrubFlagsSet: ["noscrub"] });
  r.updateState(op.id, { leaseKey: "k" }, { osdFsid: "f11" });
  const mid = r.get(op.id)!;
  assert.deepEqual(mid.state, { scrubFlagsSet: ["noscrub"], leaseKey: "k" });
  assert.equal(mid.osdFsid, "f11");
  assert.equal(mid.steps[0]!.attempts, 1);
  assert.equal(mid.steps[0]!.detail, "marked out osd.3.");
  assert.equal(r.findRunning("ceph", { kind: "remove", device: "/dev/sdb" })?.id, op.id);
  assert.equal(r.findRunning("ceph", { osdId: 3 })?.id, op.id);
  assert.equal(r.findRunning("ceph", { kind: "add", device: "/dev/sdb" }), null);
  r.recordError(op.id, "zap: boom");
  r.finish(op.id);
  const done = r.get(op.id)!;
  assert.equal(done.status, "done");
  assert.equal(done.lastError, "zap: boom");
  assert.ok(done.finishedAt);
  assert.equal(r.findRunning("ceph", { device: "/dev/sdb" }), null);
});

Deno.test("only one running operation per device", () => {
  const r = repo();
  r.create(NEW);
  assert.throws(() => r.create({ ...NEW, kind: "add" }), /UNIQUE/);
  const other = r.create({ ...NEW, device: "/dev/sdc" });
  assert.equal(r.list({ status: "running" }).length, 2);
  r.finish(other.id, "abandoned");
  assert.equal(r.list({ status: "running" }).length, 1);
});
