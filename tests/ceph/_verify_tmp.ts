import { readCluster } from "./cluster.ts";
import { verifyChecksummedData } from "./helpers.ts";
const c = await readCluster();
const sums = new Map<string,string>(JSON.parse(await Deno.readTextFile("/tmp/sums.json")));
console.log("bad", await verifyChecksummedData(c, sums));
