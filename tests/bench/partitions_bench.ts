/**
 * Partition table parse: WASM (from a file, reading only the needed sectors, and from an
 * in-memory image) vs libblkid through FFI vs spawning `sfdisk --json`, on the same
 * sfdisk-made GPT image (8 partitions) and MBR image (primary + extended + 4 logical).
 * Run: `deno bench --allow-all tests/bench/partitions_bench.ts`.
 */
import { parsePartitionTable, readPartitionTable } from "../../src/partitions/mod.ts";
import { probePartitions } from "../../ffi/libblkid/mod.ts";
import { runCommand } from "../../src/process/run.ts";
import { sfdiskImage } from "../parse/_images.ts";

const dir = await Deno.makeTempDir({ prefix: "bynar-bench-parts-" });
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
const lines = ["label: gpt"];
for (let i = 1; i <= 8; i++) lines.push(`size=1MiB, name="bench-${i}"`);
const gpt = await sfdiskImage(dir, "gpt.img", { sizeMiB: 16, script: lines.join("\n") });
const dos = await sfdiskImage(dir, "dos.img", {
  sizeMiB: 16,
  script: "label: dos\nsize=1MiB\nsize=1MiB\ntype=5\nsize=1MiB\nsize=1MiB\nsize=1MiB\nsize=1MiB\n",
});
const gptBytes = await Deno.readFile(gpt);
const dosBytes = await Deno.readFile(dos);

for (const [label, path, bytes] of [["GPT", gpt, gptBytes], ["MBR", dos, dosBytes]] as const) {
  const group = `partitions-${label}`;
  Deno.bench(
    `${label}: WASM from file (reads needed sectors)`,
    { group, baseline: true },
    async () => {
      await readPartitionTable(path);
    },
  );
  Deno.bench(`${label}: WASM from in-memory image`, { group }, () => {
    parsePartitionTable(bytes);
  });
  Deno.bench(`${label}: libblkid FFI`, { group }, async () => {
    await probePartitions(path);
  });
  Deno.bench(`${label}: spawn sfdisk --json`, { group }, async () => {
    await runCommand("sfdisk", ["--json", path]);
  });
}
