import assert from "node:assert/strict";
import { ParseError } from "../errors.ts";
import { parseSwaps } from "./swaps.ts";

Deno.test("parseSwaps reads partitions and files, skipping the header", () => {
  const text = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n" +
    "/dev/nvme0n1p3                          partition\t8388604\t\t0\t\t-2\n" +
    "/var/swap\\040file                       file\t\t1048572\t\t512\t\t-3\n";
  assert.deepEqual(parseSwaps(text), [
    { filename: "/dev/nvme0n1p3", type: "partition", sizeKiB: 8388604, usedKiB: 0, priority: -2 },
    { filename: "/var/swap file", type: "file", sizeKiB: 1048572, usedKiB: 512, priority: -3 },
  ]);
});

Deno.test("parseSwaps returns nothing for a header-only file (this host)", () => {
  assert.deepEqual(parseSwaps("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"), []);
  assert.deepEqual(parseSwaps(""), []);
});

Deno.test("parseSwaps strips the (deleted) suffix and rejects short lines", () => {
  const e = parseSwaps("/swapfile (deleted) file 100 0 -2\n");
  assert.equal(e[0]!.filename, "/swapfile");
  assert.throws(() => parseSwaps("/dev/sda2 partition 100\n"), ParseError);
});
