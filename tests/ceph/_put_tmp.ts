import { readCluster } from "./cluster.ts";
import { writeChecksummedData } from "./helpers.ts";
const c = await readCluster();
const t0 = performance.now();
const s = await writeChecksummedData(c, "manual", 100);
console.log("put", performance.now() - t0);
await Deno.writeTextFile("/tmp/sums.json", JSON.stringify([...s]));
