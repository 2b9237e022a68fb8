/**
 * Runs one Ceph backend operation in its own process (so tests can kill -9 it):
 * `deno run -A tests/ceph/op_runner.ts <remove|add> <device> <db> [osdId]`.
 * Reads the test cluster's ceph.json overrides from `BYNAR_CEPH_TEST_CONFIG` (JSON).
 * Prints one JSON line per progress event and a final `{"result":…}` line.
 *
 * @module
 */
import { openDatabase } from "../../src/store/db.ts";
import { createCephBackend } from "../../src/app/ceph_backend.ts";
import { testCephConfig } from "./helpers.ts";
import { readCluster } from "./cluster.ts";

const [op, device, dbPath, osdIdArg] = Deno.args;
if ((op !== "remove" && op !== "add") || !device || !dbPath) {
  console.error("usage: op_runner.ts remove|add <device> <db> [osdId]");
  Deno.exit(2);
}
// The parent test holds the cluster lock; read the running cluster without locking.
const cluster = await readCluster();
const overrides = JSON.parse(Deno.env.get("BYNAR_CEPH_TEST_CONFIG") ?? "{}");
const db = openDatabase(dbPath);
const backend = await createCephBackend(testCephConfig(cluster, overrides), { db });
function onProgress(p: unknown): void {
  console.log(JSON.stringify({ progress: p }));
}
try {
  const result = op === "remove"
    ? await backend.remove({ path: device }, { onProgress })
    : await backend.add({ path: device }, {
      onProgress,
      ...(osdIdArg ? { osdId: Number(osdIdArg) } : {}),
    });
  console.log(JSON.stringify({ result }));
} catch (err) {
  console.log(
    JSON.stringify({ error: (err as Error).message, code: (err as { code?: string }).code }),
  );
  Deno.exitCode = 1;
} finally {
  backend.close();
  db.close();
}
