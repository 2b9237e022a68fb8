import assert from "node:assert/strict";
import type { CheckResult } from "../check/model.ts";
import { makeAtaReport, makeDisk, TEST_HOST } from "../../tests/builders/check.ts";
import { unavailableReport } from "../smart/model.ts";
import { formatNagios, formatNagiosUnknown } from "./nagios.ts";
import { checkToJson } from "./json.ts";
import { escapeLabel, formatPrometheus, writeTextfile } from "./prometheus.ts";

function result(): CheckResult {
  const a = makeDisk("sda", {
    identity: {
      model: 'WDC "X"',
      serial: "WD-1",
      wwn: "5000c500a1b2c3d4",
      byIdPath: null,
      key: "wwn:5000c500a1b2c3d4",
    },
  });
  const v = makeDisk("vda", {
    type: "VIRTUAL",
    identity: { model: null, serial: null, wwn: null, byIdPath: null, key: "path:/dev/vda" },
    systemReason: "holds /",
  });
  return {
    version: 1,
    host: TEST_HOST,
    status: "CRITICAL",
    summary: "2 disks checked, 1 critical, 1 without SMART",
    checkedAt: new Date("2026-11-25T10:00:00Z"),
    durationMs: 42,
    disks: [
      {
        disk: v,
        report: unavailableReport("/dev/vda", "virtio disk: no SMART"),
        verdict: "unknown",
        reasons: ["virtio disk: no SMART"],
      },
      {
        disk: a,
        report: makeAtaReport(
          "/dev/sda",
          [{ id: 5, raw: 9, name: "reallocated-sector-count" }],
          false,
        ),
        verdict: "critical",
        reasons: ["SMART overall status is FAILING"],
      },
    ],
    vanished: [{
      diskKey: "serial:GONE",
      path: "/dev/sdz",
      model: null,
      serial: "GONE",
      wwn: null,
      lastSeen: "2026-11-24T10:00:00.000Z",
    }],
    skipped: [],
    warnings: ['Cannot open "/dev/vda" for probing: operation not permitted (EPERM)'],
    problems: [],
  };
}

Deno.test("formatNagios: status line with perfdata, then worst disks first", () => {
  const lines = formatNagios(result()).split("\n");
  assert.equal(
    lines[0],
    "BYNAR CRITICAL - 2 disks checked, 1 critical, 1 without SMART | 'disks'=2;;;0 'ok'=0;;;0 'warning'=0;;;0 'critical'=1;;;0 'no_smart'=1;;;0 'vanished'=1;;;0 'duration'=0.042s;;;0",
  );
  assert.match(
    lines[1]!,
    /^\[CRITICAL\] \/dev\/sda \[wwn:5000c500a1b2c3d4\].*SMART overall status is FAILING/,
  );
  assert.match(
    lines[2]!,
    /^\[UNKNOWN\] \/dev\/vda \[path:\/dev\/vda\] \(VIRTUAL\): virtio disk: no SMART/,
  );
  assert.match(lines[3]!, /^\[CRITICAL\] \/dev\/sdz \[serial:GONE\]: disk vanished/);
  assert.match(lines[4]!, /^\[NOTE\] Cannot open "\/dev\/vda" for probing/);
  assert.equal(formatNagiosUnknown("bad config\nmore"), "BYNAR UNKNOWN - bad config");
});

Deno.test("checkToJson: versioned envelope with identity, type, verdict, reasons", () => {
  const j = checkToJson(result()) as {
    version: number;
    status: string;
    host: { hostname: string };
    disks: Record<string, unknown>[];
    vanished: unknown[];
  };
  assert.equal(j.version, 1);
  assert.equal(j.status, "CRITICAL");
  assert.equal(j.host.hostname, "storage01");
  assert.deepEqual(Object.keys(j.disks[1]!).slice(0, 3), ["path", "identity", "type"]);
  assert.equal((j.disks[1]!.identity as { wwn: string }).wwn, "5000c500a1b2c3d4");
  assert.equal(j.disks[1]!.verdict, "critical");
  assert.equal((j.disks[1]!.smart as { reallocated_sectors: number }).reallocated_sectors, 9);
  assert.equal(j.disks[0]!.system_disk, true);
  assert.equal(j.vanished.length, 1);
});

Deno.test("formatPrometheus: labelled by stable key, escaped, HELP/TYPE once per family", () => {
  const text = formatPrometheus(result());
  assert.match(text, /^bynar_check_status\{host="storage01"\} 2$/m);
  assert.match(text, /^bynar_disk_health\{disk="wwn:5000c500a1b2c3d4"\} 2$/m);
  assert.match(text, /^bynar_disk_health\{disk="path:\/dev\/vda"\} 3$/m);
  assert.match(text, /model="WDC \\"X\\""/);
  assert.match(text, /^bynar_disk_smart_status_good\{disk="wwn:5000c500a1b2c3d4"\} 0$/m);
  assert.match(
    text,
    /^bynar_disk_smart_attribute_raw\{disk="wwn:5000c500a1b2c3d4",id="5",name="reallocated-sector-count"\} 9$/m,
  );
  assert.match(
    text,
    /^bynar_disk_vanished\{disk="serial:GONE",path="\/dev\/sdz",serial="GONE"\} 1$/m,
  );
  for (const fam of text.matchAll(/^# TYPE (\S+)/gm)) {
    assert.equal(text.split(`# TYPE ${fam[1]} `).length, 2, `${fam[1]} declared once`);
  }
  assert.equal(escapeLabel('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
});

Deno.test("writeTextfile: atomic rename leaves only bynar.prom", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-textfile-" });
  try {
    const path = await writeTextfile(dir, "bynar_check_status 0\n");
    assert.equal(path, `${dir}/bynar.prom`);
    assert.equal(await Deno.readTextFile(path), "bynar_check_status 0\n");
    const names = [];
    for await (const e of Deno.readDir(dir)) names.push(e.name);
    assert.deepEqual(names, ["bynar.prom"]);
    await assert.rejects(writeTextfile(`${dir}/missing`, "x"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
