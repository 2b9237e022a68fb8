/**
 * The closed loop for server parts, through real adapters wherever they run here: the
 * Redfish client against the BMC double (HTTPS, sessions), the JIRA plugin against the
 * JIRA double, the Slack notifier against the Slack double, and SQLite. The host
 * maintenance port is a recording fake here; the Ceph one runs on the real cluster in
 * `host_maintenance_ceph_test.ts`.
 */
import assert from "node:assert/strict";
import { BynarConfigSchema } from "../../src/config/schema.ts";
import { readHardware } from "../../src/hardware/read.ts";
import { hardwareSettings } from "../../src/hardware/settings.ts";
import { type HostMaintenance, runHardwarePass } from "../../src/hardware/loop.ts";
import { HardwareRepo } from "../../src/store/hardware_repo.ts";
import { openDatabase } from "../../src/store/db.ts";
import { createTicketPlugin } from "../../src/tickets/factory.ts";
import { createNotifier } from "../../src/notify/factory.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { SlackDouble } from "../doubles/slack.ts";
import { bmcFixture } from "./bmc_fixture.ts";

const SYS = "/redfish/v1/Systems/437XR1138R2";
const FAN1 = "/redfish/v1/Chassis/1U/ThermalSubsystem/Fans/Bay1";
const DIMM1 = `${SYS}/Memory/DIMM1`;

class FakeMaintenance implements HostMaintenance {
  readonly name = "fake-ceph";
  calls: string[] = [];
  refuse: string | null = null;
  osdsDown = false;
  inMaintenance = false;
  enter(host: string): Promise<{ entered: boolean; reason: string }> {
    this.calls.push(`enter ${host}`);
    if (this.refuse) return Promise.resolve({ entered: false, reason: this.refuse });
    this.inMaintenance = true;
    return Promise.resolve({ entered: true, reason: "noout set for host h1; osd.0,1 ok-to-stop" });
  }
  exit(host: string): Promise<{ released: boolean; reason: string }> {
    this.calls.push(`exit ${host}`);
    if (this.osdsDown) return Promise.resolve({ released: false, reason: "osd.1 is down" });
    this.inMaintenance = false;
    return Promise.resolve({ released: true, reason: "osd.0,1 up; noout lifted" });
  }
}

async function world() {
  const f = await bmcFixture();
  const jira = new JiraDouble({ flavor: "datacenter" });
  const slack = new SlackDouble();
  const config = BynarConfigSchema.parse({
    jira_host: jira.start(),
    jira_user: jira.user,
    jira_password: jira.password,
    jira_project_id: "OPS",
    jira_issue_type: "10004",
    slack_webhook: slack.start(),
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
  const maintenance = new FakeMaintenance();
  const gate = { allowed: true, reason: "" };
  const logs: string[] = [];
  const pass = () =>
    runHardwarePass({
      host: "h1",
      read: (known) => readHardware(settings, { known }),
      store: repo,
      tickets,
      notifier,
      maintenance,
      gate: () => Promise.resolve(gate),
      now: () => new Date(),
      log: (l) => logs.push(l),
    });
  return {
    f,
    jira,
    slack,
    repo,
    maintenance,
    gate,
    pass,
    logs,
    async texts(): Promise<string[]> {
      await notifier.flush({ timeoutMs: 5000 });
      return slack.messages.map((m) => m.text);
    },
    async close() {
      tickets.dispose();
      notifier.close();
      db.close();
      await jira.close();
      await slack.close();
      await f.close();
    },
  };
}

function commentsOf(jira: JiraDouble, key: string): string[] {
  const issue = [...jira.issues.values()].find((i) => i.key === key)!;
  return issue.comments.map((c) => typeof c.body === "string" ? c.body : JSON.stringify(c.body));
}

Deno.test("a failed fan: one ticket, Slack, wait, replacement verified by health (no serial), closed", async () => {
  const w = await world();
  try {
    // The mockup's PSU warning is reported, not ticketed.
    let s = await w.pass();
    assert.equal(s.opened, 0);
    assert.equal(w.jira.issues.size, 0);

    w.f.bmc.patch(FAN1, { Status: { Health: "Critical" } });
    s = await w.pass();
    assert.equal(s.opened, 1);
    assert.equal(w.jira.issues.size, 1);
    const issue = [...w.jira.issues.values()][0]!;
    const fields = issue.fields as Record<string, unknown>;
    assert.equal(fields.summary, "Bynar: failed fan Chassis Fan Bay 1 on h1");
    const desc = String(fields.description);
    for (
      const want of [
        "Part: fan",
        "Location: Chassis Fan Bay 1",
        "Model: RKS-440DC",
        "Part number: 23456-133",
        "Spare part number: 93284-133",
        "Serial: not reported by the BMC",
        `BMC resource: ${FAN1}`,
        "Status: State Enabled, Health Critical",
        "Temperature threshold exceeded",
      ]
    ) {
      assert.ok(desc.includes(want), `${want} in:\n${desc}`);
    }
    assert.ok(
      issue.fields.labels.includes("bynar-h1-slot-fan-1u-bay1"),
      issue.fields.labels.join(),
    );
    assert.equal(s.workflows[0]!.step, "await_replacement");
    assert.deepEqual(w.maintenance.calls, [], "a fan is swapped with the host running");

    // Still failing: more passes file nothing more.
    await w.pass();
    await w.pass();
    assert.equal(w.jira.issues.size, 1);
    assert.equal(w.jira.count("POST", /\/issue$/), 1);

    // The technician swaps the fan and resolves the ticket.
    w.f.bmc.patch(FAN1, { Status: { Health: "OK" } });
    w.jira.resolve(issue.key);
    s = await w.pass();
    assert.equal(s.workflows.length, 0);
    const [wf] = w.repo.list();
    assert.equal(wf!.outcome, "replaced");
    assert.equal(wf!.close, "done");
    const comments = commentsOf(w.jira, issue.key);
    assert.ok(comments.some((c) => c.includes("judged by health alone")), comments.join("\n"));
    assert.ok(comments.some((c) => c.includes("verified the replacement")), comments.join("\n"));
    // A later pass with the healthy fan opens nothing.
    s = await w.pass();
    assert.equal(s.opened, 0);
    assert.equal(w.jira.issues.size, 1);
    const texts = await w.texts();
    assert.ok(
      texts.some((t) => t.startsWith(`Filed ticket ${issue.key} for the failed fan Fan Bay 1`)),
      texts.join("\n"),
    );
    assert.ok(texts.some((t) => t.startsWith(`Closed ticket ${issue.key}`)), texts.join("\n"));
  } finally {
    await w.close();
  }
});

Deno.test("a failed DIMM: ticket, host maintenance first, same serial is not a replacement, new serial verified, host back, closed", async () => {
  const w = await world();
  try {
    // Real BMCs report DIMM serials; the mockup does not, so the double adds one.
    w.f.bmc.patch(DIMM1, {
      SerialNumber: "DIMM-OLD-0001",
      PartNumber: "M393A4K40CB2-CTD",
      Model: "DDR4 RDIMM 32GB",
      Metrics: { "@odata.id": `${DIMM1}/MemoryMetrics` },
    });
    w.f.bmc.put(`${DIMM1}/MemoryMetrics`, {
      CurrentPeriod: { CorrectableECCErrorCount: 3, UncorrectableECCErrorCount: 0 },
    });
    assert.equal((await w.pass()).opened, 0, "3 correctable errors are below the limits");

    w.f.bmc.patch(`${DIMM1}/MemoryMetrics`, {
      CurrentPeriod: { CorrectableECCErrorCount: 3, UncorrectableECCErrorCount: 2 },
    });
    w.maintenance.refuse = "osd.1 is not ok-to-stop: 12 PGs would become inactive";
    let s = await w.pass();
    assert.equal(s.opened, 1);
    assert.equal(s.workflows[0]!.step, "host_down");
    assert.equal(s.workflows[0]!.maintenance, "none");
    const issue = [...w.jira.issues.values()][0]!;
    assert.match(
      String(issue.fields.summary),
      /^Bynar: failed memory module \(DIMM\) DIMM-OLD-0001 on h1$/,
    );
    assert.ok(String(issue.fields.description).includes("Uncorrectable ECC errors: 2"));
    await w.pass(); // refused again: no second Slack notice
    w.maintenance.refuse = null;
    w.gate.allowed = false;
    w.gate.reason = "outside the maintenance windows (1 02:00-04:00)";
    s = await w.pass();
    assert.equal(s.workflows[0]!.step, "host_down", "windows defer host maintenance");
    assert.deepEqual(w.maintenance.calls, ["enter h1", "enter h1"]);
    w.gate.allowed = true;
    s = await w.pass();
    assert.equal(s.workflows[0]!.step, "await_replacement");
    assert.equal(s.workflows[0]!.maintenance, "entered");
    assert.ok(w.maintenance.inMaintenance);
    assert.ok(commentsOf(w.jira, issue.key).some((c) => c.includes("h1 may now be powered down")));

    // The host went down, came back with the same DIMM (errors cleared by the reboot).
    w.f.bmc.patch(`${DIMM1}/MemoryMetrics`, { CurrentPeriod: { UncorrectableECCErrorCount: 0 } });
    w.jira.resolve(issue.key);
    s = await w.pass();
    assert.equal(s.workflows[0]!.step, "await_replacement");
    assert.ok(
      commentsOf(w.jira, issue.key).some((c) =>
        c.includes("the slot still holds the same part (serial DIMM-OLD-0001)")
      ),
    );
    await w.pass();
    assert.equal(commentsOf(w.jira, issue.key).filter((c) => c.includes("still holds")).length, 1);

    // The real swap: a new serial in the same slot, Health OK; the OSDs are still starting.
    w.f.bmc.patch(DIMM1, { SerialNumber: "DIMM-NEW-0002" });
    w.maintenance.osdsDown = true;
    s = await w.pass();
    assert.equal(s.workflows[0]!.step, "host_up");
    assert.equal(s.workflows[0]!.replacementSerial, "DIMM-NEW-0002");
    assert.ok(w.maintenance.inMaintenance, "noout stays until the OSDs are up");
    w.maintenance.osdsDown = false;
    s = await w.pass();
    assert.equal(s.workflows.length, 0);
    assert.ok(!w.maintenance.inMaintenance);
    const [wf] = w.repo.list();
    assert.equal(wf!.outcome, "replaced");
    assert.equal(wf!.maintenance, "released");
    assert.equal(w.jira.issues.size, 1);
    const comments = commentsOf(w.jira, issue.key);
    assert.ok(
      comments.some((c) => c.includes("new serial DIMM-NEW-0002 (was DIMM-OLD-0001)")),
      comments.join("\n"),
    );
    assert.ok(comments.some((c) => c.includes("h1 is back in the storage cluster")));
    // The new DIMM is healthy: nothing reopens.
    assert.equal((await w.pass()).opened, 0);
    const texts = await w.texts();
    assert.equal(texts.filter((t) => t.includes("cannot go down yet")).length, 1, texts.join("\n"));
    assert.equal(
      texts.filter((t) => t.includes("host maintenance deferred")).length,
      1,
      texts.join("\n"),
    );
  } finally {
    await w.close();
  }
});

Deno.test("won't do: nothing is replaced, the host is given back, the part is never ticketed again", async () => {
  const w = await world();
  try {
    w.f.bmc.patch(`${SYS}/Processors/CPU1`, {
      Status: { Health: "Critical" },
      SerialNumber: "CPU-1",
    });
    let s = await w.pass();
    assert.equal(s.workflows[0]!.maintenance, "entered");
    const issue = [...w.jira.issues.values()][0]!;
    w.jira.resolve(issue.key, "Won't Do");
    s = await w.pass();
    assert.equal(s.workflows.length, 0);
    assert.equal(w.repo.list()[0]!.outcome, "wont_do");
    assert.ok(!w.maintenance.inMaintenance);
    assert.equal((await w.pass()).opened, 0);
    assert.equal(w.jira.issues.size, 1);
  } finally {
    await w.close();
  }
});

Deno.test("a BMC that cannot be read is a problem of the pass, never a failed part", async () => {
  const w = await world();
  try {
    w.f.bmc.patch(FAN1, { Status: { Health: "Critical" } });
    await w.pass();
    await w.f.bmc.close();
    const s = await w.pass();
    assert.equal(s.bmcRead, false);
    assert.match(s.problems[0]!, /Cannot read the BMC/);
    assert.equal(s.workflows[0]!.step, "await_replacement");
    assert.equal(w.jira.issues.size, 1);
  } finally {
    await w.close().catch(() => {});
  }
});

Deno.test("a PSU pulled from its bay (State Absent after being seen) is missing: ticket, new PSU verified, closed", async () => {
  const w = await world();
  const bay1 = "/redfish/v1/Chassis/1U/PowerSubsystem/PowerSupplies/Bay1";
  try {
    assert.equal((await w.pass()).opened, 0, "Bay2 is empty by design: never seen occupied");
    w.f.bmc.patch(bay1, { Status: { State: "Absent", Health: undefined } });
    const s = await w.pass();
    assert.equal(s.opened, 1);
    const wf = s.workflows[0]!;
    assert.equal(wf.serial, "3488247", "known by the serial seen in the slot before");
    assert.match(
      wf.reasons[0]!,
      /power supply in PSU 1 \(serial 3488247, last seen .*\) is missing/,
    );
    assert.equal(wf.needsHostDown, false);
    const issue = [...w.jira.issues.values()][0]!;
    assert.match(String(issue.fields.summary), /^Bynar: failed power supply 3488247 on h1$/);
    w.f.bmc.patch(bay1, { Status: { State: "Enabled", Health: "OK" }, SerialNumber: "PSU-NEW-77" });
    assert.equal((await w.pass()).workflows.length, 0);
    assert.equal(w.repo.list()[0]!.replacementSerial, "PSU-NEW-77");
    assert.equal(w.jira.issues.size, 1);
  } finally {
    await w.close();
  }
});
