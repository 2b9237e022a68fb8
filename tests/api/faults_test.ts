/**
 * The disk-manager under faults, in process (the composition root's app on the fake
 * backend): an audit log that cannot be written refuses before anything starts; finish
 * records that cannot be written raise the alarm; refusals reach the security log and the
 * auth-failure metric, never with the token.
 */
import assert from "node:assert/strict";
import { verifyAuditLog } from "../../src/api/audit/log.ts";
import { SignJWT } from "jose";
import { decodeMessage, encodeMessage, protoTypes } from "../../src/api/codec/proto.ts";
import { type KeySource, localKeySource } from "../../src/api/middleware/auth/mod.ts";
import { AUDIENCE, HOST, ISSUER, makeKey, req, sign, testApp } from "./harness.ts";

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

Deno.test("faults: failed authentication is rate limited per client BEFORE the token is verified", async () => {
  const clock = { t: Date.now() };
  const key = await makeKey();
  const inner = localKeySource({ keys: [key.publicJwk] });
  let verifications = 0;
  const keys: KeySource = {
    getKey: (h, t) => {
      verifications++;
      return inner.getKey(h, t);
    },
    hasKid: (k) => inner.hasKid(k),
    maintain: () => {},
  };
  const ta = await testApp({
    key,
    keys,
    now: () => clock.t,
    limits: { ratePerSecond: 0, authFailuresPerSecond: 0.5, authFailureBurst: 3 },
  });
  try {
    const other = await makeKey();
    const forged = await sign({ ...other, kid: key.kid }, { kid: key.kid });
    for (let i = 0; i < 3; i++) {
      const r = await ta.app.request("/v1/disks", req(forged));
      assert.equal(r.status, 401);
      await r.body?.cancel();
    }
    assert.equal(verifications, 3);
    // Over the budget: refused before verification, even with a good token.
    const good = await ta.token({ now: clock.t });
    let r = await ta.app.request("/v1/disks", req(good));
    assert.equal(r.status, 429);
    assert.equal((await r.json()).title, "too_many_auth_failures");
    assert.equal(r.headers.get("retry-after"), "2");
    assert.equal(verifications, 3, "no signature check while refused");
    clock.t += 2_100;
    r = await ta.app.request("/v1/disks", req(good));
    assert.equal(r.status, 200);
    await r.body?.cancel();
  } finally {
    await ta.cleanup();
  }
});

Deno.test("faults: sub must be a string; iat in the future beyond the skew is refused", async () => {
  const ta = await testApp();
  try {
    const now = Math.floor(Date.now() / 1000);
    const mk = (claims: Record<string, unknown>, iat: number) =>
      new SignJWT({ scope: "disks:read", bynar_hosts: [HOST], ...claims })
        .setProtectedHeader({ alg: ta.key.alg, kid: ta.key.kid })
        .setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(iat).setExpirationTime(now + 600)
        .sign(ta.key.privateKey);
    for (
      const [what, token] of [
        ["object sub", await mk({ sub: { id: 1 } }, now)],
        ["number sub", await mk({ sub: 42 }, now)],
        ["iat 5 min ahead", await mk({ sub: "a" }, now + 300)],
      ] as const
    ) {
      const r = await ta.app.request("/v1/disks", req(token));
      assert.equal(r.status, 401, what);
      assert.match((await r.json()).detail, /"sub" must be a string|"iat" is in the future/, what);
    }
    // Within the skew (30 s) is fine.
    const r = await ta.app.request("/v1/disks", req(await mk({ sub: "a" }, now + 10)));
    assert.equal(r.status, 200);
    await r.body?.cancel();
  } finally {
    await ta.cleanup();
  }
});

Deno.test("faults: osd_id range-checked the same in both codecs; duplicate JSON keys refused", async () => {
  const ta = await testApp();
  try {
    const token = await ta.token();
    const t = protoTypes();
    const pb = (osd: string | number) =>
      encodeMessage(t.Operation, {
        Op_type: "Remove",
        disk: "/dev/sdb",
        disk_identity: "SER-sdb",
        simulate: true,
        osd_id: osd,
      });
    const PB = "application/x-protobuf";
    for (const osd of ["18446744073709551615", "2147483648"]) {
      const r = await ta.app.request(
        "/v1/disks/remove",
        req(token, pb(osd), { "content-type": PB, accept: PB }),
      );
      assert.equal(r.status, 400, osd);
      const e = decodeMessage(t.OpOutcomeResult, new Uint8Array(await r.arrayBuffer()));
      assert.match(String(e.error_msg), /"osd_id" must be an integer from 0 to 2147483647/);
    }
    let r = await ta.app.request(
      "/v1/disks/remove",
      req(token, pb(2147483647), { "content-type": PB, accept: PB }),
    );
    assert.equal(r.status, 200);
    await r.body?.cancel();
    r = await ta.app.request(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb", simulate: true, osd_id: 2 ** 31 }),
    );
    assert.equal(r.status, 400);
    await r.body?.cancel();
    assert.ok(
      !ta.backend.calls.some((c) => / osd=(2147483648|1\.8)/.test(c)),
      ta.backend.calls.join(),
    );
    r = await ta.app.request(
      "/v1/disks/remove",
      req(
        token,
        '{"disk":"/dev/sdc","disk_identity":"SER-sdb","simulate":true,"disk":"/dev/sdb"}',
      ),
    );
    assert.equal(r.status, 400);
    assert.match((await r.json()).detail, /field "disk" appears twice/);
  } finally {
    await ta.cleanup();
  }
});
