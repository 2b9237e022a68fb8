/**
 * The detector's passes as `buildDetector` (src/app/detect.ts) wires them, with in-memory
 * host and disk-manager doubles, the real SQLite repository, the real freeze-file gate and
 * the real JIRA plugin against the JIRA contract double.
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { existsSync } from "node:fs";
import { buildDetector } from "../../src/app/detect.ts";
import {
  BynarConfigSchema,
  CephConfigSchema,
  DiskManagerConfigSchema,
} from "../../src/config/schema.ts";
import type { BuiltDetector } from "../../src/detect/daemon.ts";
import { type PassDeps, runPass, scopeCheck } from "../../src/detect/pass.ts";
import { openDatabase } from "../../src/store/db.ts";
import { DetectRepo } from "../../src/store/detect_repo.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { FakeDiskManager, FakeHost, ManualClock, RecordingNotifier } from "./fakes.ts";

interface World {
  jira: JiraDouble;
  clock: ManualClock;
  host: FakeHost;
  manager: FakeDiskManager;
  notifier: RecordingNotifier;
  repo: DetectRepo;
  deps: PassDeps;
  frozen: boolean;
  stop: boolean;
  close(): Promise<void>;
}

async function world(
  options: { approval?: "auto" | "manual"; disks?: number } = {},
): Promise<World> {
  const jira = new JiraDouble({ flavor: "datacenter" });
  const url = jira.start();
  const dir = Deno.makeTempDirSync({ prefix: "bynar-pass-" });
  const freezeFile = `${dir}/freeze`;
  const config = BynarConfigSchema.parse({
    freeze_file: freezeFile,
    operation_wait_seconds: 10,
    approval: options.approval ?? "auto",
    jira_host: url,
    jira_user: jira.user,
    jira_password: jira.password,
    jira_project_id: "OPS",
    jira_issue_type: "10004",
    jira_flavor: "datacenter",
  });
  const clock = new ManualClock();
  const host = new FakeHost(clock);
  for (let i = 0; i < (options.disks ?? 1); i++) {
    host.attached.push({
      key: `serial:S${i}`,
      path: `/dev/sd${"bcdefgh"[i]}`,
      serial: `S${i}`,
      wwn: null,
      model: "ST4000",
      state: "good",
      reason: "",
    });
  }
  const manager = new FakeDiskManager(clock);
  host.attached.forEach((d, i) => manager.osds.set(d.path, i));
  const notifier = new RecordingNotifier();
  const db = openDatabase(":memory:");
  const repo = new DetectRepo(db);
  let built: BuiltDetector | null = null;
  const w: World = {
    jira,
    clock,
    host,
    manager,
    notifier,
    repo,
    get frozen(): boolean {
      return existsSync(freezeFile);
    },
    set frozen(on: boolean) {
      if (on) Deno.writeTextFileSync(freezeFile, "");
      else Deno.removeSync(freezeFile);
    },
    stop: false,
    deps: null as unknown as PassDeps,
    async close() {
      built?.dispose();
      db.close();
      await jira.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
  // The detector as `bynar detect` builds it, with the host, disk-manager, clock and Slack
  // replaced by doubles (the real JIRA plugin talks to the JIRA double).
  built = await buildDetector(
    {
      dir,
      bynar: config,
      diskManager: DiskManagerConfigSchema.parse({}),
      ceph: CephConfigSchema.parse({}),
      present: { bynar: true, diskManager: false, ceph: false },
    },
    db,
    {
      log: () => {},
      stopping: () => w.stop,
      overrides: { host, manager, clock, notifier },
    },
  );
  w.deps = built.deps;
  return w;
}

function fail(w: World, key = "serial:S0"): void {
  w.host.setState(key, "waiting_for_replacement", "SMART critical: 12 pending sectors");
}

function swapIn(w: World, path = "/dev/sdb", serial = "N1"): void {
  const old = w.host.attached.find((d) => d.path === path);
  if (old) w.host.pull(old.key);
  w.host.attached.push({
    key: `serial:${serial}`,
    path,
    serial,
    wwn: null,
    model: "ST4000",
    state: "good",
    reason: "",
  });
}

const SEARCH = /\/search$/;
const CREATE = /\/issue$/;

Deno.test("the closed loop: removal, one ticket, resolution, verified replacement, add, close", async () => {
  const w = await world();
  try {
    await runPass(w.deps);
    assertEquals(w.repo.listActive().length, 0, "a good disk opens nothing");
    fail(w);
    const p1 = await runPass(w.deps);
    assertEquals(p1.opened, 1);
    assertEquals(w.manager.removals, 1);
    assertEquals(w.jira.count("POST", CREATE), 1);
    const [issue] = [...w.jira.issues.values()];
    assert(issue!.fields.labels.includes("bynar-ceph1-s0"));
    const wf = w.repo.listActive()[0]!;
    assertEquals(wf.step, "awaiting_replacement");
    assertEquals(wf.osdId, 0);

    await runPass(w.deps);
    await runPass(w.deps);
    assertEquals(w.manager.removals, 1);
    assertEquals(w.jira.count("POST", CREATE), 1, "no second ticket");

    w.jira.resolve(issue!.key, "Fixed");
    await runPass(w.deps); // resolved, but the dead disk is still in its slot: not a replacement
    const cancelled = w.repo.get(wf.id)!;
    assertEquals(cancelled.outcome, "same_disk");
    assertEquals(w.manager.adds, 0);
    assert(issue!.comments.some((c) => JSON.stringify(c.body).includes("not a replacement")));
  } finally {
    await w.close();
  }
});

Deno.test("replacement swapped in after resolution: added with the kept id, ticket closed, B-70", async () => {
  const w = await world();
  try {
    fail(w);
    await runPass(w.deps);
    const wf = w.repo.listActive()[0]!;
    w.host.pull("serial:S0");
    await runPass(w.deps);
    assert(w.repo.get(wf.id)!.vanishedSeen);
    const [issue] = [...w.jira.issues.values()];
    w.jira.resolve(issue!.key, "Fixed");
    await runPass(w.deps); // resolved, slot empty
    assertEquals(w.repo.get(wf.id)!.note, "resolved, but no disk at /dev/sdb yet");
    swapIn(w);
    await runPass(w.deps);
    const done = w.repo.get(wf.id)!;
    assertEquals(done.status, "done");
    assertEquals(done.outcome, "replaced");
    assertEquals(
      done.resolution,
      "resolved",
      "the resolved ticket is completed in the database (B-70)",
    );
    assertEquals(done.replacementSerial, "N1");
    assertEquals(w.manager.adds, 1);
    assert(w.manager.calls.includes("Add /dev/sdb serial:N1"));
    assertEquals(w.manager.osds.get("/dev/sdb"), 0, "the kept OSD id is reused");
    assertEquals(issue!.fields.status.statusCategory.key, "done");
    assertEquals(w.notifier.kinds().filter((k) => k !== "error"), [
      "removing",
      "removed",
      "ticket_filed",
      "replaced",
      "ticket_closed",
    ]);
    await runPass(w.deps);
    assertEquals(w.manager.adds, 1, "a done workflow is not re-added every pass (B-70)");
    assertEquals(w.repo.listActive().length, 0);
  } finally {
    await w.close();
  }
});

Deno.test("ONE ticket search per pass for all open tickets", async () => {
  const w = await world({ disks: 5 });
  try {
    for (const d of w.host.attached) fail(w, d.key);
    await runPass(w.deps);
    assertEquals(w.jira.count("POST", CREATE), 5, "one ticket per disk (B-21)");
    const before = w.jira.count(undefined, SEARCH);
    const s = await runPass(w.deps);
    assertEquals(s.ticketSearches, 1);
    assertEquals(w.jira.count(undefined, SEARCH) - before, 1);
    for (const issue of w.jira.issues.values()) {
      const body = JSON.stringify(issue.fields.description);
      assertEquals(
        (body.match(/Serial: S\d/g) ?? []).length,
        1,
        "each description names only its disk",
      );
    }
  } finally {
    await w.close();
  }
});

Deno.test("crash after the removal was sent, before its id was stored: adopted, not repeated", async () => {
  const w = await world();
  try {
    fail(w);
    w.manager.opPolls = 3;
    w.manager.failAfterNext = true; // the request is carried out, the answer is lost
    await runPass(w.deps);
    const wf = w.repo.listActive()[0]!;
    assertEquals(wf.removal, "requested");
    assertEquals(wf.removeOpId, null);
    w.clock.advance(3_600_000);
    await runPass(w.deps);
    assertEquals(w.manager.ops.size, 1, "the running operation was found, not started again");
    assertEquals(w.manager.removals, 1);
    assertEquals(w.repo.get(wf.id)!.removal, "done");
  } finally {
    await w.close();
  }
});

Deno.test("crash between the journal entry and the request: the request is sent once on restart", async () => {
  const w = await world();
  try {
    fail(w);
    w.frozen = true; // open the workflow and file the ticket, no removal
    await runPass(w.deps);
    const wf = w.repo.listActive()[0]!;
    // What a kill -9 right after journaling leaves behind:
    w.repo.save({
      ...wf,
      removal: "requested",
      removeRequestedAt: new Date(w.clock.now()).toISOString(),
      step: "removing",
    }, "about to remove");
    w.frozen = false;
    await runPass(w.deps);
    assertEquals(w.manager.removals, 1);
    assertEquals(w.manager.calls.filter((c) => c.startsWith("Remove")).length, 1);
    assertEquals(w.jira.count("POST", CREATE), 1);
  } finally {
    await w.close();
  }
});

Deno.test("an ambiguous ticket create (503 after filing) never files a duplicate", async () => {
  const w = await world();
  try {
    fail(w);
    w.jira.faults.push({
      method: "POST",
      path: /\/issue$/,
      status: 503,
      afterProcessing: true,
      times: 5,
    });
    await runPass(w.deps);
    w.clock.advance(3_600_000);
    await runPass(w.deps);
    assertEquals(w.jira.issues.size, 1);
    assertEquals(w.repo.listActive()[0]!.ticket, "filed");
  } finally {
    await w.close();
  }
});

Deno.test("won't do: reported, nothing added; a later new failure gets a new ticket (B-72)", async () => {
  const w = await world();
  try {
    fail(w);
    await runPass(w.deps);
    const first = w.repo.listActive()[0]!;
    const [issue] = [...w.jira.issues.values()];
    w.jira.resolve(issue!.key, "Won't Do");
    await runPass(w.deps);
    assertEquals(w.repo.get(first.id)!.outcome, "wont_do");
    assert(w.notifier.kinds().includes("ticket_wont_do"));
    w.clock.advance(60_000);
    await runPass(w.deps);
    assertEquals(w.repo.listActive().length, 0, "still the same failure: no new ticket every pass");
    w.host.setState("serial:S0", "good");
    await runPass(w.deps);
    w.clock.advance(60_000);
    fail(w);
    await runPass(w.deps);
    const second = w.repo.listActive()[0]!;
    assertEquals(second.attempt, 2);
    assertEquals(w.jira.issues.size, 2, "the new failure has its own ticket");
  } finally {
    await w.close();
  }
});

Deno.test("manual approval: nothing removed until approved; the decision is audited", async () => {
  const w = await world({ approval: "manual" });
  try {
    fail(w);
    await runPass(w.deps);
    await runPass(w.deps);
    const wf = w.repo.listActive()[0]!;
    assertEquals(wf.step, "awaiting_approval");
    assertEquals(w.manager.removals, 0);
    assertEquals(w.jira.issues.size, 1);
    assert(w.notifier.kinds().includes("awaiting_approval"));
    w.repo.decide({
      workflowId: wf.id,
      serial: wf.serial,
      decision: "approve",
      actor: "alice",
      via: "cli",
      reason: "",
      at: new Date(w.clock.now()).toISOString(),
    });
    await runPass(w.deps);
    assertEquals(w.manager.removals, 1);
    assertEquals(w.repo.approvals()[0]!.actor, "alice");
    let refused = false;
    try {
      w.repo.decide({
        workflowId: wf.id,
        serial: wf.serial,
        decision: "approve",
        actor: "bob",
        via: "cli",
        reason: "",
        at: new Date(w.clock.now()).toISOString(),
      });
    } catch {
      refused = true;
    }
    assert(refused, "a second decision is refused");
  } finally {
    await w.close();
  }
});

Deno.test("frozen: detection and tickets continue, nothing destructive", async () => {
  const w = await world();
  try {
    w.frozen = true;
    fail(w);
    await runPass(w.deps);
    assertEquals(w.manager.calls.length, 0, "not even safe-to-remove while frozen");
    assertEquals(w.jira.issues.size, 1);
    w.frozen = false;
    await runPass(w.deps);
    assertEquals(w.manager.removals, 1);
  } finally {
    await w.close();
  }
});

Deno.test("SIGTERM: the running workflow is parked and resumed by the next process", async () => {
  const w = await world({ disks: 2 });
  try {
    fail(w, "serial:S0");
    fail(w, "serial:S1");
    let calls = 0;
    w.deps.stopping = () => ++calls > 3 || w.stop;
    await runPass(w.deps);
    const parked = w.repo.listActive();
    assertEquals(parked.length, 2);
    assert(parked.some((p) => p.ticket !== "filed"), "something was left for later");
    w.deps.stopping = () => false;
    await runPass(w.deps);
    assertEquals(w.manager.removals, 2);
    assertEquals(w.jira.issues.size, 2);
  } finally {
    await w.close();
  }
});

Deno.test("a system disk that vanishes gets no workflow, ticket or Slack message", async () => {
  const w = await world({ disks: 2 });
  try {
    w.deps.outOfScope = scopeCheck({ systemDisks: ["/dev/sdb"] });
    const logs: string[] = [];
    w.deps.log = (l) => logs.push(l);
    w.host.pull("serial:S0"); // /dev/sdb, listed in system_disks
    w.host.pull("serial:S1"); // /dev/sdc, a data disk
    const p = await runPass(w.deps);
    assertEquals(p.opened, 1);
    assertEquals(w.repo.list().map((x) => x.path), ["/dev/sdc"]);
    await runPass(w.deps);
    assertEquals(w.jira.issues.size, 1, "one ticket, for the data disk only");
    assert(!w.notifier.events.some((e) => "disk" in e && e.disk === "/dev/sdb"));
    assertEquals(logs.filter((l) => l.includes("system disk")).length, 1, "logged once");
  } finally {
    await w.close();
  }
});
