/**
 * Through the detector (`bynar detect --once` wiring, one process per pass, state in
 * SQLite): a failed fan and a failed DIMM each end in exactly one ticket, a verified
 * replacement and a closed ticket; the DIMM asks the backend for host maintenance first
 * and gives the host back after the swap. BMC, JIRA and Slack are doubles on loopback.
 */
import assert from "node:assert/strict";
import { JiraDouble } from "../doubles/jira.ts";
import { SlackDouble } from "../doubles/slack.ts";
import { bmcFixture } from "./bmc_fixture.ts";

const MAIN = new URL("./detect_hw_main.ts", import.meta.url).pathname;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;
const BYNAR = new URL("../../src/main.ts", import.meta.url).pathname;
const FAN1 = "/redfish/v1/Chassis/1U/ThermalSubsystem/Fans/Bay1";
const DIMM2 = "/redfish/v1/Systems/437XR1138R2/Memory/DIMM2";

Deno.test("detector: a failed fan and a failed DIMM, each one ticket (also across kill -9), verified, closed", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-detect-hw-" });
  const f = await bmcFixture({ dir: `${dir}` });
  const jira = new JiraDouble({ flavor: "cloud" });
  const slack = new SlackDouble();
  const maint = `${dir}/maintenance.json`;
  try {
    await Deno.writeTextFile(`${dir}/bmc.pass`, `${f.bmc.password}\n`);
    await Deno.writeTextFile(
      `${dir}/bynar.json`,
      JSON.stringify({
        database_path: `${dir}/bynar.db`,
        jira_host: jira.start(),
        jira_user: jira.user,
        jira_password: jira.password,
        jira_project_id: "OPS",
        jira_issue_type: "10004",
        jira_flavor: "cloud",
        slack_webhook: slack.start(),
        hardware: {
          endpoint: f.bmc.url,
          username: f.bmc.username,
          password_file: `${dir}/bmc.pass`,
          ca_file: f.pki.caPath,
        },
      }),
    );
    await Deno.writeTextFile(
      maint,
      JSON.stringify({ refuse: null, osdsDown: false, inMaintenance: false, calls: [] }),
    );
    const state = async () => JSON.parse(await Deno.readTextFile(maint));
    const setState = async (patch: Record<string, unknown>) =>
      await Deno.writeTextFile(maint, JSON.stringify({ ...(await state()), ...patch }));
    const pass = async (crash = ""): Promise<string> => {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "--quiet", "--config", CONFIG, MAIN, dir, maint],
        env: { NO_COLOR: "1", ...(crash ? { BYNAR_TEST_CRASH: crash } : {}) },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const err = new TextDecoder().decode(out.stderr);
      if (crash) assert.equal(out.signal, "SIGKILL", `expected the crash hook to fire: ${err}`);
      else assert.equal(out.code, 0, err);
      return err;
    };
    const issues = () => [...jira.issues.values()];
    const comments = (key: string) =>
      JSON.stringify(issues().find((i) => i.key === key)!.comments.map((c) => c.body));

    await t.step("the mockup as is: the PSU warning is not ticketed", async () => {
      const log = await pass();
      assert.match(log, /hardware pass: BMC read, 0 opened, 0 active/);
      assert.equal(jira.issues.size, 0);
    });

    let fanKey = "";
    await t.step(
      "fan: failed → one ticket across passes → swapped → verified → closed",
      async () => {
        f.bmc.patch(FAN1, { Status: { Health: "Critical" } });
        assert.match(await pass(), /1 opened, 1 active/);
        await pass();
        assert.equal(jira.issues.size, 1);
        fanKey = issues()[0]!.key;
        assert.match(
          String(issues()[0]!.fields.summary),
          /^Bynar: failed fan Chassis Fan Bay 1 on storage-17$/,
        );
        f.bmc.patch(FAN1, { Status: { Health: "OK" } });
        jira.resolve(fanKey);
        assert.match(await pass(), /0 opened, 0 active/);
        assert.match(comments(fanKey), /Replacement verified through the BMC/);
        assert.match(comments(fanKey), /verified the replacement of the fan Fan Bay 1/);
        assert.deepEqual((await state()).calls, [], "a fan needs no host maintenance");
      },
    );

    await t.step(
      "DIMM: ticket, host maintenance, swap (new serial), host back, closed",
      async () => {
        f.bmc.patch(DIMM2, {
          SerialNumber: "36ASF4G72PZ-OLD",
          PartNumber: "MTA36ASF4G72PZ-2G9E2",
          Metrics: { "@odata.id": `${DIMM2}/MemoryMetrics` },
        });
        f.bmc.put(`${DIMM2}/MemoryMetrics`, {
          CurrentPeriod: { CorrectableECCErrorCount: 512, UncorrectableECCErrorCount: 0 },
        });
        // kill -9 right after asking the backend (noout may be set, not yet recorded).
        await pass("before:^host maintenance entered");
        assert.equal(jira.issues.size, 2);
        assert.equal((await state()).inMaintenance, true);
        await pass();
        assert.equal(jira.issues.size, 2);
        const dimm = issues().find((i) => i.key !== fanKey)!;
        assert.match(
          String(dimm.fields.summary),
          /failed memory module \(DIMM\) 36ASF4G72PZ-OLD on storage-17/,
        );
        assert.ok(
          dimm.fields.labels.includes("bynar-storage-17-part-36asf4g72pz-old"),
          dimm.fields.labels.join(),
        );
        let s = await state();
        assert.deepEqual(
          s.calls,
          ["enter storage-17", "enter storage-17"],
          "asked again after the crash (idempotent)",
        );
        assert.equal(s.inMaintenance, true);
        assert.match(comments(dimm.key), /storage-17 may now be powered down/);

        // Down, swapped, booting: the new DIMM is seen but the OSDs are not up yet.
        f.bmc.patch(DIMM2, { SerialNumber: "36ASF4G72PZ-NEW" });
        f.bmc.patch(`${DIMM2}/MemoryMetrics`, { CurrentPeriod: { CorrectableECCErrorCount: 0 } });
        await setState({ osdsDown: true });
        assert.match(await pass(), /0 opened, 1 active/);
        s = await state();
        assert.equal(s.inMaintenance, true, "noout stays until the OSDs are up");
        await setState({ osdsDown: false });
        assert.match(await pass(), /0 opened, 0 active/);
        s = await state();
        assert.equal(s.inMaintenance, false);
        assert.deepEqual(s.calls, [
          "enter storage-17",
          "enter storage-17",
          "exit storage-17",
          "exit storage-17",
        ]);
        assert.match(comments(dimm.key), /new serial 36ASF4G72PZ-NEW \(was 36ASF4G72PZ-OLD\)/);
        assert.match(comments(dimm.key), /storage-17 is back in the storage cluster/);
        // Exactly two tickets, both done; further passes change nothing.
        await pass();
        assert.equal(jira.issues.size, 2);
        assert.equal(jira.count("POST", /\/issue$/), 2);
        for (const i of issues()) assert.equal(i.fields.status.statusCategory.key, "done");
      },
    );
    await t.step("bynar hardware --workflows lists both, done", async () => {
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          "--quiet",
          "--config",
          CONFIG,
          BYNAR,
          "hardware",
          "--workflows",
          "--config-dir",
          dir,
        ],
        env: { NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const text = new TextDecoder().decode(out.stdout);
      assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
      assert.match(
        text,
        /^#2 memory DIMM Slot 2 at Socket 1 Channel 1 Slot 2 \(serial 36ASF4G72PZ-OLD\): done: replaced$/m,
      );
      assert.match(text, /replacement serial 36ASF4G72PZ-NEW/);
      assert.match(text, /^#1 fan Fan Bay 1 at Chassis Fan Bay 1 \(serial -\): done: replaced$/m);
    });
    const texts = slack.messages.map((m) => m.text);
    assert.ok(
      texts.some((x) => x.startsWith(`Filed ticket ${fanKey} for the failed fan`)),
      texts.join("\n"),
    );
    assert.equal(texts.filter((x) => x.startsWith("Closed ticket")).length, 2, texts.join("\n"));
  } finally {
    await slack.close();
    await jira.close();
    await f.close();
    await Deno.remove(dir, { recursive: true });
  }
});
