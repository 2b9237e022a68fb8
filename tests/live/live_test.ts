/**
 * The live-device tier: the packaged Bynar (the .deb built from the tree under test: its
 * launcher, runtime, bundle and permission flags) in a QEMU guest with emulated AHCI SATA
 * (HDD, SSD), NVMe, virtio-scsi, scsi_debug and virtio-blk disks. One boot serves every case;
 * each case compares Bynar with `smartctl -j -a` in the same guest and asserts the correct
 * behaviour. Faults come from the host (QMP `qom-set`, hot-unplug/plug, blkdebug) or from the
 * guest kernel (`scsi_debug` + `sdparm`).
 *
 * Needs root, `qemu-system-x86` and the guest packages (tools/test.sh installs them; see
 * `HOST_PACKAGES` in image.ts). Run alone: `deno test --allow-all tests/live/`;
 * `BYNAR_SKIP_LIVE=1` marks it ignored.
 * Set `BYNAR_LIVE_REPORT=FILE` to also write the case table (Markdown) to FILE, and
 * `BYNAR_LIVE_ONLY=REGEX` to run only the matching cases (setup always runs).
 *
 * @module
 */
import assert from "node:assert/strict";
import { boot, type DiskSpec, type ExecResult, type Guest, SYSTEM_SERIAL } from "./lab.ts";

/** The guest's disks (besides the virtio-blk system disk, `/dev/vda`, the root). */
const HDD = {
  kind: "sata",
  id: "hdd0",
  serial: "LIVE-HDD-0001",
  model: "BYNAR LIVE HDD",
  wwn: "0x5000c500a1b2c3d4",
  rotationRate: 7200,
} as const satisfies DiskSpec;
const SSD = {
  kind: "sata",
  id: "ssd0",
  serial: "LIVE-SSD-0002",
  model: "BYNAR LIVE SSD",
  wwn: "0x55cd2e404b5e6f70",
  rotationRate: 1,
} as const satisfies DiskSpec;
const NVME_PULL = {
  kind: "nvme",
  id: "nvme0",
  serial: "LIVE-NVME-0003",
  addr: "0x10",
} as const satisfies DiskSpec;
const NVME_DATA = {
  kind: "nvme",
  id: "nvme1",
  serial: "LIVE-NVME-0004",
  addr: "0x11",
  ext4Label: "data",
} as const satisfies DiskSpec;
const SCSI = {
  kind: "scsi",
  id: "scsi1",
  serial: "LIVE-SCSI-0005",
  vendor: "BYNAR",
  product: "LIVE-SCSI",
  wwn: "0x5000c50000000005",
} as const satisfies DiskSpec;
const VIRTIO_ERRS = {
  kind: "virtio",
  id: "vdb",
  serial: "LIVE-VIRT-0006",
  ext4Label: "errs",
  blkdebug: true,
} as const satisfies DiskSpec;
/** The NVMe whose critical-warning bits are set (a PMR makes QEMU accept bit 0x20). */
const NVME_BITS = {
  kind: "nvme",
  id: "nvme2",
  serial: "LIVE-NVME-0008",
  addr: "0x12",
  pmr: true,
} as const satisfies DiskSpec;
/** The replacement plugged into NVME_PULL's slot. */
const NVME_NEW = { kind: "nvme", id: "nvme9", serial: "LIVE-NVME-0007", addr: "0x10" } as const;

const DISKS: readonly DiskSpec[] = [HDD, SSD, NVME_PULL, NVME_DATA, NVME_BITS, SCSI, VIRTIO_ERRS];

/** One row of the case table. */
interface CaseRow {
  name: string;
  expected: string;
  observed: string;
  ms: number;
  ok: boolean;
}

const rows: CaseRow[] = [];

/** `BYNAR_LIVE_ONLY=REGEX` runs only the matching cases (plus setup), for development. */
const onlyEnv = Deno.env.get("BYNAR_LIVE_ONLY");
const only = onlyEnv ? new RegExp(onlyEnv, "i") : null;

/** The reports of the ten `disks --run` passes (read again by the system-disk case). */
const passes: PassJson[] = [];

/** Runs the bynar launcher (as installed from the .deb: /usr/bin/bynar) in the guest. */
function bynar(guest: Guest, args: string): Promise<ExecResult> {
  return guest.exec(`/usr/bin/bynar ${args}`);
}

function parseJson<T>(r: ExecResult, what: string): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(
      `${what}: not JSON (exit ${r.code}): stdout=${r.stdout.slice(0, 2000)} stderr=${
        r.stderr.slice(0, 2000)
      }`,
    );
  }
}

/** `smartctl -j -a DEV` in the guest. */
async function smartctl(guest: Guest, dev: string): Promise<Record<string, unknown>> {
  const r = await guest.exec(`smartctl -j -a ${dev}`);
  return parseJson<Record<string, unknown>>(r, `smartctl -j -a ${dev}`);
}

/** The WWN smartctl reports for an ATA disk, as `0x…` hex. */
function smartctlWwn(j: Record<string, unknown>): string | null {
  const w = j.wwn as { naa: number; oui: number; id: number } | undefined;
  if (w) {
    return `0x${w.naa.toString(16)}${w.oui.toString(16).padStart(6, "0")}${
      w.id.toString(16).padStart(9, "0")
    }`;
  }
  const lu = j.logical_unit_id as string | undefined;
  return lu ? lu.toLowerCase() : null;
}

interface CheckJson {
  status: string;
  summary: string;
  disks: {
    path: string;
    identity: { key: string; serial: string | null; model: string | null; wwn: string | null };
    verdict: string;
    reasons: string[];
    system_disk: boolean;
    smart: { nvme: { critical_warning: number } | null; unavailable_reason: string | null };
  }[];
  vanished: { diskKey: string; serial: string | null }[] | { serial: string | null }[];
  problems?: string[];
}

interface DisksJson {
  disks: {
    path: string;
    type: string;
    identity: { key: string; serial: string | null; model: string | null; wwn: string | null };
    systemReason: string | null;
    mounts: { mountpoint: string }[];
  }[];
  states: { path: string; diskKey: string; present: boolean; state: string; reason: string }[];
}

interface PassJson {
  simulate: boolean;
  disks: {
    path: string;
    diskKey: string;
    startState: string;
    finalState: string;
    reason: string;
    transitions: { from: string; to: string; step: string; reason: string }[];
  }[];
}

/** `bynar --check --format json` (extra args appended); asserts the output is JSON. */
async function check(guest: Guest, extra = ""): Promise<{ r: ExecResult; j: CheckJson }> {
  const r = await bynar(guest, `--check --format json ${extra}`);
  return { r, j: parseJson<CheckJson>(r, `bynar --check ${extra}`) };
}

function describe(r: ExecResult, j?: CheckJson, path?: string): string {
  const d = path ? j?.disks.find((x) => x.path === path) : undefined;
  return `exit ${r.code} (${(r.ms / 1000).toFixed(1)} s)` + (j ? `, ${j.status}` : "") +
    (d ? `, ${d.path} ${d.verdict}: ${d.reasons.join("; ")}` : "") +
    (j && !path && j.status !== "OK"
      ? ` (${
        j.disks.filter((x) => x.verdict !== "ok" && x.verdict !== "unknown").map((x) =>
          `${x.path} ${x.verdict}: ${x.reasons.join("; ").slice(0, 160)}`
        ).join(" / ")
      })`
      : "") +
    (j?.status === "UNKNOWN" && j.problems?.length
      ? `, problems: ${j.problems.join("; ").slice(0, 300)}`
      : "") +
    (r.code === 3 && r.stderr ? `, stderr: ${r.stderr.trim().slice(0, 200)}` : "");
}

/** Guest device names found at setup. */
const dev = {
  hdd: "",
  ssd: "",
  scsi: "",
  scsiDebug: "",
  nvmePull: "",
  nvmeData: "",
  nvmeBits: "",
};

/** Finds the guest block device whose serial (sysfs/udev) is the given one. */
async function deviceBySerial(guest: Guest, serial: string): Promise<string> {
  const r = await guest.exec(
    `for d in /sys/block/*; do n=\${d##*/}; ` +
      `s=$(cat $d/serial $d/device/serial $d/device/vpd_pg80 2>/dev/null | tr -cd 'A-Za-z0-9._-'); ` +
      `case "$s" in *${serial}*) echo /dev/$n;; esac; done`,
  );
  const found = r.stdout.trim().split("\n").filter(Boolean);
  assert.equal(found.length, 1, `one guest disk with serial ${serial}, found ${r.stdout}`);
  return found[0]!;
}

Deno.test({
  name: "live: the packaged Bynar on emulated SATA, SCSI, NVMe and virtio disks (QEMU/TCG)",
  // An explicit, visible opt-out (reported as ignored), never a silent skip.
  ignore: Deno.env.get("BYNAR_SKIP_LIVE") === "1",
  sanitizeOps: false,
  sanitizeResources: false,
}, async (t) => {
  const t0 = performance.now();
  const guest = await boot("live-suite", { disks: DISKS });
  rows.push({
    name: "boot (QEMU TCG, Debian kernel, 8 disks)",
    expected: "agent answers",
    observed: `agent answered after ${guest.bootMs} ms`,
    ms: guest.bootMs,
    ok: true,
  });

  /** Runs one case as a step and records expected → observed and its wall time. */
  async function step(
    name: string,
    expected: string,
    fn: (observe: (s: string) => void) => void | Promise<void>,
  ): Promise<void> {
    if (only && !only.test(name) && !name.startsWith("setup")) {
      await t.step({ name, ignore: true, fn: () => {} });
      return;
    }
    const observed: string[] = [];
    const s0 = performance.now();
    let error: unknown;
    const ok = await t.step(name, async () => {
      try {
        await fn((s) => observed.push(s));
      } catch (err) {
        error = err;
        throw err;
      }
    });
    const msg = error instanceof Error ? error.message.split("\n")[0]! : "";
    rows.push({
      name,
      expected,
      observed: observed.join("; ") + (ok ? "" : ` — FAILED: ${msg}`),
      ms: Math.round(performance.now() - s0),
      ok,
    });
  }

  try {
    await step("setup: disks found, scsi_debug loaded, ext4 disks mounted", "ready", async (o) => {
      dev.hdd = await deviceBySerial(guest, HDD.serial);
      dev.ssd = await deviceBySerial(guest, SSD.serial);
      dev.scsi = await deviceBySerial(guest, SCSI.serial);
      dev.nvmePull = await deviceBySerial(guest, NVME_PULL.serial);
      dev.nvmeData = await deviceBySerial(guest, NVME_DATA.serial);
      dev.nvmeBits = await deviceBySerial(guest, NVME_BITS.serial);
      const r = await guest.exec(
        `modprobe scsi_debug dev_size_mb=64 && udevadm settle --timeout=60 && ` +
          `for d in /sys/block/sd*; do grep -q scsi_debug $d/device/model && echo /dev/\${d##*/}; done; ` +
          `mkdir -p /srv/data /srv/errs && mount ${dev.nvmeData} /srv/data && ` +
          `mount /dev/vdb /srv/errs && echo hello > /srv/errs/file && sync`,
      );
      assert.equal(r.code, 0, r.stderr);
      dev.scsiDebug = r.stdout.trim();
      assert.match(dev.scsiDebug, /^\/dev\/sd[a-z]+$/);
      const v = await bynar(guest, "version");
      assert.equal(v.code, 0, v.stderr);
      o(`${JSON.stringify(dev)}; first bynar start ${v.ms} ms`);
    });

    await step(
      "inventory: type, serial, model, WWN and system disk of every disk",
      "each disk as configured; equal to smartctl; SCSI serial = VPD 0x80 (not the WWN); only /dev/vda is a system disk",
      async (o) => {
        const r = await bynar(guest, "disks --format json");
        assert.equal(r.code, 0, r.stderr);
        const j = parseJson<DisksJson>(r, "bynar disks");
        const by = (p: string) => {
          const d = j.disks.find((x) => x.path === p);
          assert.ok(d, `bynar disks lists ${p}`);
          return d;
        };
        const want: [string, string, string, string | null, string | null][] = [
          [dev.hdd, "ROTATIONAL", HDD.serial, HDD.model, HDD.wwn],
          [dev.ssd, "SOLID_STATE", SSD.serial, SSD.model, SSD.wwn],
          [dev.nvmePull, "NVME", NVME_PULL.serial, null, null],
          [dev.nvmeData, "NVME", NVME_DATA.serial, null, null],
          [dev.nvmeBits, "NVME", NVME_BITS.serial, null, null],
          [dev.scsi, "ROTATIONAL", SCSI.serial, null, SCSI.wwn],
          ["/dev/vdb", "VIRTUAL", VIRTIO_ERRS.serial, null, null],
          ["/dev/vda", "VIRTUAL", SYSTEM_SERIAL, null, null],
        ];
        const wrong: string[] = [];
        for (const [path, type, serial, model, wwn] of want) {
          const d = by(path);
          if (d.type !== type) wrong.push(`${path} type ${d.type} ≠ ${type}`);
          if (d.identity.serial !== serial) {
            wrong.push(`${path} serial ${d.identity.serial} ≠ ${serial}`);
          }
          if (model !== null && d.identity.model !== model) {
            wrong.push(`${path} model ${d.identity.model} ≠ ${model}`);
          }
          if (wwn !== null && d.identity.wwn?.toLowerCase() !== wwn) {
            wrong.push(`${path} wwn ${d.identity.wwn} ≠ ${wwn}`);
          }
          const system = path === "/dev/vda";
          if ((d.systemReason !== null) !== system) {
            wrong.push(`${path} system ${d.systemReason} (expected ${system})`);
          }
          if (path !== "/dev/vdb" && path !== "/dev/vda") {
            const s = await smartctl(guest, path);
            const sSerial = String(s.serial_number ?? "").trim();
            if (sSerial !== d.identity.serial) {
              wrong.push(`${path} serial ${d.identity.serial} ≠ smartctl ${sSerial}`);
            }
            const sWwn = smartctlWwn(s);
            if (sWwn !== null && d.identity.wwn?.toLowerCase() !== sWwn) {
              wrong.push(`${path} wwn ${d.identity.wwn} ≠ smartctl ${sWwn}`);
            }
          }
        }
        // scsi_debug: the unit serial (VPD 0x80) as smartctl reads it, never its WWN.
        const sd = by(dev.scsiDebug);
        const sdSmart = await smartctl(guest, dev.scsiDebug);
        const sdSerial = String(sdSmart.serial_number ?? "").trim();
        if (sd.identity.serial !== sdSerial) {
          wrong.push(`${dev.scsiDebug} serial ${sd.identity.serial} ≠ smartctl ${sdSerial}`);
        }
        if (sd.systemReason !== null) wrong.push(`${dev.scsiDebug} is not a system disk`);
        o(
          j.disks.map((d) =>
            `${d.path} ${d.type} ${d.identity.serial}/${d.identity.wwn ?? "-"}${
              d.systemReason ? " system" : ""
            }`
          ).join(", "),
        );
        if (wrong.length) o(`wrong: ${wrong.join("; ")}`);
        assert.deepEqual(wrong, []);
      },
    );

    await step(
      "SATA SMART (HDD and SSD, kernel default D_SENSE=0) equals smartctl",
      "bynar smart exit 0; every attribute id/value/worst/thresh/raw = smartctl",
      async (o) => {
        for (const path of [dev.hdd, dev.ssd]) {
          const dsense = await guest.exec(`sdparm --get=D_SENSE --page=co ${path}`);
          assert.match(dsense.stdout, /D_SENSE\s+0\b/, dsense.stdout);
          const s = await smartctl(guest, path);
          const table = ((s.ata_smart_attributes as { table?: unknown[] } | undefined)?.table ??
            []) as {
              id: number;
              value: number;
              worst: number;
              thresh: number;
              raw: { value: number };
            }[];
          assert.ok(table.length > 0, `smartctl reads SMART attributes of ${path}`);
          const r = await bynar(guest, `smart ${path} --format json`);
          if (r.code !== 0) o(`${path}: exit ${r.code} ${r.stderr.trim().slice(0, 200)}`);
          assert.equal(r.code, 0, `bynar smart ${path}: ${r.stderr}`);
          const b = parseJson<
            {
              attributes: {
                id: number;
                current: number;
                worst: number;
                threshold: number | null;
                raw: number | string;
              }[];
              source: string;
            }
          >(r, `bynar smart ${path}`);
          const mine = b.attributes.map((
            a,
          ) => [a.id, a.current, a.worst, a.threshold, String(a.raw)]);
          const theirs = table.map((a) => [a.id, a.value, a.worst, a.thresh, String(a.raw.value)]);
          assert.deepEqual(mine, theirs, `${path}: bynar attributes equal smartctl's`);
          o(`${path}: ${mine.length} attributes equal smartctl's (source ${b.source})`);
        }
      },
    );

    await step(
      "a healthy mounted disk stays good through ten passes of `disks --run` as shipped",
      "every pass: the mounted ext4 disk ends good; no healthy disk goes to waiting_for_replacement",
      async (o) => {
        const finals: string[] = [];
        const bad: string[] = [];
        for (let i = 1; i <= 10; i++) {
          const r = await bynar(guest, "disks --run --format json");
          assert.equal(r.code, 0, `pass ${i}: ${r.stderr}`);
          const j = parseJson<PassJson>(r, `disks --run pass ${i}`);
          passes.push(j);
          const data = j.disks.find((d) => d.path === dev.nvmeData);
          assert.ok(data, `pass ${i} reports ${dev.nvmeData}`);
          finals.push(`${data.finalState} (${r.ms} ms)`);
          if (data.finalState !== "good") {
            bad.push(`pass ${i}: ${dev.nvmeData} ${data.finalState}: ${data.reason}`);
          }
          for (const d of j.disks) {
            if (d.finalState === "waiting_for_replacement" || d.finalState === "failed") {
              bad.push(`pass ${i}: ${d.path} ${d.finalState}: ${d.reason}`);
            }
          }
          if (bad.length) break;
        }
        o(`${dev.nvmeData}: ${finals.join(", ")}`);
        if (bad.length) o(bad.slice(0, 3).join("; "));
        assert.deepEqual(bad, []);
      },
    );

    await step(
      "the system disk (virtio-blk holding /) is SMART only in the state machine",
      "/dev/vda: never mounted, written, repaired or reformatted; the reason says system disk",
      (o) => {
        assert.ok(passes.length > 0, "the passes above ran");
        const seen: string[] = [];
        for (const [i, p] of passes.entries()) {
          const d = p.disks.find((x) => x.path === "/dev/vda");
          assert.ok(d, `pass ${i + 1} reports /dev/vda`);
          const steps = d.transitions.map((t) => t.step);
          seen.push(`${d.finalState} [${steps.join(",")}]`);
          assert.ok(
            steps.every((s) => s === "smart" || s === "inspect"),
            `pass ${i + 1}: only SMART/inspect on the system disk, got ${steps.join(",")}`,
          );
          assert.match(
            [d.reason, ...d.transitions.map((t) => t.reason)].join(" "),
            /system disk/i,
          );
        }
        o(`/dev/vda in ${passes.length} passes: ${[...new Set(seen)].join("; ")}`);
      },
    );

    await step(
      "`disks --run --simulate` works as shipped once the database exists",
      "exit 0, simulate: true, the database unchanged",
      async (o) => {
        const before = await guest.exec("sha256sum /var/lib/bynar/bynar.db; ls /var/lib/bynar");
        const r = await bynar(guest, "disks --run --simulate --format json");
        const after = await guest.exec("sha256sum /var/lib/bynar/bynar.db; ls /var/lib/bynar");
        o(`exit ${r.code}${r.code ? `: ${r.stderr.trim().slice(0, 200)}` : ""}`);
        assert.equal(r.code, 0, r.stderr);
        const j = parseJson<PassJson>(r, "disks --run --simulate");
        assert.equal(j.simulate, true);
        assert.equal(after.stdout, before.stdout, "the simulation changed nothing");
      },
    );

    await step(
      "SCSI failure prediction (scsi_debug, sdparm TEST=1) → CRITICAL",
      "smartctl FAILURE PREDICTION; bynar smart exit 2; --check CRITICAL (exit 2)",
      async (o) => {
        const d = dev.scsiDebug;
        const set = await guest.exec(`sdparm --set=TEST=1 --page=ie ${d}`);
        assert.equal(set.code, 0, set.stderr);
        try {
          const s = await guest.exec(`smartctl -H ${d}`);
          assert.match(s.stdout, /FAILURE PREDICTION THRESHOLD EXCEEDED/);
          const sm = await bynar(guest, `smart ${d}`);
          const { r, j } = await check(guest, `--no-db --device ${d}`);
          o(`smartctl exit ${s.code}; bynar smart exit ${sm.code}; --check ${describe(r, j, d)}`);
          assert.equal(sm.code, 2, `bynar smart: ${sm.stdout}${sm.stderr}`);
          assert.equal(r.code, 2);
          assert.equal(j.status, "CRITICAL");
        } finally {
          await guest.exec(`sdparm --set=TEST=0 --page=ie ${d}`);
        }
      },
    );

    const bits: [number, string, RegExp][] = [
      [0x02, "WARNING", /temperature/i],
      [0x01, "CRITICAL", /spare/i],
      [0x04, "CRITICAL", /reliab/i],
      [0x08, "CRITICAL", /read-only|read only/i],
      [0x10, "CRITICAL", /volatile/i],
      [0x20, "CRITICAL", /persistent memory/i],
    ];
    await step(
      "NVMe critical_warning bits (QMP qom-set) named right",
      "0x02 → WARNING (exit 1); 0x01, 0x04, 0x08, 0x10, 0x20 → CRITICAL (exit 2); value = smartctl's",
      async (o) => {
        const wrong: string[] = [];
        const nvme = dev.nvmeBits;
        const ctrl = nvme.replace(/n\d+$/, "");
        try {
          for (const [bit, status, name] of bits) {
            await guest.qmp("qom-set", {
              path: `/machine/peripheral/${NVME_BITS.id}`,
              property: "smart_critical_warning",
              value: bit,
            });
            const s = await smartctl(guest, ctrl);
            const sBits = (s.nvme_smart_health_information_log as { critical_warning: number })
              .critical_warning;
            const { r, j } = await check(guest, `--no-db --device ${nvme}`);
            const d = j.disks.find((x) => x.path === nvme);
            const hex = `0x${bit.toString(16).padStart(2, "0")}`;
            o(`${hex}: ${describe(r, j)}`);
            if (sBits !== bit) wrong.push(`${hex}: smartctl sees ${sBits}`);
            if (d?.smart.nvme?.critical_warning !== bit) {
              wrong.push(`${hex}: bynar reads ${d?.smart.nvme?.critical_warning}`);
            }
            if (j.status !== status || r.code !== (status === "WARNING" ? 1 : 2)) {
              wrong.push(`${hex}: ${j.status} exit ${r.code}, expected ${status}`);
            }
            if (!d?.reasons.some((x) => name.test(x))) {
              wrong.push(`${hex}: reasons do not name it: ${d?.reasons.join("; ")}`);
            }
          }
        } finally {
          await guest.qmp("qom-set", {
            path: `/machine/peripheral/${NVME_BITS.id}`,
            property: "smart_critical_warning",
            value: 0,
          });
        }
        if (wrong.length) o(`wrong: ${wrong.join("; ")}`);
        assert.deepEqual(wrong, []);
      },
    );

    await step(
      "NVMe pulled, a new serial in its slot, then the old disk back",
      "pulled → --check CRITICAL (vanished); new serial in the slot → OK; old disk back → checked again",
      async (o) => {
        const base = await check(guest);
        assert.ok(
          base.j.disks.some((d) => d.identity.serial === NVME_PULL.serial),
          "the check knows the NVMe before it is pulled",
        );
        o(`before: ${describe(base.r, base.j)}`);
        await guest.unplugDisk(NVME_PULL.id);
        const gone = await check(guest);
        const vanished = JSON.stringify(gone.j.vanished);
        o(`pulled: ${describe(gone.r, gone.j)}, vanished ${vanished}`);
        assert.equal(gone.r.code, 2);
        assert.ok(vanished.includes(NVME_PULL.serial), "the pulled disk is vanished");

        await guest.plugDisk(NVME_NEW);
        await guest.exec("sleep 2; udevadm settle --timeout=60");
        const pass = await bynar(guest, "disks --run --format json");
        assert.equal(pass.code, 0, pass.stderr);
        const replaced = await check(guest);
        o(`replaced: ${describe(replaced.r, replaced.j)}, vanished ${
          JSON.stringify(replaced.j.vanished)
        }`);
        // The replacement's findings are collected, so the old-disk-back part runs anyway.
        const wrong: string[] = [];
        if (!replaced.j.disks.some((d) => d.identity.serial === NVME_NEW.serial)) {
          wrong.push("the new disk is not checked");
        }
        if (JSON.stringify(replaced.j.vanished).includes(NVME_PULL.serial)) {
          wrong.push("the replaced disk is still vanished");
        }
        if (replaced.r.code !== 0) {
          wrong.push(`after replacement --check exits ${replaced.r.code}: ${replaced.j.summary}`);
        }

        await guest.unplugDisk(NVME_NEW.id);
        await guest.plugDisk({ ...NVME_PULL }, { reuseNode: true });
        await guest.exec("sleep 2; udevadm settle --timeout=60");
        const back = await bynar(guest, "disks --run --format json");
        assert.equal(back.code, 0, back.stderr);
        const bj = parseJson<PassJson>(back, "disks --run (old disk back)");
        const old = bj.disks.find((d) => d.diskKey.includes(NVME_PULL.serial));
        o(`old disk back: ${
          old
            ? `${old.startState} -> ${old.finalState} (${old.transitions.length} steps)`
            : "absent"
        }`);
        assert.ok(old, "the state machine sees the old disk again");
        assert.ok(old.transitions.length > 0, `it is checked again: ${old.reason}`);
        assert.notEqual(old.finalState, "replaced");
        const again = await check(guest);
        const od = again.j.disks.find((d) => d.identity.serial === NVME_PULL.serial);
        assert.ok(od, "--check checks the old disk again");
        o(`--check: ${od.path} ${od.verdict}`);
        assert.deepEqual(
          wrong,
          [],
          "after replacement: the new disk checked, nothing vanished, OK",
        );
      },
    );

    await step(
      "ext4 I/O errors (blkdebug) under a mounted filesystem → CRITICAL with the reason",
      "before: OK; after EIO: errors_count > 0 and --check CRITICAL (exit 2) naming the filesystem errors",
      async (o) => {
        const before = await check(guest, "--no-db --device /dev/vdb");
        o(`before: ${describe(before.r, before.j, "/dev/vdb")}`);
        assert.equal(before.r.code, 0);
        await guest.armIoErrors(VIRTIO_ERRS.id);
        const io = await guest.exec(
          "echo 3 > /proc/sys/vm/drop_caches; cat /srv/errs/file; echo x > /srv/errs/new; sync; " +
            "ls /srv/errs; sleep 1; cat /sys/fs/ext4/vdb/errors_count",
        );
        const count = Number(io.stdout.trim().split("\n").at(-1));
        o(`errors_count ${count}`);
        assert.ok(count > 0, `the kernel recorded ext4 errors: ${io.stdout}${io.stderr}`);
        const after = await check(guest, "--no-db --device /dev/vdb");
        o(`after: ${describe(after.r, after.j, "/dev/vdb")}`);
        assert.equal(after.r.code, 2);
        assert.equal(after.j.status, "CRITICAL");
        const d = after.j.disks.find((x) => x.path === "/dev/vdb");
        assert.ok(d?.reasons.some((x) => /error/i.test(x)), "the reason names the errors");
      },
    );
  } finally {
    await guest.shutdown();
    const total = Math.round(performance.now() - t0);
    const table = [
      "| case | expected | observed | wall ms |",
      "|---|---|---|---:|",
      ...rows.map((r) =>
        `| ${r.ok ? "" : "✗ "}${r.name} | ${r.expected} | ${
          r.observed.replaceAll("|", "\\|")
        } | ${r.ms} |`
      ),
      `| **tier total** | | | ${total} |`,
    ].join("\n");
    console.log(`\nlive tier (${(total / 1000).toFixed(0)} s):\n${table}\n`);
    const report = Deno.env.get("BYNAR_LIVE_REPORT");
    if (report) await Deno.writeTextFile(report, table + "\n");
  }
});
