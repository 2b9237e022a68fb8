/**
 * Routing from the request target only, on the Deno.serve listener (plain HTTP on
 * loopback and `tls_server: "deno"`), whose URL is built from the Host header: the
 * Host-header trick and absolute-form targets get 400, TRACE 405, nothing runs. The node
 * TLS listener (the shipped default) is covered as shipped in shipped_faults_test.ts.
 */
import assert from "node:assert/strict";
import { listen } from "../../src/api/server.ts";
import { createOpsApp } from "../../src/api/ops_app.ts";
import { ApiMetrics } from "../../src/api/metrics.ts";
import { runCommand } from "../../src/process/run.ts";
import { req, testApp } from "./harness.ts";

Deno.test("request target: Deno.serve listener refuses the Host-header trick, absolute targets and TRACE", async () => {
  const ta = await testApp();
  const server = await listen(ta.app, createOpsApp({ metrics: new ApiMetrics() }), {
    hostname: "127.0.0.1",
    port: 0,
    insecureHttp: true,
  });
  try {
    const token = await ta.token();
    const base = `http://127.0.0.1:${server.addr.port}`;
    const curl = async (args: string[]): Promise<[number, string, string]> => {
      const r = await runCommand("curl", ["-s", "-w", "\n%{http_code} %{content_type}", ...args]);
      const [body, tail] = r.stdout.split("\n");
      const [code, type] = tail!.split(" ");
      return [Number(code), type ?? "", body ?? ""];
    };
    let [code, type, body] = await curl([
      "-X",
      "POST",
      "-H",
      `Authorization: Bearer ${token}`,
      "-H",
      "Host: localhost/v1/disks/remove?x=",
      "-H",
      "content-type: application/json",
      "--data",
      JSON.stringify({ disk: "/dev/sdb", disk_identity: "wwn:0x5000c500a1b2c3d4" }),
      `${base}/v1/openapi.json`,
    ]);
    assert.deepEqual([code, type, JSON.parse(body).title], [
      400,
      "application/problem+json",
      "invalid_host",
    ]);
    [code, type, body] = await curl([
      "-H",
      `Authorization: Bearer ${token}`,
      "--request-target",
      "http://elsewhere/v1/disks",
      `${base}/`,
    ]);
    assert.deepEqual([code, JSON.parse(body).title], [400, "invalid_target"]);
    [code, type, body] = await curl(["-X", "TRACE", `${base}/v1/disks`]);
    assert.deepEqual([code, type, JSON.parse(body).title], [
      405,
      "application/problem+json",
      "method_not_allowed",
    ]);
    assert.deepEqual(ta.backend.calls, []);
    assert.equal(ta.registry.list().length, 0);
    // Ordinary requests still route.
    const ok = await fetch(`${base}/v1/disks`, req(token));
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
  } finally {
    await server.shutdown();
    await ta.cleanup();
  }
});
