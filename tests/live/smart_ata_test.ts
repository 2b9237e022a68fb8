/**
 * Live tier: SMART of emulated SATA and SCSI disks read by the packaged Bynar in a QEMU
 * guest, compared with `smartctl -j -a` in the same guest.
 *
 * - AHCI SATA (HDD and SSD) on Debian's kernel with libata's default `D_SENSE=0`, where
 *   libatasmart cannot read SMART (skdump: "ATA SMART not supported"; Bynar through
 *   libatasmart: `sk_disk_get_blob` ENODATA): Bynar's own ATA PASS-THROUGH through
 *   SG_IO answers, and every attribute equals smartctl's; the CDBs equal the ones
 *   `smartctl -r ioctl,2` sends.
 * - `scsi_debug` with failure prediction (`sdparm --set=TEST=1 --page=ie`): ATA
 *   PASS-THROUGH and libatasmart do not answer, smartctl does — critical, exit 2.
 *
 * One guest boot (instance `smart-ata`) serves every case. Needs root, QEMU (TCG) and the
 * packages of tests/live/image.ts.
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

Deno.test({
  name:
    "live: SATA with D_SENSE=0 reads natively, equal to smartctl; scsi_debug failure prediction is critical",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const guest = await boot("smart-ata", {
      disks: [
        {
          kind: "sata",
          id: "sata0",
          serial: "BYNAR-HDD-1",
          model: "BYNAR LIVE HDD",
          wwn: "0x5000c500a1b2c3d4",
          rotationRate: 7200,
        },
        {
          kind: "sata",
          id: "sata1",
          serial: "BYNAR-SSD-1",
          model: "BYNAR LIVE SSD",
          rotationRate: 1,
        },
      ],
    });
    try {
      for (const serial of ["BYNAR-HDD-1", "BYNAR-SSD-1"]) {
        const dev = await sdBySerial(guest, serial);
        const dsense = await guest.exec(`sdparm --get=D_SENSE --page=co ${dev}`);
        assert.match(dsense.stdout, /D_SENSE\s+0\b/, `stock kernel default: ${dsense.stdout}`);
        const skdump = await guest.exec(`skdump ${dev} 2>&1`);
        assert.doesNotMatch(skdump.stdout, /Overall Status/, "the premise: libatasmart fails here");
        console.log(
          `${serial}: libatasmart's skdump says: ${skdump.stdout.trim().split("\n").pop()}`,
        );

        const bynar = await json(guest, `bynar smart ${dev} --format json`);
        const ctl = await json(guest, `smartctl -j -a ${dev}`);
        assert.equal(bynar.code, 0, JSON.stringify(bynar.j));
        assert.equal(bynar.j.read_by, "ata-sg-io", JSON.stringify(bynar.j.attempts));
        assert.equal(bynar.j.identify.serial, ctl.j.serial_number);
        assert.equal(bynar.j.identify.model, ctl.j.model_name);
        assert.equal(bynar.j.identify.firmware, ctl.j.firmware_version);
        assert.equal(bynar.j.smart_status_good, ctl.j.smart_status.passed);
        const table = ctl.j.ata_smart_attributes.table as {
          id: number;
          name: string;
          value: number;
          worst: number;
          thresh: number;
          raw: { value: number };
        }[];
        const mine = bynar.j.attributes as Attr[];
        assert.equal(mine.length, table.length, `${serial}: attribute count`);
        for (const t of table) {
          const a = mine.find((x) => x.id === t.id);
          assert.ok(a, `${serial}: attribute ${t.id} missing`);
          assert.deepEqual(
            [a.current, a.worst, a.threshold ?? 0, a.raw],
            [t.value, t.worst, t.thresh, t.raw.value],
            `${serial}: attribute ${t.id} (${t.name})`,
          );
        }
        console.log(
          `${serial} on ${dev}: ${table.length} attributes equal smartctl; verdict ${bynar.j.verdict}`,
        );
      }

      // With D_SENSE=1 (descriptor sense) the same reads give the same answer.
      const hdd = await sdBySerial(guest, "BYNAR-HDD-1");
      const set = await guest.exec(`sdparm --set=D_SENSE=1 --page=co ${hdd}`);
      assert.equal(set.code, 0, set.stderr);
      const d1 = await json(guest, `bynar smart ${hdd} --format json`);
      assert.equal(d1.j.read_by, "ata-sg-io");
      assert.equal(d1.j.smart_status_good, true);
      await guest.exec(`sdparm --set=D_SENSE=0 --page=co ${hdd}`);

      // The CDBs smartctl sends for the same reads (SAT), as a cross-check of the encoding.
      const dev = await sdBySerial(guest, "BYNAR-HDD-1");
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
        ].map((c) => [...c].map((b) => b.toString(16).padStart(2, "0")).join(" ")),
      );

      // scsi_debug with failure prediction: smartctl answers, the verdict is critical.
      const load = await guest.exec(
        "modprobe scsi_debug && sleep 2 && ls /sys/bus/pseudo/drivers/scsi_debug/adapter0/host*/target*/*/block",
      );
      assert.equal(load.code, 0, load.stderr);
      const sdbg = `/dev/${load.stdout.trim().split("\n").pop()}`;
      const ie = await guest.exec(`sdparm --set=TEST=1 --page=ie ${sdbg}`);
      assert.equal(ie.code, 0, ie.stderr);
      const ctl = await json(guest, `smartctl -j -a ${sdbg}`);
      console.log(
        `scsi_debug ${sdbg}: smartctl exit ${ctl.code}, ${JSON.stringify(ctl.j.smart_status)}`,
      );
      const bynar = await json(guest, `bynar smart ${sdbg} --format json`);
      assert.equal(bynar.j.read_by, "smartctl", JSON.stringify(bynar.j.attempts));
      assert.equal(bynar.j.verdict, "critical", JSON.stringify(bynar.j.reasons));
      assert.equal(bynar.code, 2);
      for (const a of bynar.j.attempts) {
        console.log(`  ${a.reader}: ${a.answered ? "answered" : a.reason}`);
      }

      // --check as shipped: the failing SCSI disk makes it CRITICAL (exit 2).
      const check = await guest.exec("bynar --check --no-db", { timeoutMs: 180_000 });
      console.log(`bynar --check: exit ${check.code}: ${check.stdout.trim().split("\n")[0]}`);
      assert.equal(check.code, 2, check.stdout + check.stderr);
      assert.match(check.stdout, new RegExp(sdbg.replace("/dev/", "")));
    } finally {
      await guest.shutdown();
    }
  },
});
