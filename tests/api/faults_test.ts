/**
 * The disk-manager under faults, in process (the composition root's app on the fake
 * backend): an audit log that cannot be written refuses before anything starts; finish
 * records that cannot be written raise the alarm; refusals reach the security log and the
 * auth-failure metric, never with the token.
 */
import assert from "node:assert/strict";
import { verifyAuditLog } from "../../src/api/audit/log.ts";
import { req, testApp } from "./harness.ts";

/** Makes the audit file unwritable even for root: a directory where the file was. */
async function breakAudit(path: string): Promise<void> {
  await Deno.remove(path).catch(() => {});
  await Deno.mkdir(path);
}

Deno.test("faults: an unwritable audit log refuses remove/add with 503 and nothing starts", async () => {
  const lines: string[] = [];
  const ta = await testApp({ log: (l) => lines.push(l) });
  try {
    await breakAudit(ta.auditPath);
    const token = await ta.token();
    for (
      const [route, body] of [
        ["/v1/disks/remove", { disk: "/dev/sdb", disk_identity: "wwn:0x5000c500a1b2c3d4" }],
        ["/v1/disks/add", { disk: "/dev/sdb", disk_identity: "SER-sdb", osd_id: 1 }],
      ] as const
    ) {
      const res = await ta.app.request(route, req(token, body));
      assert.equal(res.status, 503, route);
      assert.equal(res.headers.get("content-type"), "application/problem+json");
      const p = await res.json();
      assert.equal(p.title, "audit_unavailable");
      assert.match(p.detail, /nothing was started/);
    }
    // Nothing reached the backend beyond the safety check, no operation exists.
    assert.deepEqual(ta.backend.calls.filter((c) => !c.startsWith("safe ")), []);
    assert.equal(ta.registry.list().length, 0);
    assert.match(
      await (await ta.app.request(
        "/v1/disks/remove",
        req(token, {
          disk: "/dev/sdb",
          disk_identity: "wwn:0x5000c500a1b2c3d4",
        }),
      )).text(),
      /audit_unavailable/,
    );
    assert.ok(lines.some((l) => l.startsWith("ALARM: audit record not written (start)")));
    assert.match(ta.metrics.render(), /bynar_api_audit_write_failures_total\{kind="start"\} 3/);
    // The disk is not left locked: once the log is writable again, the removal starts.
    await Deno.remove(ta.auditPath);
    const ok = await ta.app.request(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sdb", disk_identity: "wwn:0x5000c500a1b2c3d4" }),
    );
    assert.equal(ok.status, 202);
    const op = await ok.json();
    await ta.registry.idle();
    const text = await Deno.readTextFile(ta.auditPath);
    // The accepted record was written before the operation's own records.
    const actions = text.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(actions.map((a) => [a.action, a.result, a.operation_id]), [
      ["Remove", "accepted", op.id],
      ["Remove.finished", "OK", op.id],
    ]);
  } finally {
    await ta.cleanup();
  }
});

Deno.test("faults: a finish record that cannot be written raises the alarm metric and a log line", async () => {
  const lines: string[] = [];
  const ta = await testApp({ log: (l) => lines.push(l) });
  try {
    let open!: () => void;
    ta.backend.gate = new Promise((r) => (open = r));
    const token = await ta.token();
    const res = await ta.app.request(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sdb", disk_identity: "wwn:0x5000c500a1b2c3d4" }),
    );
    assert.equal(res.status, 202);
    const op = await res.json();
    assert.equal((await verifyAuditLog(ta.auditPath)).records, 1);
    await breakAudit(ta.auditPath);
    open();
    await ta.registry.idle();
    assert.equal(ta.registry.get(op.id)?.state, "SUCCEEDED");
    assert.match(ta.metrics.render(), /bynar_api_audit_write_failures_total\{kind="finish"\} 1/);
    const alarm = lines.find((l) => l.startsWith("ALARM: audit record not written (finish)"));
    assert.ok(alarm, lines.join("\n"));
    assert.match(alarm, new RegExp(`"operation_id":"${op.id}"`));
  } finally {
    await ta.cleanup();
  }
});

Deno.test("faults: refusals go to the rate-limited security log with request id and client; 403 counted", async () => {
  const lines: string[] = [];
  const ta = await testApp({
    log: (l) => lines.push(l),
    limits: { maxBodyBytes: 256, ratePerSecond: 0 },
  });
  try {
    const readOnly = await ta.token({ scope: "disks:read" });
    let res = await ta.app.request(
      "/v1/disks/remove",
      req(readOnly, { disk: "/dev/sdb", disk_identity: "wwn:0x5000c500a1b2c3d4" }, {
        "x-request-id": "rid-403",
      }),
    );
    assert.equal(res.status, 403);
    await res.body?.cancel();
    res = await ta.app.request(
      "/v1/disks",
      req(undefined, undefined, { "x-request-id": "rid-401" }),
    );
    assert.equal(res.status, 401);
    await res.body?.cancel();
    res = await ta.app.request(
      "/v1/disks/remove",
      req(readOnly, "x".repeat(1000), { "x-request-id": "rid-413" }),
    );
    assert.equal(res.status, 413);
    await res.body?.cancel();
    const sec = lines.filter((l) => l.startsWith("security: refused"));
    assert.equal(sec.length, 3, lines.join("\n"));
    assert.match(
      sec[0]!,
      /^security: refused 403 insufficient_scope request_id=rid-403 client=\S+ /,
    );
    assert.match(sec[1]!, /refused 401 invalid_request request_id=rid-401 /);
    assert.match(sec[2]!, /refused 413 body_too_large request_id=rid-413 /);
    for (const l of lines) assert.ok(!l.includes(readOnly.split(".")[2]!), "token in the log");
    assert.match(
      ta.metrics.render(),
      /bynar_api_auth_failures_total\{reason="insufficient_scope"\} 1/,
    );
    // Rate limited: a flood leaves at most the window's budget of lines.
    for (let i = 0; i < 100; i++) {
      await (await ta.app.request("/v1/disks", req(undefined))).body?.cancel();
    }
    assert.ok(lines.filter((l) => l.startsWith("security:")).length <= 25);
  } finally {
    await ta.cleanup();
  }
});
