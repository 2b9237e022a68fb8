/**
 * Live tier, SMART read chain: an emulated AHCI SATA disk on Debian's kernel with libata's
 * default `D_SENSE=0`, where libatasmart cannot read SMART (skdump: "ATA SMART not
 * supported"), is read by the packaged Bynar's own ATA PASS-THROUGH through SG_IO
 * (`read_by: "ata-sg-io"`), every attribute equal to `smartctl -j -a` in the same guest,
 * also with `D_SENSE=1`; the CDBs Bynar sends equal the ones `smartctl -d sat -r ioctl,2`
 * prints; and a `scsi_debug` disk with failure prediction is answered by smartctl after
 * the ATA readers said why they could not (the report's `attempts`).
 *
 * The broader cases (SATA SSD, NVMe warning bits, SCSI serials, --check, hot-plug, I/O
 * errors) are the live suite's (`live_test.ts`); this file boots its own small guest
 * (instance `smart-ata`, ≈ 1 min). `BYNAR_SKIP_LIVE=1` marks it ignored.
 */
import assert from "node:assert/strict";
import { boot, type Guest } from "./lab.ts";
import { ataPassThroughCdb } from "../../src/smart/ata/passthrough.ts";

// deno-lint-ignore no-explicit-any -- smartctl's and Bynar's JSON, read field by field
type Json = Record<string, any>;

interface Attr {
  id: number;
  current: number;
  worst: number;
  threshold: number | null;
  raw: number;
}

const SERIAL = "BYNAR-HDD-1";

/** Finds the guest's /dev/sdX of an ATA disk by its serial (udev's by-id link). */
async function sdBySerial(guest: Guest, serial: string): Promise<string> {
  const r = await guest.exec(`readlink -f /dev/disk/by-id/ata-*_${serial}`);
  const dev = r.stdout.trim();
  assert.match(dev, /^\/dev\/sd[a-z]+$/, `no disk with serial ${serial}: ${r.stdout} ${r.stderr}`);
  return dev;
}

/** Runs a command expected to print JSON; returns it with the exit code. */
async function json(guest: Guest, cmd: string): Promise<{ code: number; j: Json }> {
  const r = await guest.exec(cmd, { timeoutMs: 180_000 });
  try {
    return { code: r.code, j: JSON.parse(r.stdout) };
  } catch {
    throw new Error(`"${cmd}" printed no JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
}

/** Bynar's attributes equal smartctl's (id, value, worst, threshold, raw). */
function assertAttributesEqual(bynar: Json, ctl: Json, where: string): number {
  const table = ctl.ata_smart_attributes.table as {
    id: number;
    name: string;
    value: number;
    worst: number;
    thresh: number;
    raw: { value: number };
  }[];
  const mine = bynar.attributes as Attr[];
  assert.equal(mine.length, table.length, `${where}: attribute count`);
  for (const t of table) {
    const a = mine.find((x) => x.id === t.id);
    assert.ok(a, `${where}: attribute ${t.id} missing`);
    assert.deepEqual(
      [a.current, a.worst, a.threshold ?? 0, a.raw],
      [t.value, t.worst, t.thresh, t.raw.value],
      `${where}: attribute ${t.id} (${t.name})`,
    );
  }
  return table.length;
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join(" ");

Deno.test({
  name: "live: SATA with D_SENSE=0 is read natively (ATA PASS-THROUGH), equal to smartctl",
  ignore: Deno.env.get("BYNAR_SKIP_LIVE") === "1",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const guest = await boot("smart-ata", {
      disks: [{
        kind: "sata",
        id: "sata0",
        serial: SERIAL,
        model: "BYNAR LIVE HDD",
        wwn: "0x5000c500a1b2c3d4",
        rotationRate: 7200,
      }],
    });
    try {
      const dev = await sdBySerial(guest, SERIAL);
      const dsense = await guest.exec(`sdparm --get=D_SENSE --page=co ${dev}`);
      assert.match(dsense.stdout, /D_SENSE\s+0\b/, `stock kernel default: ${dsense.stdout}`);
      const skdump = await guest.exec(`skdump ${dev} 2>&1`);
      assert.doesNotMatch(skdump.stdout, /Overall Status/, "the premise: libatasmart fails here");
      console.log(`skdump ${dev}: ${skdump.stdout.trim().split("\n").pop()}`);

      const ctl = await json(guest, `smartctl -j -a ${dev}`);
      for (const dSense of [0, 1]) {
        const set = await guest.exec(`sdparm --set=D_SENSE=${dSense} --page=co ${dev}`);
        assert.equal(set.code, 0, set.stderr);
        const b = await json(guest, `bynar smart ${dev} --format json`);
        assert.equal(b.code, 0, JSON.stringify(b.j));
        assert.equal(b.j.read_by, "ata-sg-io", JSON.stringify(b.j.attempts));
        assert.equal(b.j.identify.serial, ctl.j.serial_number);
        assert.equal(b.j.identify.model, ctl.j.model_name);
        assert.equal(b.j.identify.firmware, ctl.j.firmware_version);
        assert.equal(b.j.smart_status_good, ctl.j.smart_status.passed);
        const n = assertAttributesEqual(b.j, ctl.j, `D_SENSE=${dSense}`);
        console.log(`D_SENSE=${dSense}: read by ata-sg-io, ${n} attributes equal smartctl's`);
      }
      await guest.exec(`sdparm --set=D_SENSE=0 --page=co ${dev}`);

      // The CDBs smartctl sends for the same reads equal Bynar's.
      const raw = await guest.exec(`smartctl -d sat -r ioctl,2 -H -A ${dev} 2>&1`);
      const cdbs = [...raw.stdout.matchAll(/ata pass-through\(16\): ((?:[0-9a-f]{2} ){16})/g)]
        .map((m) => m[1]!.trim());
      assert.deepEqual(
        cdbs,
        [
          ataPassThroughCdb("identify"),
          ataPassThroughCdb("smart-read-data"),
          ataPassThroughCdb("smart-read-thresholds"),
          ataPassThroughCdb("smart-return-status"),
        ].map(hex),
      );

      // scsi_debug with failure prediction: the ATA readers say why not, smartctl answers.
      const load = await guest.exec(
        "modprobe scsi_debug dev_size_mb=16 && udevadm settle --timeout=60 && " +
          "for d in /sys/block/sd*; do grep -q scsi_debug $d/device/model && echo /dev/${d##*/}; done",
      );
      assert.equal(load.code, 0, load.stderr);
      const sdbg = load.stdout.trim();
      assert.match(sdbg, /^\/dev\/sd[a-z]+$/);
      const ie = await guest.exec(`sdparm --set=TEST=1 --page=ie ${sdbg}`);
      assert.equal(ie.code, 0, ie.stderr);
      const b = await json(guest, `bynar smart ${sdbg} --format json`);
      const attempts = b.j.attempts as { reader: string; answered: boolean; reason: string }[];
      assert.deepEqual(attempts.map((a) => [a.reader, a.answered]), [
        ["ata-sg-io", false],
        ["libatasmart", false],
        ["smartctl", true],
      ]);
      assert.match(attempts[0]!.reason, /does not accept ATA PASS-THROUGH/);
      assert.equal(b.j.verdict, "critical", JSON.stringify(b.j.reasons));
      assert.equal(b.code, 2);
      for (const a of attempts) {
        console.log(`scsi_debug ${a.reader}: ${a.answered ? "answered" : a.reason}`);
      }
    } finally {
      await guest.shutdown();
    }
  },
});
