import assert from "node:assert/strict";
import { errnoName, getRadosConnection, RadosConnection, RadosError, radosVersion } from "./mod.ts";
import { FfiError } from "../../src/errors.ts";

Deno.test("librados loads lazily and reports its version", () => {
  assert.match(radosVersion(), /^3\.\d+\.\d+$/);
});

Deno.test("errno names", () => {
  assert.equal(errnoName(16), "EBUSY");
  assert.equal(errnoName(110), "ETIMEDOUT");
  assert.equal(errnoName(999), "errno 999");
});

Deno.test("a missing conf file is a typed error with the errno", async () => {
  await assert.rejects(
    RadosConnection.connect({ confPath: "/nonexistent/ceph.conf" }),
    (e: unknown) =>
      e instanceof RadosError && e instanceof FfiError && e.errno === 2 &&
      e.op === "rados_conf_read_file" &&
      /Cannot read Ceph conf "\/nonexistent\/ceph.conf"/.test(e.message),
  );
});

Deno.test("a dead cluster fails fast with ETIMEDOUT after client_mount_timeout", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const conf = `${dir}/ceph.conf`;
    // Nothing listens on port 9 of loopback; no auth so the client really waits for a mon.
    await Deno.writeTextFile(
      conf,
      "[global]\nfsid = 00000000-0000-0000-0000-000000000001\nmon_host = 127.0.0.1:9\n" +
        "auth_client_required = none\nauth_cluster_required = none\nauth_service_required = none\n" +
        "admin_socket =\nlog_file =\n",
    );
    const t0 = performance.now();
    await assert.rejects(
      getRadosConnection({ confPath: conf, mountTimeoutSeconds: 1 }),
      (e: unknown) => e instanceof RadosError && e.op === "rados_connect" && e.errno === 110,
    );
    assert.ok(performance.now() - t0 < 10_000, "failed fast");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
