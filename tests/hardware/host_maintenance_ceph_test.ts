/**
 * Host maintenance for a DIMM swap on the real Ceph test cluster, through the whole part
 * loop (BMC double, JIRA double, SQLite): ok-to-stop for the host's OSDs together, noout
 * for that host only, the host going down (its OSD killed) without being marked out, the
 * DIMM swapped (new serial), noout lifted only once the OSD is up again, ticket closed.
 *
 * The test cluster has one host, and taking its only host down is rightly refused. So the
 * test first proves that refusal, then moves one OSD into a second CRUSH host bucket
 * (`bynar-hw-test`, with `crush_location` pinned so a restart keeps it there) and runs the
 * loop for that host. Everything is put back: the OSD in its host, the bucket and the
 * config removed, noout unset, all OSDs up+in and all PGs active+clean.
 *
 * Uses the cluster only through `withCluster` (flock /tmp/bynar-ceph.lock).
 */
import assert from "node:assert/strict";
import { closeAllRadosConnections, getRadosConnection } from "../../ffi/librados/mod.ts";
import { RadosClusterApi } from "../../src/backend/ceph/cluster_api.ts";
import { CephHostMaintenance } from "../../src/backend/ceph/host_maintenance.ts";
import { BynarConfigSchema } from "../../src/config/schema.ts";
import { runHardwarePass } from "../../src/hardware/loop.ts";
import { readHardware } from "../../src/hardware/read.ts";
import { hardwareSettings } from "../../src/hardware/settings.ts";
import { createNotifier } from "../../src/notify/factory.ts";
import { openDatabase } from "../../src/store/db.ts";
import { HardwareRepo } from "../../src/store/hardware_repo.ts";
import { createTicketPlugin } from "../../src/tickets/factory.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { ceph, cephJson, killOsd, startOsd, waitHealthy, withCluster } from "../ceph/cluster.ts";
import { bmcFixture } from "./bmc_fixture.ts";
import { waitMapQuiet } from "../ceph/helpers.ts";

const BUCKET = "bynar-hw-test";
const DIMM1 = "/redfish/v1/Systems/437XR1138R2/Memory/DIMM1";

interface TreeNode {
  id: number;
  name: string;
  type: string;
  status?: string;
  crush_weight?: number;
  children?: number[];
}

async function tree(): Promise<TreeNode[]> {
  return (await cephJson<{ nodes: TreeNode[] }>(["osd", "tree"])).nodes;
}

async function nodeFlags(): Promise<Record<string, string[]>> {
  const d = await cephJson<{ flags: string; crush_node_flags?: Record<string, string[]> }>([
    "osd",
    "dump",
  ]);
  return d.crush_node_flags ?? {};
}

async function waitOsd(id: number, want: "up" | "down", ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const n = (await tree()).find((x) => x.id === id);
    if (n?.status === want) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`osd.${id} did not become ${want}`);
}

Deno.test({
  name: "DIMM swap on the real cluster: the host's OSDs go down safely under noout and come back",
  ignore: Deno.uid() !== 0,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await withCluster(async (c) => {
      const rados = await getRadosConnection({ confPath: c.confPath });
      const api = new RadosClusterApi(rados);
      const nodes = await tree();
      const realHost = nodes.find((n) => n.type === "host" && n.name !== BUCKET)!;
      await waitHealthy(180_000);
      const victim = c.osds[c.osds.length - 1]!.id;
      const weight = nodes.find((n) => n.id === victim)!.crush_weight!;
      const maintenance = new CephHostMaintenance(api, { budget: 1 });
      try {
        await t.step(
          "the cluster's only host is not ok-to-stop: refused, nothing set",
          async () => {
            const r = await maintenance.enter(realHost.name);
            assert.equal(r.entered, false, r.reason);
            assert.match(r.reason, /are not ok-to-stop/);
            const all = c.osds.map((o) => `osd.${o.id}`).join(", ");
            assert.ok(
              r.reason.startsWith(`${all} of ${realHost.name} are not ok-to-stop`),
              r.reason,
            );
            assert.deepEqual(await nodeFlags(), {});
          },
        );

        await ceph(["osd", "crush", "add-bucket", BUCKET, "host"]);
        await ceph(["osd", "crush", "move", BUCKET, "root=default"]);
        await ceph([
          "config",
          "set",
          `osd.${victim}`,
          "crush_location",
          `root=default host=${BUCKET}`,
        ]);
        await ceph([
          "osd",
          "crush",
          "set",
          `osd.${victim}`,
          String(weight),
          "root=default",
          `host=${BUCKET}`,
        ]);
        await waitMapQuiet(5000, 120_000); // right after a CRUSH change the first polls show the old PG states
        await waitHealthy(180_000);

        await t.step("the part loop with Ceph host maintenance", async () => {
          const f = await bmcFixture();
          const jira = new JiraDouble({ flavor: "datacenter" });
          const config = BynarConfigSchema.parse({
            jira_host: jira.start(),
            jira_user: jira.user,
            jira_password: jira.password,
            jira_project_id: "OPS",
            jira_issue_type: "10004",
            hardware: {
              endpoint: f.bmc.url,
              username: f.bmc.username,
              password: f.bmc.password,
              ca_file: f.pki.caPath,
            },
          });
          const settings = hardwareSettings(config)!;
          const tickets = createTicketPlugin(config);
          const notifier = createNotifier(config);
          const db = openDatabase(":memory:");
          const repo = new HardwareRepo(db);
          const pass = () =>
            runHardwarePass({
              host: BUCKET,
              read: (known) => readHardware(settings, { known }),
              store: repo,
              tickets,
              notifier,
              maintenance,
              gate: () => Promise.resolve({ allowed: true, reason: "" }),
              now: () => new Date(),
              log: () => {},
            });
          try {
            f.bmc.patch(DIMM1, {
              SerialNumber: "DIMM-OLD-0001",
              Metrics: { "@odata.id": `${DIMM1}/MemoryMetrics` },
            });
            f.bmc.put(`${DIMM1}/MemoryMetrics`, {
              CurrentPeriod: { CorrectableECCErrorCount: 0, UncorrectableECCErrorCount: 4 },
            });
            let s = await pass();
            assert.equal(s.workflows[0]!.maintenance, "entered", JSON.stringify(s.workflows[0]));
            assert.match(
              s.workflows[0]!.maintenanceNote!,
              new RegExp(`osd\\.${victim} ok-to-stop together; noout set for host ${BUCKET} only`),
            );
            assert.deepEqual(await nodeFlags(), { [BUCKET]: ["noout"] });
            const flags = (await cephJson<{ flags: string }>(["osd", "dump"])).flags;
            assert.ok(!flags.split(",").includes("noout"), "no cluster-wide noout");

            // The technician powers the host down: its OSD dies and is not marked out.
            await killOsd(victim);
            await waitOsd(victim, "down");
            await new Promise((r) => setTimeout(r, 3000));
            const inOut = await cephJson<{ osds: { osd: number; in: number }[] }>(["osd", "dump"]);
            assert.equal(inOut.osds.find((o) => o.osd === victim)!.in, 1, "noout keeps it in");

            // New DIMM; the host is still booting (OSD down): noout stays.
            f.bmc.patch(DIMM1, { SerialNumber: "DIMM-NEW-0002" });
            f.bmc.patch(`${DIMM1}/MemoryMetrics`, {
              CurrentPeriod: { UncorrectableECCErrorCount: 0 },
            });
            s = await pass();
            assert.equal(s.workflows[0]!.step, "host_up");
            assert.deepEqual(await nodeFlags(), { [BUCKET]: ["noout"] });

            // The host is up again.
            await startOsd(victim);
            await waitOsd(victim, "up");
            s = await pass();
            assert.equal(s.workflows.length, 0);
            const [wf] = repo.list();
            assert.equal(wf!.outcome, "replaced");
            assert.equal(wf!.maintenance, "released");
            assert.deepEqual(await nodeFlags(), {});
            assert.equal(jira.issues.size, 1);
            const issue = [...jira.issues.values()][0]!;
            assert.equal(issue.fields.status.statusCategory.key, "done");
          } finally {
            tickets.dispose();
            notifier.close();
            db.close();
            await jira.close();
            await f.close();
          }
        });
      } finally {
        // Leave the cluster as found.
        await ceph(["osd", "unset-group", "noout", BUCKET], { allowFail: true });
        await startOsd(victim);
        await ceph(["config", "rm", `osd.${victim}`, "crush_location"], { allowFail: true });
        await ceph([
          "osd",
          "crush",
          "set",
          `osd.${victim}`,
          String(weight),
          "root=default",
          `host=${realHost.name}`,
        ], { allowFail: true });
        await ceph(["osd", "crush", "rm", BUCKET], { allowFail: true });
        await waitMapQuiet(5000, 120_000); // right after a CRUSH change the first polls show the old PG states
        await waitHealthy(180_000);
        assert.deepEqual(await nodeFlags(), {});
        assert.ok(!(await tree()).some((n) => n.name === BUCKET));
        closeAllRadosConnections();
      }
    });
  },
});
