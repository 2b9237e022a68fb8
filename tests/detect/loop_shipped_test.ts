/**
 * The closed loop as an operator lives it, on the real Ceph test cluster, AS SHIPPED: the
 * disk-manager and the detector are the packaged launcher (`tests/builders/shipped.ts`,
 * packaged permission flags) with configuration files as the README writes them, the STOCK
 * detector (no SMART override: a loop device is judged by its type, as `--check` does), the
 * JIRA (Data Center) and Slack doubles. The lab fails a disk the way it can: its OSD is
 * killed and its loop device detached.
 *
 * One slot fails three times in a row. Each time: detection → removal (id kept, the old
 * CRUSH weight recorded) → ONE ticket → a technician puts a new disk in the slot and
 * resolves the ticket → the replacement is verified (stock SMART chain) → added with the
 * same OSD id → weighed in to the old weight → ticket commented and closed → HEALTH_OK →
 * checksums intact. During the second removal the test makes Ceph answer "not yet" (new
 * pools: `EAGAIN … pgs have unknown state`) and the removal absorbs it. The detector signs
 * its own 20-second tokens (manager_token_key_file) and runs for minutes without a 401.
 *
 * The timeline (seconds per phase) and per-failure counts (tickets, JIRA requests, Slack
 * messages) are printed as one JSON line prefixed `LOOP-TIMELINE`.
 *
 * Run alone: `deno test -A tests/detect/loop_shipped_test.ts` (serialised by the cluster
 * lock; ≈ 3–4 min).
 *
 * @module
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { getRadosConnection } from "../../ffi/librados/mod.ts";
import { generateLocalKey } from "../../src/api/local_tokens.ts";
import { discoverDisks } from "../../src/inventory/mod.ts";
import type { Workflow } from "../../src/detect/types.ts";
import { DetectRepo } from "../../src/store/detect_repo.ts";
import { makeTestPki } from "../api/pki.ts";
import { runShipped, shippedArgv, shippedScratchDir } from "../builders/shipped.ts";
import {
  attachBlankDisk,
  cephJson,
  type CephTestCluster,
  detachDisk,
  killOsd,
  recordOsds,
  type TestOsd,
  waitHealthy,
  withCluster,
} from "../ceph/cluster.ts";
import { verifyChecksummedData, writeChecksummedData } from "../ceph/helpers.ts";
import { attachInSlot, waitReleased } from "../ceph/slots.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { SlackDouble } from "../doubles/slack.ts";

const ISSUER = "https://bynar.lab/local";
const AUDIENCE = "bynar-disk-manager";
const PHASE_TIMEOUT_MS = 180_000;

/** A daemon started from the shipped launcher, its stderr collected. */
interface Daemon {
  child: Deno.ChildProcess;
  log: string[];
  /** Exit status once it ended. */
  exited: Deno.CommandStatus | null;
  stop(): Promise<void>;
}

async function startShipped(args: string[], defaults: string, name: string): Promise<Daemon> {
  const [bin, ...rest] = await shippedArgv(args);
  const child = new Deno.Command(bin!, {
    args: rest,
    clearEnv: true,
    env: {
      PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
      HOME: "/root",
      NO_COLOR: "1",
      BYNAR_DEFAULTS: defaults,
    },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const log: string[] = [];
  const pump = async (s: ReadableStream<Uint8Array>): Promise<void> => {
    const dec = new TextDecoderStream();
    let rest = "";
    for await (const chunk of s.pipeThrough(dec)) {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) {
        log.push(l);
        if (Deno.env.get("BYNAR_TEST_VERBOSE")) console.error(`${name}: ${l}`);
      }
    }
    if (rest) log.push(rest);
  };
  const pumps = Promise.all([pump(child.stdout), pump(child.stderr)]);
  const d: Daemon = {
    child,
    log,
    exited: null,
    async stop(): Promise<void> {
      try {
        child.kill("SIGTERM");
      } catch { /* gone */ }
      const t = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* gone */ }
      }, 20_000);
      await child.status;
      clearTimeout(t);
      // A daemon's child (ceph-osd started by the disk-manager) may keep the pipes open.
      await Promise.race([pumps.catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
    },
  };
  child.status.then((st) => {
    d.exited = st;
  });
  return d;
}

/** Daemons that must keep running while a test waits. */
const running: { name: string; d: Daemon }[] = [];

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  context: () => string,
  timeoutMs = PHASE_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    const dead = running.find((r) => r.d.exited);
    if (dead) {
      throw new Error(
        `The ${dead.name} exited (${dead.d.exited!.code}) while waiting for ${what}\n${context()}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${context()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

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

async function identityAt(path: string): Promise<string> {
  const [disk] = (await discoverDisks({ includeLoop: true, devices: [path] })).disks;
  assert(disk, `${path} is listed`);
  return disk.identity.key;
}

/** The detector's workflows, read from its database (WAL: concurrent reads are fine). */
function workflows(dbPath: string): Workflow[] {
  try {
    const db = new DatabaseSync(dbPath, { readOnly: true });
    try {
      return new DetectRepo(db).list({ includeClosed: true });
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/**
 * Keeps making new pools (PGs the mgr has not heard of yet: `osd safe-to-destroy` answers
 * `EAGAIN … pgs have unknown state`) through librados, one every 400 ms, each removed after
 * 1.5 s, until `done()` says so or 30 s pass; then removes every pool it made.
 */
function provokeUnknownPgs(c: CephTestCluster, done: () => boolean): Promise<number> {
  return (async () => {
    const rados = await getRadosConnection({ confPath: c.confPath });
    const live: { name: string; at: number }[] = [];
    let made = 0;
    const rm = (name: string) =>
      rados.monCommand({
        prefix: "osd pool rm",
        pool: name,
        pool2: name,
        yes_i_really_really_mean_it: true,
      }).catch(() => {});
    const until = Date.now() + 30_000;
    while (!done() && Date.now() < until) {
      const name = `bynar-eagain-${Date.now()}-${made++}`;
      await rados.monCommand({ prefix: "osd pool create", pool: name, pg_num: 4, pgp_num: 4 })
        .catch(() => {});
      live.push({ name, at: Date.now() });
      while (live.length && Date.now() - live[0]!.at > 1500) await rm(live.shift()!.name);
      await new Promise((r) => setTimeout(r, 400));
    }
    for (const p of live) await rm(p.name);
    return made;
  })();
}

/** Phase durations (s) and counts of one failure of the slot. */
interface CycleReport {
  cycle: number;
  osd: number;
  detectS: number;
  removedAndTicketS: number;
  resolveToAddedS: number;
  resolveToClosedS: number;
  resolveToHealthyS: number;
  tickets: number;
  jiraRequests: number;
  slackMessages: number;
  weight: number;
}

Deno.test({
  name: "as shipped on the real cluster: stock detector, one slot failing three times, EAGAIN " +
    "absorbed, 20 s tokens renewed (no 401)",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c: CephTestCluster) => {
    await waitHealthy();
    const scratch = await shippedScratchDir("loop");
    const etc = `${scratch}/etc`;
    await Deno.mkdir(etc);
    const pki = await makeTestPki(scratch);
    const key = await generateLocalKey();
    await Deno.writeTextFile(`${etc}/detect.jwk`, JSON.stringify(key.privateJwk), { mode: 0o600 });
    await Deno.writeTextFile(`${etc}/jwks.json`, JSON.stringify(key.jwks));
    const defaults = `${scratch}/defaults`;
    await Deno.writeTextFile(defaults, "");
    const jira = new JiraDouble({ flavor: "datacenter" });
    const slack = new SlackDouble();
    const port = freePort();
    const metricsPort = freePort();
    const osd0: TestOsd = c.osds[c.osds.length - 1]!;
    const dbPath = `${scratch}/bynar.db`;
    const oldWeight = (await osdView(osd0.id))!.crushWeight;
    await Deno.writeTextFile(
      `${etc}/bynar.json`,
      JSON.stringify({
        database_path: dbPath,
        jira_host: jira.start(),
        jira_user: jira.user,
        jira_password: jira.password,
        jira_project_id: "OPS",
        jira_issue_type: "10004",
        jira_flavor: "datacenter",
        slack_webhook: slack.start(),
        manager_host: "localhost",
        manager_port: port,
        manager_ca_file: pki.caPath,
        manager_token_key_file: `${etc}/detect.jwk`,
        manager_token_ttl_seconds: 20,
        operation_wait_seconds: 240,
        // By backing file, never by /dev/loopN: another process may attach its own file to
        // a loop device this test detached (the lab's slot hold below narrows that window).
        // (The harness names backing files by creation order, not by OSD id.)
        loop_devices: [osd0.file, `${c.stateDir}/disks/loop-shipped-*.img`],
        freeze_file: `${scratch}/freeze`,
      }),
    );
    await Deno.writeTextFile(
      `${etc}/disk-manager.json`,
      JSON.stringify({
        listen_address: "127.0.0.1",
        port,
        metrics_port: metricsPort,
        tls_cert: pki.certPath,
        tls_key: pki.keyPath,
        jwks_file: `${etc}/jwks.json`,
        jwt_issuer: ISSUER,
        jwt_audience: AUDIENCE,
        audit_log: `${scratch}/audit.log`,
      }),
    );
    // No target_weight: the replacement is weighed in to the old OSD's weight.
    await Deno.writeTextFile(
      `${etc}/ceph.json`,
      JSON.stringify({
        config_file: c.confPath,
        user_id: "admin",
        pool_name: c.pool,
        increment: 0.001,
        latency_cap: 50,
        backfill_cap: 50,
        osd_create_mode: "raw",
        daemon_control: "process",
        allow_loop_devices: true,
        ceph_volume_log_dir: `${c.stateDir}/log`,
        client_mount_timeout: 10,
        drain_timeout_seconds: 300,
        weigh_in_timeout_seconds: 300,
      }),
    );
    const sums = await writeChecksummedData(c, { prefix: "loop-shipped", count: 24 });
    const dm = await startShipped(
      ["disk-manager", "--config-dir", etc],
      defaults,
      "disk-manager",
    );
    running.push({ name: "disk-manager", d: dm });
    let det: Daemon | null = null;
    const reports: CycleReport[] = [];
    const context = (): string =>
      [
        "--- disk-manager",
        ...dm.log.slice(-40),
        "--- detector",
        ...(det?.log.slice(-60) ?? []),
        "--- workflows",
        JSON.stringify(workflows(dbPath).map((w) => [w.id, w.step, w.note])),
      ].join("\n");
    let current = osd0;
    const holds: string[] = [];
    try {
      await until(
        "the disk-manager to listen",
        async () => {
          try {
            const r = await fetch(`http://127.0.0.1:${metricsPort}/healthz`);
            await r.body?.cancel();
            return r.ok;
          } catch {
            return false;
          }
        },
        context,
        60_000,
      );
      det = await startShipped(
        ["detect", "--config-dir", etc, "--interval", "4"],
        defaults,
        "detector",
      );
      running.push({ name: "detector", d: det });
      const detStart = Date.now();
      await until(
        "the detector's first pass",
        () => workflows(dbPath) && det!.log.length > 0,
        context,
        60_000,
      );

      for (let cycle = 1; cycle <= 3; cycle++) {
        const issuesBefore = jira.issues.size;
        const jiraBefore = jira.requests.length;
        const slackBefore = slack.messages.length;
        const failedKey = await identityAt(current.loop);
        const id = current.id;

        // The disk dies: its OSD is killed and its device detached.
        const t0 = Date.now();
        await killOsd(id);
        await detachDisk(current.loop);
        await waitReleased(current.loop);
        // The bay stays occupied by a blank outside the allow-list until the new disk comes.
        const hold = await attachInSlot(
          current.loop,
          () => attachBlankDisk(`slot-hold-${id}-${Date.now()}.img`),
        );
        holds.push(hold.loop);
        const eagainSeen = () =>
          dm.log.some((l) => /not yet \(EAGAIN: \d+ pgs have unknown state/.test(l));
        const wf = await until(
          `cycle ${cycle}: a workflow for ${failedKey}`,
          () => workflows(dbPath).find((w) => w.diskKey === failedKey),
          context,
        );
        const tDetect = Date.parse(wf.createdAt);
        // Cycle 2: once the removal runs (drain), make Ceph answer "not yet".
        let provoker: Promise<number> | null = null;
        if (cycle === 2) {
          await until(`cycle 2: the removal started`, () => {
            const w = workflows(dbPath).find((x) => x.id === wf.id);
            return w && w.removal !== "pending" ? w : null;
          }, context);
          provoker = provokeUnknownPgs(c, eagainSeen);
        }
        const removed = await until(`cycle ${cycle}: removal + ticket`, () => {
          const w = workflows(dbPath).find((x) => x.id === wf.id);
          return w && w.removal === "done" && w.ticket === "filed" ? w : null;
        }, context);
        const tRemoved = Date.now();
        const pools = await provoker;
        assertEquals(removed.osdId, id, "the OSD id is kept");
        const v1 = await osdView(id);
        assert(v1?.destroyed && !v1.in, `destroyed, id kept: ${JSON.stringify(v1)}`);
        assertEquals(jira.issues.size, issuesBefore + 1, "exactly one ticket");
        const issue = [...jira.issues.values()].find((i) => i.key === removed.ticketKey)!;
        assert(issue, `ticket ${removed.ticketKey} is in JIRA`);
        const filed = JSON.stringify(issue.fields) + JSON.stringify(issue.comments);
        assert(filed.includes(`osd.${id}`), filed.slice(0, 2000));
        if (cycle === 1) {
          // An operator sees the empty slot with `bynar client list` (as shipped).
          const tok = await runShipped([
            "token",
            "issue",
            "--config-dir",
            etc,
            "--key",
            `${etc}/detect.jwk`,
            "--sub",
            "operator",
            "--scope",
            "disks:read",
            "--ttl",
            "600",
          ]);
          assertEquals(tok.code, 0, tok.stderr);
          await Deno.writeTextFile(`${etc}/operator.token`, tok.stdout.trim());
          const list = await runShipped([
            "client",
            "--config-dir",
            etc,
            "--host",
            "localhost",
            "--port",
            String(port),
            "--ca",
            pki.caPath,
            "--token-file",
            `${etc}/operator.token`,
            "list",
          ]);
          assertEquals(list.code, 0, list.stderr);
          assert(
            list.stdout.includes(current.loop) &&
              list.stdout.includes(`osd.${id}`) &&
              list.stdout.includes("destroyed, awaiting a replacement"),
            list.stdout,
          );
        }
        if (cycle === 2) {
          assert((pools ?? 0) > 0, "pools were made during the removal");
          assert(
            eagainSeen(),
            `Ceph answered EAGAIN during the removal and it was absorbed\n${context()}`,
          );
          assert(
            !slack.messages.slice(slackBefore).some((m) => /error|failed/i.test(m.text)),
            slack.messages.map((m) => m.text).join("\n"),
          );
        }

        // The technician puts a new disk in the slot and resolves the ticket.
        await detachDisk(hold.loop);
        holds.splice(holds.indexOf(hold.loop), 1);
        await waitReleased(hold.loop);
        const fresh = await attachInSlot(
          current.loop,
          () => attachBlankDisk(`loop-shipped-${id}-${cycle}-${Date.now()}.img`),
        );
        current = { id, loop: fresh.loop, file: fresh.file };
        c.osds = c.osds.map((o) => (o.id === id ? current : o));
        await recordOsds(c.osds);
        assert((await identityAt(current.loop)) !== failedKey, "a new identity in the slot");
        const tResolve = Date.now();
        jira.resolve(removed.ticketKey!, "Fixed");
        const added = await until(`cycle ${cycle}: the replacement added`, () => {
          const w = workflows(dbPath).find((x) => x.id === wf.id);
          return w && w.add === "done" ? w : null;
        }, context);
        const tAdded = Date.now();
        const closed = await until(`cycle ${cycle}: the workflow closed`, () => {
          const w = workflows(dbPath).find((x) => x.id === wf.id);
          return w && w.status !== "active" ? w : null;
        }, context);
        const tClosed = Date.now();
        assertEquals([closed.status, closed.outcome, added.osdId], ["done", "replaced", id]);
        await waitHealthy(180_000);
        const tHealthy = Date.now();
        const v2 = await osdView(id);
        assert(v2 && v2.up && v2.in && !v2.destroyed, JSON.stringify(v2));
        assert(
          Math.abs(v2.crushWeight - oldWeight) < 0.0002,
          `weighed in to the old weight ${oldWeight}: ${v2.crushWeight}`,
        );
        assertEquals(issue.fields.status.statusCategory.key, "done", "the ticket is closed");
        assert(JSON.stringify(issue.comments).includes(`added it back as osd.${id}`));
        assertEquals(jira.issues.size, issuesBefore + 1, "still one ticket for this failure");
        assertEquals(await verifyChecksummedData(c, sums), [], "checksums intact");
        reports.push({
          cycle,
          osd: id,
          detectS: (tDetect - t0) / 1000,
          removedAndTicketS: (tRemoved - tDetect) / 1000,
          resolveToAddedS: (tAdded - tResolve) / 1000,
          resolveToClosedS: (tClosed - tResolve) / 1000,
          resolveToHealthyS: (tHealthy - tResolve) / 1000,
          tickets: jira.issues.size - issuesBefore,
          jiraRequests: jira.requests.length - jiraBefore,
          slackMessages: slack.messages.length - slackBefore,
          weight: v2.crushWeight,
        });
      }

      // The detector ran far past its first 20-second token: never a 401.
      const ranS = (Date.now() - detStart) / 1000;
      assert(ranS > 60, `the detector ran ${ranS} s`);
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const authFailures = metrics.split("\n").filter((l) =>
        l.startsWith("bynar_api_auth_failures_total")
      );
      assertEquals(authFailures, [], "no refused token");
      assert(!det.log.some((l) => /\b401\b|unauthori[sz]ed/i.test(l)), context());
      const renewals = det.log.filter((l) => l.includes("disk-manager token from")).length;
      assert(renewals >= 3, `tokens renewed (${renewals} minted in ${ranS} s)\n${context()}`);
      console.log(
        `LOOP-TIMELINE ${JSON.stringify({ detectorRanS: ranS, tokensMinted: renewals, reports })}`,
      );
    } catch (err) {
      console.error(`loop test failed: ${err instanceof Error ? err.stack : err}`);
      throw err;
    } finally {
      running.length = 0;
      await det?.stop();
      for (const h of holds) await detachDisk(h).catch(() => {});
      await dm.stop();
      await Promise.race([
        Promise.all([jira.close(), slack.close()]),
        new Promise((r) => setTimeout(r, 5000)),
      ]);
      // After a failure the cluster may be degraded: the next withCluster rebuilds it.
    }
  });
});
