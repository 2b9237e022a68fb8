/**
 * One simulated host of the multi-host lease test: a separate process with its own host
 * identity and librados connection that competes for the cluster's removal budget through
 * the product's lease code (`acquireLease` over `RadosClusterApi.keys`, the monitors'
 * config-key store), holds its lease for a while (renewing it like a drain does), then
 * releases it. Prints one JSON line per event.
 *
 * Usage: deno run --allow-all tests/fleet/lease_host.ts CONF HOST OSD MAX TTL_S HOLD_MS
 *   START_AT_MS [--no-release]
 *
 * @module
 */
import { closeAllRadosConnections, getRadosConnection } from "../../ffi/librados/mod.ts";
import { RadosClusterApi } from "../../src/backend/ceph/cluster_api.ts";
import { acquireLease } from "../../src/backend/ceph/lease.ts";
import { SafetyError } from "../../src/errors.ts";

const [conf, host, osd, max, ttl, hold, startAt] = Deno.args;
const noRelease = Deno.args.includes("--no-release");
const say = (o: Record<string, unknown>) =>
  console.log(JSON.stringify({ host, osd: Number(osd), at: Date.now(), ...o }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  const rados = await getRadosConnection({
    confPath: conf!,
    mountTimeoutSeconds: 5,
    opTimeoutSeconds: 10,
  });
  const api = new RadosClusterApi(rados);
  say({ event: "connected" });
  await sleep(Math.max(0, Number(startAt) - Date.now()));
  const req = () => ({
    osdId: Number(osd),
    holder: host!,
    opId: 1,
    max: Number(max),
    ttlSeconds: Number(ttl),
    now: Date.now(),
  });
  let key: string | null = null;
  let refusals = 0;
  while (!key) {
    try {
      key = await acquireLease(api.keys, req());
    } catch (err) {
      if (!(err instanceof SafetyError)) throw err;
      if (refusals++ === 0) say({ event: "refused", reason: err.message });
      // Jittered retry, like the detector's next pass (shortened).
      await sleep(200 + Math.floor(Math.random() * 200));
    }
  }
  say({ event: "acquired", key, refusals });
  if (noRelease) {
    // Killed here by the test: the lease must expire on its own.
    await sleep(3_600_000);
  }
  const end = Date.now() + Number(hold);
  while (Date.now() < end) {
    await sleep(Math.min(1000, end - Date.now()));
    await acquireLease(api.keys, req()); // renewal (the holder keeps working)
  }
  say({ event: "releasing" });
  await api.keys.rm(key);
  say({ event: "released" });
} catch (err) {
  say({ event: "error", message: err instanceof Error ? err.message : String(err) });
  Deno.exitCode = 3;
} finally {
  closeAllRadosConnections();
}
