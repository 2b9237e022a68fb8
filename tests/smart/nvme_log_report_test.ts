/**
 * NVMe health log page → SmartReport, against smartctl: for each of the 53 NVMe smartctl
 * JSON fixtures, build the 512-byte log page the drive returned, read it through
 * `readSmart` with an injected log reader (the WASM parser path), and compare the report
 * with `parseSmartctlJson` of the same file.
 *
 * Not run against real NVMe hardware: there is no NVMe device on the test machine.
 */
import assert from "node:assert/strict";
import { type NvmeLogReader, parseSmartctlJson, readSmart } from "../../src/smart/mod.ts";
import { nvmeHealthPageFromSmartctl } from "../builders/sectors.ts";
import type { CommandRunner } from "../../src/process/run.ts";
import { listFixtures, SMARTCTL_JSON } from "./fixtures.ts";

const NO_SMARTCTL: CommandRunner = {
  run: () => Promise.reject(new Error("smartctl must not run when the log page is readable")),
};

const fixtures = listFixtures(SMARTCTL_JSON)
  .map((name) => ({ name, text: Deno.readTextFileSync(new URL(name, SMARTCTL_JSON)) }))
  .filter((f) => f.text.includes('"nvme_smart_health_information_log"'));

Deno.test("53 NVMe fixtures: the log page report equals smartctl's on every health field", async () => {
  assert.equal(fixtures.length, 53);
  let failing = 0;
  for (const { name, text } of fixtures) {
    const ref = parseSmartctlJson(text, { device: "/dev/nvme0n1" });
    const page = nvmeHealthPageFromSmartctl(text)!;
    const reader: NvmeLogReader = {
      read: () => Promise.resolve({ healthLog: page, identify: ref.identify! }),
    };
    const r = await readSmart("/dev/nvme0n1", { nvmeLogReader: reader, runner: NO_SMARTCTL });
    assert.equal(r.source, "wasm", name);
    assert.equal(r.protocol, "NVMe", name);
    assert.equal(r.protocol, ref.protocol, name);
    assert.equal(r.device, "/dev/nvme0n1");
    // critical warning, spare, threshold, percentage used, media errors, error log
    // entries, power-on hours, unsafe shutdowns, power cycles, data units, temperature
    assert.deepEqual(r.nvme, ref.nvme, name);
    assert.equal(r.smartStatusGood, ref.smartStatusGood, `${name}: smart_status.passed`);
    assert.equal(r.powerOnHours, ref.powerOnHours, `${name}: power_on_time.hours`);
    assert.equal(r.temperatureCelsius, ref.temperatureCelsius, `${name}: temperature.current`);
    assert.equal(r.powerCycles, ref.powerCycles, `${name}: power_cycle_count`);
    assert.deepEqual(r.attributes, ref.attributes, name);
    assert.equal(r.scsi, null);
    assert.equal(r.unavailableReason, null);
    assert.equal(r.smartctlExitStatus, null, "no smartctl involved");
    if (ref.smartStatusGood === false) failing++;
  }
  assert.equal(failing, 1, "the fixture with critical_warning 0x10 fails like smartctl says");
});

Deno.test("smart_status follows smartctl: any critical warning bit fails, unknown bits too", async () => {
  const text = fixtures[0]!.text;
  for (
    const [bits, good] of [[0, true], [0x01, false], [0x04, false], [0x20, false], [
      0x80,
      false,
    ]] as const
  ) {
    const page = nvmeHealthPageFromSmartctl(text)!;
    page[0] = bits;
    const reader: NvmeLogReader = {
      read: () =>
        Promise.resolve({
          healthLog: page,
          identify: { model: "m", serial: "s", firmware: "f", wwn: null },
        }),
    };
    const r = await readSmart("/dev/nvme3n1", { nvmeLogReader: reader, runner: NO_SMARTCTL });
    assert.equal(r.smartStatusGood, good, `critical_warning 0x${bits.toString(16)}`);
    assert.equal(r.nvme?.criticalWarning, bits);
  }
});
