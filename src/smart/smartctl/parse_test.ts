import assert from "node:assert/strict";
import { decodeSmartctlExitStatus, parseJsonLossless, parseSmartctlJson } from "./parse.ts";
import { ParseError } from "../../errors.ts";

/** Real output of `smartctl --json -a /dev/vda` on this VM (virtio, no SMART). */
const VIRTIO_OUTPUT = `{
  "json_format_version": [1, 0],
  "smartctl": {
    "version": [7, 3],
    "svn_revision": "5338",
    "argv": ["smartctl", "--json", "-a", "/dev/vda"],
    "messages": [{ "string": "/dev/vda: Unable to detect device type", "severity": "error" }],
    "exit_status": 1
  },
  "local_time": { "time_t": 1795647869, "asctime": "Wed Nov 25 23:04:29 2026 UTC" }
}`;

const FIXTURES = new URL("../../../../shared/fixtures/smartctl-json/", import.meta.url);

Deno.test("exit status is decoded bit by bit, never as plain failure", () => {
  const ok64 = decodeSmartctlExitStatus(64);
  assert.equal(ok64.errorLogEntries, true);
  assert.equal(ok64.diskFailing, false);
  assert.deepEqual(ok64.meanings, ["the device error log contains records of errors"]);
  const all = decodeSmartctlExitStatus(0xff);
  assert.equal(all.meanings.length, 8);
  assert.ok(
    all.commandLineError && all.openFailed && all.commandFailed && all.diskFailing &&
      all.prefailBelowThreshold && all.pastBelowThreshold && all.selfTestErrors,
  );
  assert.equal(decodeSmartctlExitStatus(8).diskFailing, true);
  assert.equal(decodeSmartctlExitStatus(0).meanings.length, 0);
});

Deno.test("parseJsonLossless keeps integers beyond 2^53 exact", () => {
  const v = parseJsonLossless('{"a": 10124616601178378, "b": 5, "c": 1.5, "d": 1e300}') as Record<
    string,
    unknown
  >;
  assert.equal(v.a, 10124616601178378n);
  assert.equal(v.b, 5);
  assert.equal(v.c, 1.5);
  assert.equal(v.d, 1e300);
});

Deno.test("NVMe 128-bit counters stay exact decimal strings", () => {
  const doc = JSON.parse(
    Deno.readTextFileSync(new URL("nvme-null-SAMSUNG_MZWLL3T2HAJQ-00005-nvme0.json", FIXTURES)),
  );
  doc.nvme_smart_health_information_log.media_errors = 0; // placeholder, replaced in text
  const text = JSON.stringify(doc).replace(
    '"media_errors":0',
    '"media_errors":340282366920938463463374607431768211455',
  );
  const r = parseSmartctlJson(text);
  assert.equal(r.nvme?.mediaErrors, "340282366920938463463374607431768211455");
  assert.equal(r.nvme?.dataUnitsRead, "146935678");
  assert.equal(r.smartctlExitStatus, 8);
  assert.equal(r.smartStatusGood, false);
});

Deno.test("ATA attributes map id, name, values, flags and the count in raw.string", () => {
  const r = parseSmartctlJson(
    Deno.readTextFileSync(
      new URL("sat-Seagate_Enterprise_Capacity_3.5_HDD-ST2000NM0008-2F3100-sdl.json", FIXTURES),
    ),
  );
  assert.equal(r.protocol, "ATA");
  const a188 = r.attributes.find((a) => a.id === 188)!;
  assert.equal(a188.name, "Command_Timeout");
  assert.equal(a188.raw, 8590065666);
  assert.equal(a188.count, "2");
  assert.equal(a188.prefailure, false);
  assert.equal(a188.online, true);
  const a1 = r.attributes.find((a) => a.id === 1)!;
  assert.equal(a1.prefailure, true);
  assert.equal(typeof a1.threshold, "number");
  assert.match(r.identify?.wwn ?? "", /^5[0-9a-f]{15}$/);
});

Deno.test("the virtio output is an unavailable report, not an error", () => {
  const r = parseSmartctlJson(VIRTIO_OUTPUT);
  assert.equal(r.device, "/dev/vda");
  assert.match(r.unavailableReason ?? "", /Unable to detect device type/);
  assert.equal(r.smartctlExitStatus, 1);
  assert.deepEqual(r.messages, ["/dev/vda: Unable to detect device type"]);
});

Deno.test("non-smartctl input is a ParseError naming the file", () => {
  assert.throws(() => parseSmartctlJson("{", { file: "x.json" }), ParseError);
  assert.throws(
    () => parseSmartctlJson("[]", { file: "x.json" }),
    /"x.json": no "smartctl" object/,
  );
  assert.throws(
    () => parseSmartctlJson('{"smartctl":{},"ata_smart_attributes":{"table":[{"name":"x"}]}}'),
    /table\[0\] has no id/,
  );
});
