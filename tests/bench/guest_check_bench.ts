/**
 * `bynar --check` over 1, 8 and 24 emulated disks against a `smartctl -j -a` loop over the
 * same disks, inside a live-lab guest (QEMU/TCG) running the packaged Bynar built from this
 * tree: 6 AHCI SATA disks, 6 NVMe controllers and 12 `scsi_debug` disks. Both sides are
 * timed interleaved by `tests/bench/paired.ts` with the guest's packaged Deno, next to
 * `deno eval 0` (the start of the same Deno).
 *
 * Boots its own instance (`perf-bench`; one at a time) and always shuts it down. Prints a
 * Markdown table and which reader answered for each disk.
 *
 * With `--profile`, first one `--cpu-prof` run over 1 and over 24 disks, summarised per
 * package (where the time goes in the guest), and the check pass's own `duration`; the
 * profiles are kept in `/tmp/bynar-guest-check-{1,24}.cpuprofile`.
 *
 * Run (root, QEMU and the live image's packages installed):
 * `deno run -A tests/bench/guest_check_bench.ts [--runs N] [--profile]`
 *
 * @module
 */
import { boot, type DiskSpec, type Guest } from "../live/lab.ts";
import { shippedProduct } from "../builders/shipped.ts";
import { summarise } from "../../tools/cpu_profile_summary.ts";

const runsArg = Deno.args.indexOf("--runs");
const RUNS = runsArg >= 0 ? Number(Deno.args[runsArg + 1]) : 5;

const DISKS: DiskSpec[] = [
  ...Array.from({ length: 6 }, (_, i): DiskSpec => ({
    kind: "sata",
    id: `sata${i}`,
    serial: `PERF-SATA-${i}`,
    sizeMiB: 64,
    rotationRate: i % 2 ? 1 : 7200,
  })),
  ...Array.from({ length: 6 }, (_, i): DiskSpec => ({
    kind: "nvme",
    id: `nvme${i}`,
    serial: `PERF-NVME-${i}`,
    sizeMiB: 64,
  })),
];

async function must(guest: Guest, script: string, timeoutMs = 600_000): Promise<string> {
  const r = await guest.exec(script, { timeoutMs });
  if (r.code !== 0) throw new Error(`guest: ${script.slice(0, 200)} → ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const paired = await Deno.readFile(new URL("./paired.ts", import.meta.url));
const b64 = btoa(String.fromCharCode(...paired));

const t0 = performance.now();
const guest = await boot("perf-bench", { disks: DISKS, memoryMiB: 2048 });
try {
  console.error(`booted in ${guest.bootMs} ms`);
  await must(
    guest,
    "modprobe scsi_debug dev_size_mb=8 num_tgts=12 && udevadm settle --timeout=120 && " +
      "mkdir -p /var/cache/bynar /var/lib/bynar && " +
      `echo '${b64}' | base64 -d > /tmp/paired.ts`,
  );
  const list = await must(
    guest,
    "for d in /sys/block/sd* /sys/block/nvme*n1; do echo /dev/${d##*/} " +
      "$(cat $d/device/model 2>/dev/null | tr -d ' '); done",
  );
  const all = list.trim().split("\n").map((l) => l.split(" ")[0]!);
  const sata = all.filter((d) => /\/sd/.test(d) && !list.includes(`${d} scsi_debug`));
  const scsiDebug = all.filter((d) => list.includes(`${d} scsi_debug`));
  const nvme = all.filter((d) => d.includes("nvme"));
  console.error(`disks: ${sata.length} SATA, ${nvme.length} NVMe, ${scsiDebug.length} scsi_debug`);
  if (sata.length !== 6 || nvme.length !== 6 || scsiDebug.length !== 12) {
    throw new Error(`unexpected disks in the guest:\n${list}`);
  }
  // 1 = one SATA; 8 = 3 SATA + 3 NVMe + 2 scsi_debug; 24 = all (mixed order as on a host)
  const sets: Record<string, string[]> = {
    "1": [sata[0]!],
    "8": [...sata.slice(0, 3), ...nvme.slice(0, 3), ...scsiDebug.slice(0, 2)],
    "24": [...sata, ...nvme, ...scsiDebug],
  };
  // which reader answered, and the code cache warmed
  const json = await must(
    guest,
    `bynar --check --format json ${sets["24"]!.map((d) => `--device ${d}`).join(" ")}; true`,
  );
  const sources: Record<string, number> = {};
  for (const d of JSON.parse(json).disks as { smart: { source: string } }[]) {
    sources[d.smart?.source ?? "?"] = (sources[d.smart?.source ?? "?"] ?? 0) + 1;
  }
  console.log(`readers that answered over the 24 disks: ${JSON.stringify(sources)}`);
  if (Deno.args.includes("--profile")) await profile(guest, sets);
  for (const [label, devs] of Object.entries(sets)) {
    const check = `bynar --check ${devs.map((d) => `--device ${d}`).join(" ")}`;
    const loop = `for d in ${devs.join(" ")}; do smartctl -j -a $d >/dev/null; done`;
    const out = await must(
      guest,
      `cd /tmp && /usr/lib/bynar/deno run -A --no-config /tmp/paired.ts --runs ${RUNS} --warmup 1 ` +
        `--cmd 'smartctl -j -a loop=${loop}' --cmd 'bynar --check=${check}' ` +
        `--cmd 'deno eval 0=/usr/lib/bynar/deno eval 0'`,
      1_800_000,
    );
    console.log(
      `\n${label} disk(s):\n\n| command | median wall ms | min wall ms | ratio to the smartctl loop ` +
        `(median of rounds) | RSS | CPU | exit codes |\n|---|---|---|---|---|---|---|`,
    );
    console.log(out.trim());
  }
} finally {
  await guest.shutdown();
  console.error(`total ${Math.round((performance.now() - t0) / 1000)} s`);
}

async function profile(guest: Guest, sets: Record<string, string[]>): Promise<void> {
  const lib = `${(await shippedProduct()).tree}/usr/lib/bynar`;
  const read = (file: string): string | null => {
    try {
      return Deno.readTextFileSync(`${lib}/${file}`);
    } catch {
      return null;
    }
  };
  for (const n of ["1", "24"]) {
    const devices = sets[n]!.map((d) => `--device ${d}`).join(" ");
    const out = await must(
      guest,
      `rm -rf /tmp/prof && DENO_DIR=/var/cache/bynar /usr/lib/bynar/deno run -A --no-config ` +
        `--cpu-prof --cpu-prof-dir=/tmp/prof /usr/lib/bynar/bynar.js --check ${devices} ` +
        `>/tmp/prof.out; cat /tmp/prof/*.cpuprofile`,
    );
    await Deno.writeTextFile(`/tmp/bynar-guest-check-${n}.cpuprofile`, out);
    const { packages, totalMs } = summarise(JSON.parse(out), read);
    const perf = await must(guest, "cat /tmp/prof.out");
    const duration = /'duration'=([\d.]+)s/.exec(perf)?.[1];
    console.log(
      `\nprofile, ${n} disk(s): ${totalMs.toFixed(0)} ms profiled, check pass ${duration} s; ` +
        `self time: ${packages.slice(0, 12).map((r) => `${r.name} ${r.ms.toFixed(0)}`).join(", ")}`,
    );
  }
}
