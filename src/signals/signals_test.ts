import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import {
  belongsTo,
  counterGrowth,
  type CounterSample,
  decide,
  evidenceText,
  findOutliers,
  judgeIoLatency,
  judgeKernelIoErrors,
  parseDiskStat,
  parseKernelIoErrors,
  precisionReport,
  reading,
  renderSignalMetrics,
  type SignalDisk,
  streaksOf,
  wearoutPrediction,
} from "./mod.ts";

const NOW = new Date("2026-12-07T12:00:00Z");
const day = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const ata = (d: number, v: Partial<CounterSample>): CounterSample => ({
  checkedAt: day(d),
  reallocated: 0,
  pending: 0,
  offlineUncorrectable: 0,
  reportedUncorrectable: 0,
  mediaErrors: null,
  percentageUsed: null,
  ...v,
});

Deno.test("smart trend: pending sectors growing at every check fire strong", () => {
  const h = [ata(6, {}), ata(4, { pending: 2 }), ata(2, { pending: 5 }), ata(0, { pending: 9 })];
  const r = counterGrowth("wwn:1", h, { now: NOW });
  assertEquals(r.status, "fired");
  assertEquals(r.strength, "strong");
  assertEquals(r.value, 9);
  assert(r.reason.includes("pending sectors (ATA 197) +9 (0 -> 9)"), r.reason);
});

Deno.test("smart trend: one small rise is weak; flat is quiet; a reset is not growth", () => {
  assertEquals(
    counterGrowth("k", [ata(3, {}), ata(0, { reallocated: 1 })], { now: NOW }).strength,
    "weak",
  );
  assertEquals(counterGrowth("k", [ata(3, {}), ata(0, {})], { now: NOW }).status, "quiet");
  const reset = counterGrowth("k", [ata(3, { pending: 40 }), ata(0, { pending: 0 })], {
    now: NOW,
  });
  assertEquals(reset.status, "quiet");
  // Growth older than the window does not count.
  assertEquals(
    counterGrowth("k", [ata(20, {}), ata(10, { pending: 50 }), ata(0, { pending: 50 })], {
      now: NOW,
    }).status,
    "quiet",
  );
});

Deno.test("smart trend: a single check is unknown, never quiet", () => {
  const r = counterGrowth("k", [ata(0, { pending: 3 })], { now: NOW });
  assertEquals(r.status, "unknown");
});

Deno.test("smart trend: NVMe media errors (128-bit decimal strings) count", () => {
  const nv = (d: number, m: string): CounterSample => ({
    ...ata(d, {}),
    reallocated: null,
    pending: null,
    offlineUncorrectable: null,
    reportedUncorrectable: null,
    mediaErrors: m,
  });
  const r = counterGrowth("k", [nv(2, "0"), nv(0, "12")], { now: NOW });
  assertEquals([r.status, r.strength, r.value], ["fired", "strong", 12]);
});

Deno.test("nvme wear-out: 1 %/day from 60 % predicts 40 days, weak; worn out is strong", () => {
  const pu = (d: number, y: number): CounterSample => ({ ...ata(d, {}), percentageUsed: y });
  const h = [pu(10, 50), pu(5, 55), pu(0, 60)];
  const r = wearoutPrediction("k", h, { now: NOW });
  assertEquals(r.status, "fired");
  assertEquals(r.strength, "weak");
  assertEquals(Math.round(r.value!), 40);
  assert(r.reason.includes("2027-01-16"), r.reason);
  const soon = wearoutPrediction("k", [pu(10, 70), pu(0, 90)], { now: NOW });
  assertEquals([soon.status, soon.strength], ["fired", "strong"]);
  assertEquals(wearoutPrediction("k", [pu(0, 100)], { now: NOW }).strength, "strong");
  assertEquals(wearoutPrediction("k", [pu(10, 3), pu(0, 3)], { now: NOW }).status, "quiet");
  assertEquals(wearoutPrediction("k", [pu(1, 3), pu(0, 4)], { now: NOW }).status, "unknown");
  // 0.1 %/day from 10 %: 900 days away, beyond the 180-day horizon.
  assertEquals(wearoutPrediction("k", [pu(10, 9), pu(0, 10)], { now: NOW }).status, "quiet");
});

// Lines as Debian's 6.1 kernel writes them to /dev/kmsg (prio,seq,usec,flags;message).
const KMSG = [
  "3,2001,5000000,-;I/O error, dev vdb, sector 2048 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2\n",
  "3,2002,5000100,-;Buffer I/O error on dev vdb1, logical block 0, async page read\n",
  "3,2003,5900000,-;critical medium error, dev sdc1, sector 8 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2\n",
  "4,2004,6000000,-;nvme0n1: Read(0x2) @ LBA 0, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR \n",
  "3,2005,6100000,-;nvme0n1: I/O Cmd(0x2) @ LBA 16, 8 blocks, I/O Error (sct 0x2 / sc 0x81) DNR \n",
  "6,2006,6200000,-;loop1: detected capacity change from 0 to 10485760\n",
  "3,2007,100,-;I/O error, dev sdb, sector 0 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2\n",
];

Deno.test("kernel I/O errors: block-layer and NVMe lines parse, partitions count for their disk", () => {
  const e = parseKernelIoErrors(KMSG);
  assertEquals(e.map((x) => x.device), ["vdb", "sdc1", "nvme0n1", "sdb"]);
  assert(belongsTo("sdc1", "sdc"));
  assert(belongsTo("nvme0n1p2", "nvme0n1"));
  assert(!belongsTo("sdc1", "sd"));
  assert(!belongsTo("nvme0n10", "nvme0n1"));
  assert(!belongsTo("sdaa", "sda"));
});

Deno.test("kernel I/O errors: counted in the window only, per disk", () => {
  const disks: SignalDisk[] = ["vdb", "sdc", "nvme0n1", "sdb", "vdc"].map((n) => ({
    diskKey: `k-${n}`,
    name: n,
    path: `/dev/${n}`,
    model: null,
  }));
  // Uptime 3600.5 s: the window of 60 minutes starts at 0.5 s; sdb's error (0.0001 s) is older.
  const r = judgeKernelIoErrors(disks, {
    errors: parseKernelIoErrors(KMSG),
    uptimeSeconds: 3600.5,
  });
  assertEquals(r.map((x) => x.status), ["fired", "fired", "fired", "quiet", "quiet"]);
  assertEquals(r[0]!.value, 1);
  assert(r[2]!.reason.includes("/dev/nvme0n1"), r[2]!.reason);
  assertEquals(
    judgeKernelIoErrors(disks.slice(0, 1), {
      errors: parseKernelIoErrors(Array(10).fill(KMSG[0])),
      uptimeSeconds: 10,
    })[0]!.strength,
    "strong",
  );
});

Deno.test("outliers: one disk 10x its peers is slow; a lone disk is unknown", () => {
  const v = findOutliers([
    { id: "a", group: "g", latencyMs: 2 },
    { id: "b", group: "g", latencyMs: 3 },
    { id: "c", group: "g", latencyMs: 40 },
    { id: "d", group: "h", latencyMs: 400 },
  ]);
  assertEquals(v.map((x) => x.status), ["normal", "normal", "slow", "unknown"]);
  // Below the absolute floor, nobody is slow however idle the peers are.
  assertEquals(
    findOutliers([
      { id: "a", group: "g", latencyMs: 0.1 },
      { id: "b", group: "g", latencyMs: 0.1 },
      { id: "c", group: "g", latencyMs: 5 },
    ])[2]!.status,
    "normal",
  );
});

Deno.test("io latency: from /sys/block/<d>/stat deltas; too little I/O is unknown", () => {
  const st = (r: number, rms: number, w: number, wms: number) =>
    parseDiskStat(`${r} 0 0 ${rms} ${w} 0 0 ${wms} 0 0 0 0 0 0 0 0 0`)!;
  const disk = (n: string): SignalDisk => ({ diskKey: n, name: n, path: `/dev/${n}`, model: null });
  const r = judgeIoLatency([
    { disk: disk("vdb"), group: "virtio", before: st(0, 0, 0, 0), after: st(100, 100, 0, 0) },
    { disk: disk("vdc"), group: "virtio", before: st(0, 0, 0, 0), after: st(50, 40, 50, 60) },
    { disk: disk("vdd"), group: "virtio", before: st(0, 0, 0, 0), after: st(30, 3000, 0, 0) },
    { disk: disk("vde"), group: "virtio", before: st(0, 0, 0, 0), after: st(5, 5000, 0, 0) },
  ]);
  assertEquals(r.map((x) => x.status), ["quiet", "quiet", "fired", "unknown"]);
  assertEquals(r[2]!.value, 100);
  assertEquals(r[2]!.strength, "strong");
});

Deno.test("decision: escalates warn -> ticket -> removal; unknown never counts", () => {
  const f = (signal: Parameters<typeof reading>[0], strength: "weak" | "strong") =>
    reading(signal, "d", { status: "fired", strength, reason: `${signal} fired` });
  const unknown = reading("ceph_read_errors", "d", { status: "unknown", reason: "refused" });
  assertEquals(decide("d", [unknown]).level, "none");
  assertEquals(decide("d", [f("io_latency_outlier", "weak"), unknown]).level, "warn");
  assertEquals(
    decide("d", [f("io_latency_outlier", "weak"), f("kernel_io_errors", "weak")]).level,
    "ticket",
  );
  assertEquals(
    decide("d", [f("kernel_io_errors", "strong"), f("smart_counter_growth", "strong")]).level,
    "remove",
  );
  // Four weak signals reach the points but removal needs a strong one.
  const weak4 = decide("d", [
    f("io_latency_outlier", "weak"),
    f("kernel_io_errors", "weak"),
    f("fs_errors", "weak"),
    f("nvme_wearout", "weak"),
  ]);
  assertEquals([weak4.score, weak4.level], [4, "ticket"]);
  // A weak signal that persists for 3 passes becomes a ticket.
  assertEquals(
    decide("d", [f("io_latency_outlier", "weak")], { streaks: { io_latency_outlier: 2 } }).level,
    "ticket",
  );
  // Weight 0 disables a signal.
  assertEquals(
    decide("d", [f("io_latency_outlier", "strong")], {
      config: { weights: { io_latency_outlier: 0 } },
    }).level,
    "none",
  );
  const d = decide("d", [f("kernel_io_errors", "strong"), unknown]);
  assert(d.summary.includes("unreadable, not counted: ceph_read_errors"), d.summary);
  assert(evidenceText(d).includes("- ceph_read_errors: unknown: refused"), evidenceText(d));
});

Deno.test("streaks: consecutive newest decisions per signal", () => {
  assertEquals(
    streaksOf([["kernel_io_errors", "fs_errors"], ["kernel_io_errors"], ["fs_errors"]]),
    { kernel_io_errors: 2, fs_errors: 1 },
  );
  assertEquals(streaksOf([]), {});
});

Deno.test("precision: per signal and per model", () => {
  const p = precisionReport([
    { signals: ["kernel_io_errors", "fs_errors"], model: "A", outcome: "true_alarm" },
    { signals: ["kernel_io_errors"], model: "A", outcome: "true_alarm" },
    { signals: ["io_latency_outlier"], model: "B", outcome: "false_alarm" },
    { signals: ["io_latency_outlier", "kernel_io_errors"], model: "B", outcome: "true_alarm" },
  ]);
  const by = Object.fromEntries(p.bySignal.map((r) => [r.key, r.precision]));
  assertEquals(by.kernel_io_errors, 1);
  assertEquals(by.io_latency_outlier, 0.5);
  assertEquals(by.fs_errors, 1);
  assertEquals(by.ceph_read_errors, null);
  assertEquals(p.byModel.map((r) => [r.key, r.precision]), [["A", 1], ["B", 0.5]]);
});

Deno.test("metrics: exposition passes promtool check metrics", async () => {
  const text = renderSignalMetrics({
    readings: [
      reading("kernel_io_errors", 'wwn:"x"', { status: "fired", value: 3, reason: "r" }),
      reading("fs_errors", "k", { status: "unknown", reason: "r" }),
    ],
    decisions: [decide("k", [])],
    precision: precisionReport([{ signals: ["fs_errors"], model: "M", outcome: "true_alarm" }]),
  });
  assert(text.includes('bynar_signal_fired{signal="kernel_io_errors",disk="wwn:\\"x\\""} 1'));
  assert(text.includes('bynar_signal_precision{signal="fs_errors"} 1'));
  const p = new Deno.Command("promtool", {
    args: ["check", "metrics"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = p.stdin.getWriter();
  await w.write(new TextEncoder().encode(text));
  await w.close();
  const out = await p.output();
  const msg = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
  assertEquals(out.code, 0, msg);
});

const CEPH = new URL("../../../shared/fixtures/ceph-pacific/", import.meta.url);

Deno.test("ceph: health detail, osd perf, tree and dump drive the four Ceph signals", async () => {
  const { CephOsdSource, parseHealthDetail } = await import("./ceph_osd.ts");
  const tree = await Deno.readTextFile(new URL("02-osd-tree-baseline.json", CEPH));
  const dump = await Deno.readTextFile(new URL("09-osd-dump-baseline.json", CEPH));
  // The shape of Pacific's `health detail --format json` with these checks raised.
  const health = JSON.stringify({
    status: "HEALTH_WARN",
    checks: {
      BLUESTORE_SPURIOUS_READ_ERRORS: {
        severity: "HEALTH_WARN",
        summary: { message: "1 OSD(s) have spurious read errors", count: 1 },
        detail: [{ message: "osd.1  reads with retries: 3" }],
        muted: false,
      },
      RECENT_CRASH: {
        severity: "HEALTH_WARN",
        summary: { message: "1 daemons have recently crashed", count: 1 },
        detail: [{ message: "osd.2 crashed on host vm at 2026-12-07T20:00:00.000000Z" }],
        muted: false,
      },
    },
    mutes: [],
  });
  assertEquals([...parseHealthDetail(health).keys()].sort(), [1, 2]);
  let perf = { 0: 2, 1: 3, 2: 90 } as Record<number, number>;
  let upFrom = 0;
  const port = {
    monCommand: (cmd: Record<string, unknown>) => {
      const p = cmd.prefix as string;
      if (p === "health detail") return Promise.resolve({ out: health });
      if (p === "osd tree") return Promise.resolve({ out: tree });
      if (p === "osd dump") {
        const d = JSON.parse(dump);
        d.osds.find((o: { osd: number }) => o.osd === 0).up_from += upFrom;
        return Promise.resolve({ out: JSON.stringify(d) });
      }
      return Promise.resolve({
        out: JSON.stringify({
          osdstats: {
            osd_perf_infos: Object.entries(perf).map(([id, ms]) => ({
              id: Number(id),
              perf_stats: { commit_latency_ms: ms, apply_latency_ms: ms },
            })),
          },
        }),
      });
    },
  };
  const disks: SignalDisk[] = [0, 1, 2].map((id) => ({
    diskKey: `k${id}`,
    name: `loop${id}`,
    path: `/dev/loop${id}`,
    model: null,
    osdId: id,
  }));
  const src = new CephOsdSource(port, { flapCycles: 2 });
  const t = NOW.getTime();
  let r = await src.read(disks, NOW);
  const st = (sig: string, k: string) => r.find((x) => x.signal === sig && x.diskKey === k)!.status;
  assertEquals(st("ceph_read_errors", "k1"), "fired");
  assertEquals(st("ceph_read_errors", "k0"), "quiet");
  assertEquals(st("ceph_osd_crashes", "k2"), "fired");
  assertEquals(st("ceph_latency_outlier", "k2"), "fired");
  assertEquals(st("ceph_latency_outlier", "k0"), "quiet");
  assertEquals(st("ceph_osd_flapping", "k0"), "quiet");
  // osd.0 goes down and up twice: flapping.
  upFrom = 5;
  await src.read(disks, new Date(t + 60_000));
  upFrom = 9;
  perf = { 0: 0, 1: 0, 2: 0 };
  r = await src.read(disks, new Date(t + 120_000));
  assertEquals(st("ceph_osd_flapping", "k0"), "fired");
  assertEquals(st("ceph_osd_flapping", "k1"), "quiet");
  // Idle OSDs report 0 ms: unknown, never "fast" or "slow".
  assertEquals(st("ceph_latency_outlier", "k2"), "unknown");
  // A cluster that does not answer: unknown for every Ceph signal, never quiet.
  const down = new CephOsdSource({ monCommand: () => Promise.reject(new Error("timed out")) });
  const u = await down.read(disks.slice(0, 1), NOW);
  assertEquals(u.map((x) => x.status), ["unknown", "unknown", "unknown", "unknown"]);
});
