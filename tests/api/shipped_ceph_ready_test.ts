/**
 * `bynar disk-manager` as shipped starts while Ceph is unreachable: it serves, `/readyz`
 * says the backend is unavailable and why, backend calls answer 503 problem+json; when the
 * cluster becomes reachable (here: its monitors' address appears in the configuration the
 * backend reconnects with) it turns ready by itself. The first test needs no cluster; the
 * second uses the real test cluster through `withCluster`, read-only (nothing is changed).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { shippedScratchDir } from "../builders/shipped.ts";
import { withCluster } from "../ceph/cluster.ts";
import { req } from "./harness.ts";
import { setupShippedDm, type ShippedDm, startShippedDm } from "./shipped_dm.ts";

const DEAD_MON_CONF = "[global]\nmon_host = [v2:127.0.0.1:1,v1:127.0.0.1:2]\n" +
  "auth_client_required = cephx\n";

async function readyz(dm: ShippedDm): Promise<{ status: number; body: Record<string, string> }> {
  const r = await fetch(`http://127.0.0.1:${dm.metricsPort}/readyz`);
  return { status: r.status, body: await r.json() };
}

async function cephJson(dir: string, keyring?: string): Promise<void> {
  await Deno.writeTextFile(
    join(dir, "ceph.json"),
    JSON.stringify({
      config_file: join(dir, "ceph.conf"),
      client_mount_timeout: 2,
      daemon_control: "process",
      ...(keyring ? { keyring } : {}),
    }),
  );
}

Deno.test("shipped ceph down: the API serves, /readyz 503 with the reason, backend calls 503 problem+json", async () => {
  const s = await setupShippedDm(await shippedScratchDir("dm-cephdown"));
  await Deno.writeTextFile(join(s.dir, "ceph.conf"), DEAD_MON_CONF);
  await cephJson(s.dir);
  const dm = await startShippedDm(s, { backend: "ceph" });
  try {
    const token = await s.token();
    assert.equal((await fetch(`http://127.0.0.1:${dm.metricsPort}/healthz`)).status, 200);
    const r = await readyz(dm);
    assert.equal(r.status, 503);
    assert.equal(r.body.status, "unavailable");
    assert.equal(r.body.backend, "ceph");
    assert.ok(r.body.reason && r.body.reason !== "", JSON.stringify(r.body));
    const res = await dm.api("/v1/disks", req(token));
    assert.equal(res.status, 503);
    assert.equal(res.headers.get("content-type"), "application/problem+json");
    assert.equal((await res.json()).title, "backend_unavailable");
    // Operations and the OpenAPI document do not need the backend.
    assert.equal((await dm.api("/v1/operations", req(token))).status, 200);
  } finally {
    assert.equal((await dm.stop()).code, 0, dm.log());
  }
});

Deno.test({
  name: "shipped ceph returns: the disk-manager turns ready by itself and serves the real cluster",
  ignore: Deno.env.get("BYNAR_SKIP_CEPH") === "1",
  fn: async () => {
    const s = await setupShippedDm(await shippedScratchDir("dm-cephback"));
    await withCluster(async (cluster) => {
      await Deno.writeTextFile(join(s.dir, "ceph.conf"), DEAD_MON_CONF);
      await cephJson(s.dir, cluster.keyring);
      const dm = await startShippedDm(s, { backend: "ceph" });
      try {
        const token = await s.token();
        assert.equal((await readyz(dm)).status, 503);
        assert.equal((await dm.api("/v1/disks", req(token))).status, 503);
        // The cluster becomes reachable: its real configuration replaces the dead address.
        await Deno.copyFile(cluster.confPath, join(s.dir, "ceph.conf"));
        const deadline = Date.now() + 90_000;
        let r = await readyz(dm);
        while (r.status !== 200 && Date.now() < deadline) {
          await new Promise((res) => setTimeout(res, 500));
          r = await readyz(dm);
        }
        assert.equal(r.status, 200, `${JSON.stringify(r.body)}\n${dm.log()}`);
        assert.deepEqual(r.body, { status: "ready", backend: "ceph" });
        const list = await dm.api("/v1/disks", req(token));
        assert.equal(list.status, 200, await list.clone().text());
        await list.body?.cancel();
        assert.match(dm.log(), /ceph backend reachable again/);
      } finally {
        assert.equal((await dm.stop()).code, 0, dm.log());
      }
    });
  },
});
