/**
 * End to end on the real Ceph test cluster (tests/ceph/cluster.ts): the real disk-manager
 * (TLS, JWT, Ceph backend, real inventory) and the detector with the real state machine
 * on the cluster's loop device. The disk fails through a real failing SMART dump behind
 * the SMART interface; the detector removes it with its OSD id kept, files one ticket
 * (JIRA double) and tells Slack (double); the test swaps in a new backing file (a new
 * identity in the same slot) and resolves the ticket; the detector verifies the
 * replacement, adds it back (weighed in) and comments on and closes the ticket.
 *
 * The state machine is scoped to the one loop device the test fails (other helpers' loop
 * devices are never looked at). Kill -9 at every step is covered by crash_e2e_test.ts.
 *
 * Run alone: `deno test -A tests/detect/ceph_e2e_test.ts` (serialised by the cluster lock).
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import type { Config } from "../../src/config/load.ts";
import { BynarConfigSchema, DiskManagerConfigSchema } from "../../src/config/schema.ts";
import { runPass } from "../../src/detect/pass.ts";
import { buildDetector } from "../../src/app/detect.ts";
import { discoverDisks } from "../../src/inventory/mod.ts";
import type { SmartCheck } from "../../src/machine/ports.ts";
import { assess, readAtaBlob, readSmart } from "../../src/smart/mod.ts";
import { openDatabase } from "../../src/store/db.ts";
import { DetectRepo } from "../../src/store/detect_repo.ts";
import { HOST } from "../api/harness.ts";
import { startCephDiskManager } from "../api/ceph_disk_manager.ts";
import {
  attachBlankDisk,
  cephJson,
  detachDisk,
  recordOsds,
  waitHealthy,
  withCluster,
} from "../ceph/cluster.ts";
import { testCephConfig } from "../ceph/helpers.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { SlackDouble } from "../doubles/slack.ts";
import { SMART_BLOBS } from "../smart/fixtures.ts";

const FAILING_BLOB = "WDC_WD5000AAKS--00TMA0-12.01C01"; // reallocated sectors 63: critical

/** Re-attaches a blank disk until it gets the freed loop number (placeholders released). */
async function attachInSlot(slot: string, name: string): Promise<{ loop: string; file: string }> {
  const placeholders: string[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      const got = await attachBlankDisk(i === 0 ? name : `${name}.hold${i}`);
      if (got.loop === slot) {
        if (i === 0) return got;
        // Move the name: keep this one (its file name differs, which does not matter).
        return got;
      }
      placeholders.push(got.loop);
    }
    throw new Error(`Cannot get ${slot} back for the replacement (other loop devices are in use)`);
  } finally {
    for (const p of placeholders) await detachDisk(p);
  }
}

Deno.test({
  name:
    "detect e2e: failing SMART → removal (id kept) → one ticket → swap → add + weigh-in → ticket closed",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    await waitHealthy();
    const dir = await Deno.makeTempDir({ prefix: "bynar-detect-ceph-" });
    const detDb = openDatabase(`${dir}/bynar.db`);
    const { dm, db: dmDb, pki, token } = await startCephDiskManager(c, dir, {
      dbFile: "dm.db",
      tokenTtlSeconds: 7200,
    });
    await Deno.writeTextFile(`${dir}/token`, token);
    const jira = new JiraDouble({ flavor: "datacenter" });
    const slack = new SlackDouble();
    const osd = c.osds[c.osds.length - 1]!;
    try {
      const config: Config = {
        dir,
        bynar: BynarConfigSchema.parse({
          database_path: `${dir}/bynar.db`,
          jira_host: jira.start(),
          jira_user: jira.user,
          jira_password: jira.password,
          jira_project_id: "OPS",
          jira_issue_type: "10004",
          jira_flavor: "datacenter",
          slack_webhook: slack.start(),
          manager_host: "localhost",
          manager_port: dm.addr.port,
          manager_ca_file: pki.caPath,
          manager_token_file: `${dir}/token`,
          operation_wait_seconds: 600,
          include_loop_devices: true,
          freeze_file: `${dir}/freeze`,
        }),
        diskManager: DiskManagerConfigSchema.parse({}),
        ceph: testCephConfig(c),
        present: { bynar: true, diskManager: false, ceph: true },
      };
      const [failing] = (await discoverDisks({ includeLoop: true, devices: [osd.loop] })).disks;
      assert(failing, `${osd.loop} is listed`);
      const blob = await Deno.readFile(new URL(FAILING_BLOB, SMART_BLOBS));
      const smart: SmartCheck = {
        async verdict(d) {
          if (d.identity.key === failing.identity.key) {
            return assess(await readAtaBlob(blob, { name: d.path }));
          }
          return assess(await readSmart(d.path, { diskType: d.type }));
        },
      };
      // The real host side (inventory → state machine → SMART) as the root builds it,
      // scoped to the one loop device the test owns (the replacement reuses its slot).
      const det = await buildDetector(config, detDb, {
        log: (l) => console.error(`detect: ${l}`),
        stopping: () => false,
        overrides: { smart, devices: [osd.loop], includeLoop: true, hostname: HOST },
      });
      const repo = new DetectRepo(detDb);

      // Pass 1: the disk fails SMART → removed (id kept) → one ticket → Slack.
      const p1 = await runPass(det.deps);
      assertEquals(p1.opened, 1, JSON.stringify(p1));
      let wf = repo.listActive()[0]!;
      assertEquals(wf.removal, "done", JSON.stringify(wf));
      assertEquals(wf.osdId, osd.id);
      assertEquals(wf.ticket, "filed");
      assert(wf.reasons.join(" ").includes("reallocated"), wf.reasons.join("; "));
      const dump = await cephJson<{ osds: { osd: number; state: string[] }[] }>(["osd", "dump"]);
      assert(
        dump.osds.find((o) => o.osd === osd.id)?.state.includes("destroyed"),
        "destroyed, id kept",
      );
      assertEquals(jira.issues.size, 1);

      // Pass 2: nothing new (the ticket is open).
      await runPass(det.deps);
      assertEquals(jira.issues.size, 1);

      // People: swap the disk (new backing file = new identity, same slot), resolve.
      await detachDisk(osd.loop);
      // The kernel releases a busy loop device lazily; the old backing file's inode is
      // freed only then.
      const sysLoop = `/sys/block/${osd.loop.replace("/dev/", "")}/loop/backing_file`;
      for (let i = 0; i < 100 && await Deno.stat(sysLoop).then(() => true, () => false); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      // Hold the freed inode so the new backing file cannot reuse it: a loop device's
      // serial is LOOP-<st_dev>-<st_ino> of its backing file.
      const hold = `${c.stateDir}/disks/inode-hold-${crypto.randomUUID()}`;
      await Deno.writeTextFile(hold, "");
      let fresh;
      try {
        fresh = await attachInSlot(osd.loop, `osd-${osd.id}-detect-${Date.now()}.img`);
      } finally {
        await Deno.remove(hold);
      }
      c.osds = c.osds.map((
        o,
      ) => (o.id === osd.id ? { id: osd.id, loop: fresh.loop, file: fresh.file } : o));
      await recordOsds(c.osds);
      jira.resolve(wf.ticketKey!, "Fixed");

      // Pass 3: verified (another serial, SMART acceptable) → added → weighed in → closed.
      await runPass(det.deps);
      wf = repo.get(wf.id)!;
      assertEquals(wf.status, "done", JSON.stringify(wf));
      assertEquals(wf.outcome, "replaced");
      assert(wf.replacementKey && wf.replacementKey !== failing.identity.key);
      const tree = await cephJson<
        { nodes: { id: number; status?: string; crush_weight?: number; reweight?: number }[] }
      >(
        ["osd", "tree"],
      );
      const node = tree.nodes.find((n) => n.id === osd.id)!;
      assertEquals(node.status, "up");
      assert((node.crush_weight ?? 0) > 0, `weighed in: ${JSON.stringify(node)}`);
      const issue = [...jira.issues.values()][0]!;
      assertEquals(issue.fields.status.statusCategory.key, "done");
      assert(issue.comments.some((cm) => JSON.stringify(cm.body).includes(`osd.${osd.id}`)));
      assert(slack.messages.length >= 3, JSON.stringify(slack.messages));
      await det.deps.notifier.flush();
      det.deps.notifier.close();
      det.dispose();
      await waitHealthy();
    } finally {
      await dm.close();
      try {
        dmDb.close();
      } catch { /* closed by the disk-manager */ }
      detDb.close();
      await jira.close();
      await slack.close();
      await Deno.remove(dir, { recursive: true });
    }
  });
});
