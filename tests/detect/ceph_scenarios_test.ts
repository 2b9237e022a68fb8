/**
 * The detector's "Also" scenarios end to end on the real Ceph test cluster
 * (tests/ceph/cluster.ts): the real disk-manager (TLS, JWT, Ceph backend with its
 * operation journal, real inventory) and the detector as a real process
 * (`detect_ceph_main.ts`: `bynar detect --once` wiring with the real state machine on the
 * test's loop device; a real failing SMART dump behind the SMART interface of the failed
 * disk), the JIRA double (Data Center) and the Slack double.
 *
 * Three replacement cycles, one OSD each:
 * 1. freeze window + manual approval + kill -9 after the ticket create, after the remove
 *    request and in the middle of the add (each followed by a restart): one ticket, one
 *    removal, one add, the OSD id kept, up+in and weighed in, the ticket commented and closed;
 * 2. a won't-do resolution with a new disk already in the slot: nothing added, reported;
 * 3. the same disk (same backing file, same slot) coming back after the removal: not a
 *    replacement.
 * The cluster is brought back to three healthy OSDs after each cycle and in `finally`.
 *
 * Run alone: `deno test -A tests/detect/ceph_scenarios_test.ts` (serialised by the cluster
 * lock).
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import type { CephBackend } from "../../src/backend/ceph/mod.ts";
import { discoverDisks } from "../../src/inventory/mod.ts";
import type { BackendOp } from "../../src/backend/ceph/journal.ts";
import { openDatabase } from "../../src/store/db.ts";
import { DetectRepo } from "../../src/store/detect_repo.ts";
import type { Workflow } from "../../src/detect/types.ts";
import { startCephDiskManager } from "../api/ceph_disk_manager.ts";
import {
  attachBlankDisk,
  cephJson,
  type CephTestCluster,
  detachDisk,
  recordOsds,
  type TestOsd,
  waitHealthy,
  withCluster,
} from "../ceph/cluster.ts";
import { attachInSlot, waitReleased } from "../ceph/slots.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { SlackDouble } from "../doubles/slack.ts";
import type { ScenarioHost } from "./detect_ceph_main.ts";

const MAIN = new URL("./detect_ceph_main.ts", import.meta.url).pathname;
const BYNAR = new URL("../../src/main.ts", import.meta.url).pathname;
/** Longest one detector run may take (a removal or an add with its weigh-in included). */
const RUN_TIMEOUT_MS = 240_000;

/** What the disk-manager side of the test offers every detector world. */
interface Manager {
  port: number;
  caPath: string;
  tokenPath: string;
  backend: CephBackend;
}

/** One detector process's result. */
interface Run {
  code: number;
  signal: Deno.Signal | null;
  stderr: string;
}

/** What a destructive action changes in the cluster: OSD states, flags, CRUSH weights. */
async function clusterView(): Promise<unknown> {
  const d = await cephJson<
    {
      flags: string;
      osds: { osd: number; up: number; in: number; weight: number; state: string[] }[];
    }
  >(["osd", "dump"]);
  const tree = await cephJson<{ nodes: { id: number; crush_weight?: number; status?: string }[] }>(
    ["osd", "tree"],
  );
  return {
    flags: d.flags,
    osds: d.osds.map((o) => [o.osd, o.up, o.in, o.weight, [...o.state].sort()]),
    crush: tree.nodes.map((n) => [n.id, n.crush_weight, n.status]),
  };
}

/** One OSD as the monitors see it. */
interface OsdView {
  up: boolean;
  in: boolean;
  destroyed: boolean;
  crushWeight: number;
}

async function osdView(id: number): Promise<OsdView | null> {
  const d = await cephJson<{ osds: { osd: number; up: number; in: number; state: string[] }[] }>(
    ["osd", "dump"],
  );
  const tree = await cephJson<{ nodes: { id: number; crush_weight?: number }[] }>(["osd", "tree"]);
  const o = d.osds.find((x) => x.osd === id);
  if (!o) return null;
  return {
    up: o.up === 1,
    in: o.in === 1,
    destroyed: o.state.includes("destroyed"),
    crushWeight: tree.nodes.find((n) => n.id === id)?.crush_weight ?? 0,
  };
}

/** The backend's journaled operations on an OSD since a time. */
function opsOf(backend: CephBackend, osdId: number, since: string): BackendOp[] {
  return backend.journal.list({ limit: 500 }).filter((op) =>
    op.osdId === osdId && op.startedAt >= since
  );
}

function step(op: BackendOp | undefined, name: string): number {
  return op?.steps.find((s) => s.name === name)?.attempts ?? -1;
}

/** The identity key of the disk at a path now. */
async function identityAt(path: string): Promise<string> {
  const [disk] = (await discoverDisks({ includeLoop: true, devices: [path] })).disks;
  assert(disk, `${path} is listed`);
  return disk.identity.key;
}

/** Swaps in a new backing file (a new identity) in the OSD's slot. */
async function swapInSlot(c: CephTestCluster, osd: TestOsd, tag: string): Promise<TestOsd> {
  await detachDisk(osd.loop);
  await waitReleased(osd.loop);
  const fresh = await attachInSlot(
    osd.loop,
    () => attachBlankDisk(`osd-${osd.id}-${tag}-${Date.now()}.img`),
  );
  const next = { id: osd.id, loop: fresh.loop, file: fresh.file };
  c.osds = c.osds.map((o) => (o.id === osd.id ? next : o));
  await recordOsds(c.osds);
  return next;
}

/**
 * Re-attaches the very backing file the harness retired on detach (same inode, so the
 * same loop identity) in the same slot: the same disk coming back.
 */
async function reattachSame(c: CephTestCluster, osd: TestOsd): Promise<void> {
  const name = osd.file.split("/").pop()!;
  const retired = `${c.stateDir}/disks/retired`;
  const found: string[] = [];
  for await (const e of Deno.readDir(retired)) {
    if (e.name.startsWith(`${name}.`)) found.push(e.name);
  }
  const latest = found.sort().at(-1);
  assert(latest, `the retired backing file of ${osd.loop} is kept in ${retired}`);
  await Deno.rename(`${retired}/${latest}`, osd.file);
  const got = await attachInSlot(osd.loop, () => attachBlankDisk(name));
  assertEquals(got.file, osd.file);
}

/** Whether the OSD's recorded backing file is attached at its recorded loop device. */
async function attached(osd: TestOsd): Promise<boolean> {
  try {
    const backing = (await Deno.readTextFile(
      `/sys/block/${osd.loop.replace("/dev/", "")}/loop/backing_file`,
    )).trim();
    return backing === osd.file || backing === await Deno.realPath(osd.file);
  } catch {
    return false;
  }
}

/**
 * Brings every OSD of the harness back up and in: a destroyed OSD is added back (its id
 * kept) on its disk, or on a new blank disk when its disk is gone.
 */
async function restoreCluster(c: CephTestCluster, backend: CephBackend): Promise<void> {
  for (const osd of [...c.osds]) {
    const v = await osdView(osd.id);
    if (!v?.destroyed) continue;
    let target = osd;
    if (!(await attached(osd))) {
      const fresh = await attachBlankDisk(`osd-${osd.id}-restore-${Date.now()}.img`);
      target = { id: osd.id, loop: fresh.loop, file: fresh.file };
      c.osds = c.osds.map((o) => (o.id === osd.id ? target : o));
      await recordOsds(c.osds);
    }
    const r = await backend.add({ path: target.loop }, { osdId: osd.id });
    assertEquals(r.osdId, osd.id, `restored osd.${osd.id}: ${r.message}`);
  }
  await waitHealthy();
}

/** A detector process world: config dir, its database, and the JIRA and Slack doubles. */
async function detectorWorld(m: Manager, approval: "auto" | "manual") {
  const dir = await Deno.makeTempDir({ prefix: "bynar-detect-scn-" });
  const jira = new JiraDouble({ flavor: "datacenter" });
  const slack = new SlackDouble();
  await Deno.writeTextFile(
    `${dir}/bynar.json`,
    JSON.stringify({
      database_path: `${dir}/bynar.db`,
      jira_host: jira.start(),
      jira_user: jira.user,
      jira_password: jira.password,
      jira_project_id: "OPS",
      jira_issue_type: "10004",
      jira_flavor: "datacenter",
      slack_webhook: slack.start(),
      manager_host: "localhost",
      manager_port: m.port,
      manager_ca_file: m.caPath,
      manager_token_file: m.tokenPath,
      operation_wait_seconds: 200,
      include_loop_devices: true,
      freeze_file: `${dir}/freeze`,
      approval,
    }),
  );
  const hostFile = `${dir}/host.json`;
  const log: string[] = [];
  return {
    dir,
    jira,
    slack,
    freeze: `${dir}/freeze`,
    /** The detector's log of every run so far (for failure messages). */
    log,
    setHost(host: ScenarioHost): Promise<void> {
      return Deno.writeTextFile(hostFile, JSON.stringify(host));
    },
    /** Runs `bynar detect --once` as a process, optionally SIGKILLed at a journal step. */
    async run(crash = ""): Promise<Run> {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "--no-check", MAIN, dir, hostFile],
        env: { BYNAR_TEST_CRASH: crash, NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
        signal: AbortSignal.timeout(RUN_TIMEOUT_MS),
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      log.push(`--- run${crash ? ` (crash ${crash})` : ""}: ${out.signal ?? out.code}`, stderr);
      return { code: out.code, signal: out.signal, stderr };
    },
    /** Runs `bynar approve <disk>` as a process. */
    async approve(disk: string): Promise<{ code: number; stdout: string; stderr: string }> {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "--no-check", BYNAR, "approve", "--config-dir", dir, disk],
        env: { NO_COLOR: "1", SUDO_USER: "alice" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const dec = new TextDecoder();
      return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
    },
    /** The workflows as the detector stored them. */
    workflows(): Workflow[] {
      const db = openDatabase(`${dir}/bynar.db`);
      try {
        return new DetectRepo(db).list();
      } finally {
        db.close();
      }
    },
    slackText(): string {
      return slack.messages.map((x) => x.text).join("\n");
    },
    async close(): Promise<void> {
      await jira.close();
      await slack.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

type World = Awaited<ReturnType<typeof detectorWorld>>;

/** Asserts a run ended normally (exit 0) or by its own SIGKILL, with the log on failure. */
function ended(w: World, r: Run, how: "ok" | "killed"): void {
  const tail = w.log.slice(-4).join("\n").slice(-6000);
  if (how === "killed") {
    assertEquals(r.signal, "SIGKILL", `expected the kill hook to fire\n${tail}`);
  } else assertEquals([r.code, r.signal], [0, null], `the detector run failed\n${tail}`);
}

function only(w: World): Workflow {
  const all = w.workflows();
  assertEquals(all.length, 1, JSON.stringify(all));
  return all[0]!;
}

Deno.test({
  name: "detect scenarios on the real cluster: kill -9 + restart, manual approval, freeze, " +
    "won't-do, same serial back",
  sanitizeOps: false,
  sanitizeResources: false,
}, async (t) => {
  await withCluster(async (c) => {
    await waitHealthy();
    const dir = await Deno.makeTempDir({ prefix: "bynar-detect-scn-dm-" });
    const { dm, db: dmDb, backend, pki, token } = await startCephDiskManager(c, dir, {
      dbFile: "dm.db",
      tokenTtlSeconds: 7200,
    });
    const tokenPath = `${dir}/token`;
    await Deno.writeTextFile(tokenPath, token);
    const m: Manager = { port: dm.addr.port, caPath: pki.caPath, tokenPath, backend };
    const worlds: World[] = [];
    const world = async (approval: "auto" | "manual"): Promise<World> => {
      const w = await detectorWorld(m, approval);
      worlds.push(w);
      return w;
    };
    try {
      // ---- Cycle 1: one OSD through freeze, manual approval and three kills. ----
      const osdA = c.osds[0]!;
      const since1 = new Date().toISOString();
      const w1 = await world("manual");
      const keyA = await identityAt(osdA.loop);
      await w1.setHost({ devices: [osdA.loop], failing: [keyA] });
      const before = await clusterView();

      await t.step(
        "freeze window: detection and the ticket go on (kill -9 after the create, before it is stored: still one ticket), nothing destructive",
        async () => {
          await Deno.writeTextFile(w1.freeze, "");
          ended(w1, await w1.run("before:^ticket OPS-1 filed"), "killed");
          assertEquals(w1.jira.issues.size, 1, "the ticket was created before the kill");
          assertEquals(only(w1).ticket, "requested", "its result was not stored");
          ended(w1, await w1.run(), "ok");
          const wf = only(w1);
          assertEquals(w1.jira.issues.size, 1, "found by its label, not filed again");
          assertEquals(w1.jira.count("POST", /\/issue$/), 1, "one create request in all");
          assertEquals([wf.ticket, wf.ticketKey], ["filed", "OPS-1"]);
          assert(wf.reasons.join(" ").includes("reallocated"), wf.reasons.join("; "));
          assertEquals(wf.removal, "pending");
          assert(wf.note.startsWith("removal deferred: frozen"), wf.note);
          const issue = w1.jira.issues.values().next().value!;
          assert(JSON.stringify(issue.comments).includes("deferred"), "the deferral is commented");
          assertEquals(opsOf(backend, osdA.id, since1), [], "no backend operation");
          assertEquals(await clusterView(), before, "osd dump unchanged");
        },
      );

      await t.step(
        "manual approval: nothing removed until `bynar approve <serial>`; a freeze still holds an approved removal",
        async () => {
          await Deno.remove(w1.freeze);
          ended(w1, await w1.run(), "ok");
          let wf = only(w1);
          assertEquals([wf.step, wf.approval, wf.removal], [
            "awaiting_approval",
            "pending",
            "pending",
          ]);
          assert(w1.jira.issues.size === 1);
          assert(
            JSON.stringify(w1.jira.issues.values().next().value!.comments).includes(
              `bynar approve ${wf.serial}`,
            ),
            "the ticket says how to approve",
          );
          assertEquals(opsOf(backend, osdA.id, since1), []);
          assertEquals(await clusterView(), before, "osd dump unchanged without approval");

          const ap = await w1.approve(wf.serial);
          assertEquals(ap.code, 0, ap.stderr);
          assert(ap.stdout.includes("Approved the removal"), ap.stdout);
          wf = only(w1);
          assertEquals([wf.approval, wf.approvedBy], ["approved", "alice"]);

          await Deno.writeTextFile(w1.freeze, "");
          ended(w1, await w1.run(), "ok");
          assertEquals(only(w1).removal, "pending", "frozen: the approved removal waits");
          assertEquals(opsOf(backend, osdA.id, since1), []);
          assertEquals(await clusterView(), before, "osd dump unchanged while frozen");
          await Deno.remove(w1.freeze);
        },
      );

      await t.step(
        "kill -9 after the remove request, before its result is stored; the restart adopts it: one removal, id kept",
        async () => {
          ended(w1, await w1.run("before:^remove started"), "killed");
          let wf = only(w1);
          assertEquals([wf.removal, wf.removeOpId], ["requested", null]);
          ended(w1, await w1.run(), "ok");
          wf = only(w1);
          assertEquals([wf.removal, wf.osdId], ["done", osdA.id], wf.note);
          const v = await osdView(osdA.id);
          assert(v?.destroyed && !v.up && !v.in, `destroyed, id kept: ${JSON.stringify(v)}`);
          const ops = opsOf(backend, osdA.id, since1);
          assertEquals(ops.map((o) => [o.kind, o.status]), [["remove", "done"]]);
          assertEquals([step(ops[0], "osd_out"), step(ops[0], "destroy")], [1, 1]);
          assertEquals(w1.jira.issues.size, 1);
        },
      );

      await t.step(
        "kill -9 in the middle of the add (request sent, not stored); the restart adopts it: one add, same id, up+in, ticket commented and closed",
        async () => {
          const wf0 = only(w1);
          const fresh = await swapInSlot(c, osdA, "scn");
          assert((await identityAt(fresh.loop)) !== keyA, "a new identity in the slot");
          w1.jira.resolve(wf0.ticketKey!, "Fixed");
          ended(w1, await w1.run("before:^add started"), "killed");
          let wf = only(w1);
          assertEquals([wf.add, wf.addOpId], ["requested", null]);
          let ops = opsOf(backend, osdA.id, since1);
          for (let i = 0; i < 100 && ops.length < 2; i++) {
            await new Promise((r) => setTimeout(r, 100));
            ops = opsOf(backend, osdA.id, since1);
          }
          assertEquals(ops.map((o) => o.kind), ["add", "remove"], "the add runs on");
          ended(w1, await w1.run(), "ok");
          wf = only(w1);
          assertEquals([wf.status, wf.outcome, wf.osdId], ["done", "replaced", osdA.id], wf.note);
          ops = opsOf(backend, osdA.id, since1);
          assertEquals(ops.map((o) => [o.kind, o.status]), [["add", "done"], ["remove", "done"]]);
          assertEquals([step(ops[1], "osd_out"), step(ops[1], "destroy")], [1, 1]);
          const v = await osdView(osdA.id);
          assert(v && v.up && v.in && !v.destroyed && v.crushWeight > 0, JSON.stringify(v));
          assertEquals(w1.jira.issues.size, 1, "exactly one ticket");
          const issue = w1.jira.issues.values().next().value!;
          assertEquals(issue.fields.status.statusCategory.key, "done");
          const comments = JSON.stringify(issue.comments);
          assert(comments.includes(`destroyed with its id kept`), "the removal is commented");
          assert(comments.includes(`added it back as osd.${osdA.id}`), "the add is commented");
          const slack = w1.slackText();
          assert(slack.includes("OPS-1") && /back in service/.test(slack), slack);
        },
      );
      await restoreCluster(c, backend);

      // ---- Cycle 2: won't-do. ----
      await t.step(
        "won't-do: the ticket resolved \"Won't Fix\" with a new disk in the slot: nothing added, workflow closed as wont_do, reported",
        async () => {
          const osdB = c.osds[1]!;
          const since = new Date().toISOString();
          const w = await world("auto");
          const keyB = await identityAt(osdB.loop);
          await w.setHost({ devices: [osdB.loop], failing: [keyB] });
          ended(w, await w.run(), "ok");
          let wf = only(w);
          assertEquals([wf.removal, wf.osdId, wf.ticket], ["done", osdB.id, "filed"], wf.note);
          assert((await osdView(osdB.id))?.destroyed, "removed, id kept");
          // A new disk is there: acting on the ticket would add it.
          const fresh = await swapInSlot(c, osdB, "wontdo");
          w.jira.resolve(wf.ticketKey!, "Won't Fix");
          ended(w, await w.run(), "ok");
          wf = only(w);
          assertEquals([wf.status, wf.outcome, wf.add], ["cancelled", "wont_do", "pending"]);
          assertEquals(wf.resolutionName, "Won't Fix");
          ended(w, await w.run(), "ok");
          assertEquals(
            opsOf(backend, osdB.id, since).map((o) => o.kind),
            ["remove"],
            "nothing added",
          );
          assert((await osdView(osdB.id))?.destroyed, "still destroyed");
          assert(await attached(fresh), "the new disk is left alone");
          assertEquals(w.jira.issues.size, 1);
          const slack = w.slackText();
          assert(slack.includes(`resolved as "Won't Fix"; not acting on it`), slack);
        },
      );
      await restoreCluster(c, backend);

      // ---- Cycle 3: the same disk comes back. ----
      await t.step(
        "same serial back in the same slot after the removal: not a replacement (closed as same_disk, nothing added)",
        async () => {
          const osdC = c.osds[2]!;
          const since = new Date().toISOString();
          const w = await world("auto");
          const keyC = await identityAt(osdC.loop);
          await w.setHost({ devices: [osdC.loop], failing: [keyC] });
          ended(w, await w.run(), "ok");
          let wf = only(w);
          assertEquals([wf.removal, wf.osdId, wf.ticket], ["done", osdC.id, "filed"], wf.note);
          await detachDisk(osdC.loop);
          await waitReleased(osdC.loop);
          ended(w, await w.run(), "ok");
          assert(only(w).vanishedSeen, "the detector saw it go");
          await reattachSame(c, osdC);
          assertEquals(await identityAt(osdC.loop), keyC, "the same identity is back");
          w.jira.resolve(wf.ticketKey!, "Fixed");
          ended(w, await w.run(), "ok");
          wf = only(w);
          assertEquals([wf.status, wf.outcome, wf.add], ["cancelled", "same_disk", "pending"]);
          assertEquals(
            opsOf(backend, osdC.id, since).map((o) => o.kind),
            ["remove"],
            "not added as a new disk",
          );
          assert((await osdView(osdC.id))?.destroyed, "still destroyed");
          assertEquals(w.jira.issues.size, 1);
          const issue = w.jira.issues.values().next().value!;
          assert(JSON.stringify(issue.comments).includes("that is not a replacement"));
          assert(w.slackText().includes("same disk"), w.slackText());
        },
      );
    } finally {
      try {
        await restoreCluster(c, backend);
      } catch (err) {
        console.error(`restoring the test cluster failed (the harness rebuilds it): ${err}`);
      }
      await dm.close();
      try {
        dmDb.close();
      } catch { /* closed by the disk-manager */ }
      if (Deno.env.get("BYNAR_TEST_VERBOSE")) {
        for (const w of worlds) console.error(w.log.join("\n"));
      }
      for (const w of worlds) await w.close();
      await Deno.remove(dir, { recursive: true });
    }
  });
});
