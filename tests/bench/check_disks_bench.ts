/**
 * The in-process part of `bynar --check` over 1, 8 and 24 disks, on this host, from recorded
 * pages: a whole check pass (`runCheck` with the real SMART read chain, WASM parsers and
 * policy) where the drives are doubles answering like real ones — SATA drives through the
 * SG_IO ATA PASS-THROUGH reader (libatasmart dumps in /work/shared/fixtures/smart-blobs),
 * NVMe drives through the health log page reader (pages rebuilt from the smartctl JSON
 * fixtures). smartctl must not run (the runner throws), so this is the in-process cost alone.
 *
 * Next to it, the floor of the smartctl loop the check replaces: one `smartctl -j -a`
 * process per disk (on this host's virtio disk, which smartctl gives up on after opening it,
 * so a real drive costs more — the ratio is an upper bound for Bynar).
 *
 * Run: `deno bench --allow-all tests/bench/check_disks_bench.ts`.
 */
import { runCheck } from "../../src/check/run.ts";
import { assess, parseSmartctlJson, readSmart } from "../../src/smart/mod.ts";
import { DEFAULT_SMART_POLICY } from "../../src/smart/policy.ts";
import type { BlockDisk } from "../../src/inventory/model.ts";
import type { CommandRunner } from "../../src/process/run.ts";
import type { NvmeLogReader } from "../../src/smart/mod.ts";
import { ataDriveDouble } from "../builders/ata_drive.ts";
import { makeDisk, TEST_HOST } from "../builders/check.ts";
import { nvmeHealthPageFromSmartctl } from "../builders/sectors.ts";
import { listFixtures, SMART_BLOBS, SMARTCTL_JSON } from "../smart/fixtures.ts";

const NO_SMARTCTL: CommandRunner = {
  run: () => Promise.reject(new Error("smartctl must not run: an in-process reader answers")),
};

const blobs = listFixtures(SMART_BLOBS).map((n) => Deno.readFileSync(new URL(n, SMART_BLOBS)));
const nvmePages = listFixtures(SMARTCTL_JSON)
  .map((n) => Deno.readTextFileSync(new URL(n, SMARTCTL_JSON)))
  .filter((t) => t.includes('"nvme_smart_health_information_log"'))
  .map((t) => ({
    page: nvmeHealthPageFromSmartctl(t)!,
    identify: parseSmartctlJson(t, { device: "/dev/nvme0n1" }).identify!,
  }));

/** Half SATA (sdX), half NVMe (nvmeXn1), each answering from its own recorded pages. */
function host(
  n: number,
): { disks: BlockDisk[]; read: (d: BlockDisk) => ReturnType<typeof readSmart> } {
  const disks: BlockDisk[] = [];
  const readers = new Map<string, Parameters<typeof readSmart>[1]>();
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      const name = `sd${String.fromCharCode(97 + i / 2)}`;
      disks.push(makeDisk(name, { type: "ROTATIONAL" }));
      readers.set(`/dev/${name}`, {
        ataPassThrough: ataDriveDouble(blobs[i % blobs.length]!),
        runner: NO_SMARTCTL,
        diskType: "ROTATIONAL",
      });
    } else {
      const name = `nvme${(i - 1) / 2}n1`;
      const p = nvmePages[i % nvmePages.length]!;
      const reader: NvmeLogReader = {
        read: () => Promise.resolve({ healthLog: p.page, identify: p.identify }),
      };
      disks.push(makeDisk(name, { type: "NVME", rotational: false }));
      readers.set(`/dev/${name}`, { nvmeLogReader: reader, runner: NO_SMARTCTL, diskType: "NVME" });
    }
  }
  return { disks, read: (d) => readSmart(d.path, readers.get(d.path)!) };
}

for (const n of [1, 8, 24]) {
  const h = host(n);
  Deno.bench(`check pass, ${n} disk(s), in-process readers`, {
    group: `disks-${n}`,
    baseline: true,
  }, async () => {
    const r = await runCheck({
      discover: () => Promise.resolve({ disks: h.disks, skipped: [] }),
      readSmart: h.read,
      assess: (report) => assess(report, DEFAULT_SMART_POLICY),
      host: () => Promise.resolve(TEST_HOST),
      declaredReadOnly: () => Promise.resolve(new Set<string>()),
      store: null,
      now: () => new Date(),
    });
    const read = r.disks.filter((d) => d.report.source !== "none").length;
    if (read !== n) throw new Error(`expected ${n} disks read in process, got ${read}`);
  });
  Deno.bench(
    `smartctl -j -a loop, ${n} process(es) (floor: /dev/vda)`,
    { group: `disks-${n}` },
    async () => {
      for (let i = 0; i < n; i++) {
        await new Deno.Command("smartctl", {
          args: ["-j", "-a", "/dev/vda"],
          stdout: "null",
          stderr: "null",
        })
          .output();
      }
    },
  );
}
