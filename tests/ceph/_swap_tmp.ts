import { attachBlankDisk, detachDisk } from "./cluster.ts";
await detachDisk(Deno.args[0]!);
console.log(JSON.stringify(await attachBlankDisk(Deno.args[1]!)));
