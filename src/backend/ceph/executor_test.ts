import assert from "node:assert/strict";
import { openDatabase } from "../../store/db.ts";
import { BackendOpsRepo } from "../../store/backend_ops_repo.ts";
import {
  restoreScrubFlags,
  runJournaled,
  setScrubFlags,
  type StepDeps,
  type StepHandler,
} from "./executor.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import type { ClusterCommand } from "./commands.ts";
import type { OsdDump } from "./parse.ts";

/** A cluster whose only state is its flags; records every command. */
function fakeApi(flags: string[]): CephClusterApi & { sent: string[] } {
  const sent: string[] = [];
  const api = {
    sent,
    osdDump: () =>
      Promise.resolve(
        {
          fsid: "f",
          epoch: 1,
          flags: [...flags],
          crushNodeFlags: {},
          osds: [],
          totalPgs: 0,
        } as OsdDump,
      ),
    send: (c: ClusterCommand) => {
      const key = String(c.cmd.key);
      sent.push(`${c.cmd.prefix} ${key}`);
      if (c.cmd.prefix === "osd set") flags.push(key);
      if (c.cmd.prefix === "osd unset") flags.splice(flags.indexOf(key), 1);
      return Promise.resolve("");
    },
  };
  return api as unknown as CephClusterApi & { sent: string[] };
}

function deps(api: CephClusterApi): StepDeps {
  return {
    api,
    repo: new BackendOpsRepo(openDatabase(":memory:")),
    clock: { now: () => 0, sleep: () => Promise.resolve() },
  } as unknown as StepDeps;
}

function newOp(d: StepDeps, names: string[]): number {
  return d.repo.create({
    backend: "ceph",
    kind: "remove",
    device: "/dev/sdb",
    deviceIdentity: null,
    osdId: 1,
    osdFsid: null,
    plan: names.map((name) => ({ name })),
    stepNames: names,
  }).id;
}

Deno.test("a failed step leaves the operation running; the resume skips done steps", async () => {
  const d = deps(fakeApi([]));
  const calls: string[] = [];
  let fail = true;
  const handlers: Record<string, StepHandler> = {
    a: () => {
      calls.push("a");
      return Promise.resolve("a done");
    },
    b: () => {
      calls.push("b");
      if (fail) return Promise.reject(new Error("mon unreachable"));
      return Promise.resolve("b done");
    },
    c: () => {
      calls.push("c");
      return Promise.resolve("c done");
    },
  };
  const id = newOp(d, ["a", "b", "c"]);
  await assert.rejects(runJournaled(id, { handlers, deps: d, resumed: false }), /mon unreachable/);
  const mid = d.repo.get(id)!;
  assert.equal(mid.status, "running");
  assert.equal(mid.lastError, "b: mon unreachable");
  assert.deepEqual(mid.steps.map((s) => s.status), ["done", "failed", "pending"]);
  fail = false;
  const done = await runJournaled(id, { handlers, deps: d, resumed: true });
  assert.equal(done.status, "done");
  assert.deepEqual(calls, ["a", "b", "b", "c"], "a is not repeated");
  assert.deepEqual(done.steps.map((s) => s.attempts), [1, 2, 1]);
});

Deno.test("scrub flags: recorded before setting, restored on error, re-set on resume", async () => {
  const flags = ["sortbitwise"];
  const api = fakeApi(flags);
  const d = deps(api);
  let fail = true;
  const handlers: Record<string, StepHandler> = {
    set_scrub_flags: (run) => setScrubFlags(run, ["noscrub", "nodeep-scrub"]),
    work: () => (fail ? Promise.reject(new Error("drain timed out")) : Promise.resolve("ok")),
    restore_scrub_flags: (run) => restoreScrubFlags(run),
  };
  const id = newOp(d, ["set_scrub_flags", "work", "restore_scrub_flags"]);
  const opts = {
    rerunOnResume: ["set_scrub_flags"],
    onError: async (run: Parameters<StepHandler>[0]) => void await restoreScrubFlags(run),
  };
  await assert.rejects(runJournaled(id, { ...opts, handlers, deps: d, resumed: false }));
  assert.deepEqual(flags, ["sortbitwise"], "restored after the error");
  fail = false;
  await runJournaled(id, { ...opts, handlers, deps: d, resumed: true });
  assert.deepEqual(flags, ["sortbitwise"]);
  assert.deepEqual(api.sent, [
    "osd set noscrub",
    "osd set nodeep-scrub",
    "osd unset noscrub",
    "osd unset nodeep-scrub",
    "osd set noscrub",
    "osd set nodeep-scrub",
    "osd unset noscrub",
    "osd unset nodeep-scrub",
  ]);
});

Deno.test("flags an operator set before are left alone", async () => {
  const flags = ["noscrub"];
  const api = fakeApi(flags);
  const d = deps(api);
  const id = newOp(d, ["set_scrub_flags", "restore_scrub_flags"]);
  await runJournaled(id, {
    handlers: {
      set_scrub_flags: (run) => setScrubFlags(run, ["noscrub", "nodeep-scrub"]),
      restore_scrub_flags: (run) => restoreScrubFlags(run),
    },
    deps: d,
    resumed: false,
  });
  assert.deepEqual(flags, ["noscrub"]);
  assert.deepEqual(api.sent, ["osd set nodeep-scrub", "osd unset nodeep-scrub"]);
});
