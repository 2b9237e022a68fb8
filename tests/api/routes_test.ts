/**
 * Routes on the fake backend: listing, safe-to-remove, remove/add (simulate and real,
 * polled), identity binding, per-disk 409, protobuf negotiation, malformed input, limits,
 * audit log.
 */
import assert from "node:assert/strict";
import { verifyAuditLog } from "../../src/api/audit/log.ts";
import { decodeMessage, encodeMessage, protoTypes } from "../../src/api/codec/proto.ts";
import { OPENAPI_DOCUMENT } from "../../src/api/app.ts";
import { req, testApp } from "./harness.ts";

const PB = "application/x-protobuf";

Deno.test("routes: list disks with identity, type, state and role (JSON and protobuf)", async () => {
  const ta = await testApp();
  try {
    const token = await ta.token();
    const res = await ta.app.request("/v1/disks", req(token));
    assert.equal(res.status, 200);
    const body = await res.json();
    const sdb = body.disk.find((d: { dev_path: string }) => d.dev_path === "/dev/sdb");
    assert.deepEqual(sdb.identity, {
      key: "wwn:0x5000c500a1b2c3d4",
      serial: "SER-sdb",
      wwn: "0x5000c500a1b2c3d4",
      model: "TestDisk",
    });
    assert.equal(sdb.type, "ROTATIONAL");
    assert.deepEqual(sdb.role, { kind: "osd", osd_id: 1, up: true, is_in: true, destroyed: false });
    assert.equal(sdb.serial_number, "SER-sdb");
    const sda = body.disk.find((d: { dev_path: string }) => d.dev_path === "/dev/sda");
    assert.equal(sda.role.kind, "system");
    const sdc = body.disk.find((d: { dev_path: string }) => d.dev_path === "/dev/sdc");
    assert.equal(sdc.state, "good");

    const pb = await ta.app.request("/v1/disks", req(token, undefined, { accept: PB }));
    assert.equal(pb.headers.get("content-type"), PB);
    const decoded = decodeMessage(protoTypes().Disks, new Uint8Array(await pb.arrayBuffer()));
    assert.deepEqual(decoded, body);
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: safe-to-remove answers with the backend's verdict", async () => {
  const ta = await testApp();
  try {
    const res = await ta.app.request(
      "/v1/disks/safe-to-remove",
      req(await ta.token({ scope: "disks:read" }), { disk: "/dev/sdb" }),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      result: "OK",
      outcome: "Success",
      value: true,
      message: "3 replicas elsewhere",
    });
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: remove with simulate returns the plan and changes nothing", async () => {
  const ta = await testApp();
  try {
    const res = await ta.app.request(
      "/v1/disks/remove",
      req(await ta.token(), {
        disk: "/dev/sdb",
        disk_identity: "5000C500A1B2C3D4",
        simulate: true,
      }),
    );
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.outcome, "Success");
    assert.equal(body.plan[0].name, "osd_out");
    assert.ok(ta.backend.calls.includes("remove /dev/sdb wwn:0x5000c500a1b2c3d4 simulate=true"));
    assert.ok(!ta.backend.calls.some((c) => c.includes("simulate=false")));
    assert.equal(ta.registry.list().length, 0);
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: remove starts an operation (202), polled to SUCCEEDED; second request on the disk gets 409", async () => {
  const ta = await testApp();
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
    assert.equal(res.headers.get("location"), `/v1/operations/${op.id}`);
    assert.equal(op.state, "RUNNING");

    const busy = await ta.app.request(
      "/v1/disks/add",
      req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb" }),
    );
    assert.equal(busy.status, 409);
    assert.equal((await busy.json()).title, "disk_busy");
    // Another disk is not blocked.
    const other = await ta.app.request(
      "/v1/disks/add",
      req(token, { disk: "/dev/sdc", disk_identity: "SER-sdc", simulate: true }),
    );
    assert.equal(other.status, 200);
    await other.body?.cancel();

    const running = await (await ta.app.request(`/v1/operations/${op.id}`, req(token))).json();
    assert.equal(running.state, "RUNNING");
    assert.equal(running.step, "osd_out");
    open();
    await ta.registry.idle();
    const done = await (await ta.app.request(`/v1/operations/${op.id}`, req(token))).json();
    assert.equal(done.state, "SUCCEEDED");
    assert.equal(done.result.outcome, "Success");
    assert.equal(done.result.osd_id, 1);
    assert.equal(done.requested_by, "entity-1");
    const list = await (await ta.app.request("/v1/operations", req(token))).json();
    assert.equal(list.operation[0].id, op.id);
    // After the operation the disk can be used again.
    const again = await ta.app.request(
      "/v1/disks/add",
      req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb", osd_id: 1 }),
    );
    assert.equal(again.status, 202);
    await again.body?.cancel();
    await ta.registry.idle();
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: a failing backend operation ends FAILED with the error", async () => {
  const ta = await testApp();
  try {
    ta.backend.fail = new Error("Cannot mark osd.1 out: EBUSY");
    const token = await ta.token();
    const res = await ta.app.request(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb" }),
    );
    const op = await res.json();
    await ta.registry.idle();
    const done = await (await ta.app.request(`/v1/operations/${op.id}`, req(token))).json();
    assert.equal(done.state, "FAILED");
    assert.equal(done.result.result, "ERR");
    assert.match(done.result.error_msg, /EBUSY/);
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: identity binding: mismatch 412, missing 400, unknown disk 404, no stable identity 422", async () => {
  const ta = await testApp();
  try {
    const token = await ta.token();
    const post = async (path: string, body: unknown) =>
      await ta.app.request(path, req(token, body));
    let r = await post("/v1/disks/remove", { disk: "/dev/sdb", disk_identity: "SER-sdc" });
    assert.equal(r.status, 412);
    assert.equal((await r.json()).title, "identity_mismatch");
    r = await post("/v1/disks/add", { disk: "/dev/sdb", disk_identity: "wwn:0x5000c500ffffffff" });
    assert.equal(r.status, 412);
    await r.body?.cancel();
    r = await post("/v1/disks/remove", { disk: "/dev/sdb" });
    assert.equal(r.status, 400);
    assert.equal((await r.json()).title, "identity_required");
    r = await post("/v1/disks/remove", { disk: "/dev/sdq", disk_identity: "x" });
    assert.equal(r.status, 404, "gone, and the backend knows no OSD that used it");
    await r.body?.cancel();
    r = await post("/v1/disks/safe-to-remove", { disk: "/dev/sdq" });
    assert.equal(r.status, 400, "a disk that is gone is named by the identity last seen there");
    assert.equal((await r.json()).title, "identity_required");
    r = await post("/v1/disks/remove", { disk: "/dev/vdz", disk_identity: "path:/dev/vdz" });
    assert.equal(r.status, 422);
    await r.body?.cancel();
    r = await post("/v1/disks/safe-to-remove", { disk: "/dev/sdb", disk_identity: "SER-sdc" });
    assert.equal(r.status, 412, "safe-to-remove checks the identity when given");
    await r.body?.cancel();
    assert.ok(!ta.backend.calls.some((c) => c.startsWith("remove") || c.startsWith("add")));
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: a vanished disk's OSD is removed by the identity last seen and the OSD id (B-24)", async () => {
  const ta = await testApp();
  try {
    const token = await ta.token();
    ta.backend.safe = { outcome: "Success", safe: true, reason: "osd.4 is down", osdId: 4 };
    const body = { disk: "/dev/sdq", disk_identity: "SER-sdq", osd_id: 4 };
    let r = await ta.app.request("/v1/disks/safe-to-remove", req(token, body));
    assert.equal(r.status, 200);
    assert.equal((await r.json()).osd_id, 4);
    r = await ta.app.request("/v1/disks/remove", req(token, body));
    assert.equal(r.status, 202);
    const op = await r.json();
    await ta.registry.idle();
    assert.ok(ta.backend.calls.includes("safe /dev/sdq SER-sdq osd=4"), ta.backend.calls.join());
    assert.ok(
      ta.backend.calls.includes("remove /dev/sdq SER-sdq simulate=false osd=4"),
      ta.backend.calls.join(),
    );
    assert.equal(op.disk, "/dev/sdq");
    // Add still needs a disk that is present.
    r = await ta.app.request(
      "/v1/disks/add",
      req(token, { disk: "/dev/sdq", disk_identity: "SER-sdq" }),
    );
    assert.equal(r.status, 404);
    await r.body?.cancel();
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: system disk and not-safe disks are not removed", async () => {
  const ta = await testApp();
  try {
    const token = await ta.token();
    let r = await ta.app.request(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sda", disk_identity: "SER-sda" }),
    );
    assert.equal(r.status, 200);
    assert.equal((await r.json()).outcome, "Skipped");
    ta.backend.safe = { outcome: "Success", safe: false, reason: "pgs would be degraded" };
    r = await ta.app.request(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb" }),
    );
    assert.equal(r.status, 409);
    assert.equal((await r.json()).title, "not_safe_to_remove");
    ta.backend.safe = { outcome: "SkipRepeat", safe: true, reason: "already out" };
    r = await ta.app.request(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb" }),
    );
    assert.equal(r.status, 200);
    assert.equal((await r.json()).outcome, "SkipRepeat");
    assert.ok(!ta.backend.calls.some((c) => c.startsWith("remove")));
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: protobuf requests and protobuf errors", async () => {
  const ta = await testApp();
  try {
    const token = await ta.token();
    const t = protoTypes();
    const body = encodeMessage(t.Operation, {
      Op_type: "Remove",
      disk: "/dev/sdb",
      disk_identity: "SER-sdb",
      simulate: true,
    });
    let r = await ta.app.request(
      "/v1/disks/remove",
      req(token, body, { "content-type": PB, accept: PB }),
    );
    assert.equal(r.status, 200);
    const ok = decodeMessage(t.OpOutcomeResult, new Uint8Array(await r.arrayBuffer()));
    assert.equal(ok.result, "OK");
    assert.equal(ok.outcome, "Success");
    // Wrong Op_type for the route.
    const wrong = encodeMessage(t.Operation, { Op_type: "Add", disk: "/dev/sdb" });
    r = await ta.app.request(
      "/v1/disks/remove",
      req(token, wrong, { "content-type": PB, accept: PB }),
    );
    assert.equal(r.status, 400);
    const err = decodeMessage(t.OpOutcomeResult, new Uint8Array(await r.arrayBuffer()));
    assert.equal(err.result, "ERR");
    assert.equal(err.error_type, "wrong_operation");
    assert.equal(err.status, 400);
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: malformed input gets 4xx and the service keeps serving", async (t) => {
  const ta = await testApp({ limits: { ratePerSecond: 0, maxBodyBytes: 1024 } });
  try {
    const token = await ta.token();
    const pb = { "content-type": PB };
    const valid = encodeMessage(protoTypes().Operation, {
      Op_type: "Remove",
      disk: "/dev/sdb",
      disk_identity: "SER-sdb",
    });
    const cases: [string, string, RequestInit, number][] = [
      [
        "truncated protobuf",
        "/v1/disks/remove",
        req(token, valid.slice(0, valid.length - 3), pb),
        400,
      ],
      [
        "garbage protobuf",
        "/v1/disks/remove",
        req(token, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]), pb),
        400,
      ],
      [
        "protobuf missing required Op_type",
        "/v1/disks/remove",
        req(token, new Uint8Array([0x12, 0x03, 0x61, 0x62, 0x63]), pb),
        400,
      ],
      ["empty protobuf", "/v1/disks/add", req(token, new Uint8Array(0), pb), 400],
      ["invalid JSON", "/v1/disks/remove", req(token, "{not json"), 400],
      ["JSON array", "/v1/disks/remove", req(token, "[1,2]"), 400],
      ["wrong JSON types", "/v1/disks/remove", req(token, { disk: 42, disk_identity: true }), 400],
      [
        "simulate as string",
        "/v1/disks/remove",
        req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb", simulate: "yes" }),
        400,
      ],
      [
        "negative osd id",
        "/v1/disks/add",
        req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb", osd_id: -1 }),
        400,
      ],
      [
        "unknown field",
        "/v1/disks/remove",
        req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb", force: true }),
        400,
      ],
      [
        "oversized body",
        "/v1/disks/remove",
        req(token, { disk: "/dev/sdb", disk_identity: "x".repeat(2000) }),
        413,
      ],
      [
        "path traversal",
        "/v1/disks/remove",
        req(token, { disk: "/dev/../etc/passwd", disk_identity: "SER-sdb" }),
        400,
      ],
      [
        "path outside /dev",
        "/v1/disks/remove",
        req(token, { disk: "/etc/passwd", disk_identity: "SER-sdb" }),
        400,
      ],
      [
        "shell metacharacters",
        "/v1/disks/remove",
        req(token, { disk: "/dev/sdb; rm -rf /", disk_identity: "SER-sdb" }),
        400,
      ],
      [
        "command substitution",
        "/v1/disks/add",
        req(token, { disk: "/dev/$(reboot)", disk_identity: "SER-sdb" }),
        400,
      ],
      ["newline in name", "/v1/disks/safe-to-remove", req(token, { disk: "/dev/sdb\n" }), 400],
      [
        "by-id traversal",
        "/v1/disks/remove",
        req(token, { disk: "/dev/disk/by-id/../../sda", disk_identity: "SER-sdb" }),
        400,
      ],
      [
        "text/plain body",
        "/v1/disks/remove",
        req(token, "disk=/dev/sdb", { "content-type": "text/plain" }),
        415,
      ],
      ["bad operation id", "/v1/operations/..%2F..%2Fetc", req(token), 400],
      ["unknown operation", "/v1/operations/123e4567", req(token), 404],
      ["unknown route", "/v1/nope", req(token), 404],
    ];
    for (const [name, path, init, status] of cases) {
      await t.step(name, async () => {
        const r = await ta.app.request(path, init);
        if ((init.headers as Record<string, string>)["content-type"] === PB) {
          // Protobuf clients get a protobuf OpOutcomeResult with result ERR.
          assert.equal(r.headers.get("content-type"), PB);
          const e = decodeMessage(
            protoTypes().OpOutcomeResult,
            new Uint8Array(await r.arrayBuffer()),
          );
          assert.equal(r.status, status, String(e.error_msg));
          assert.equal(e.result, "ERR");
          assert.equal(e.status, status);
          return;
        }
        const text = await r.text();
        assert.equal(r.status, status, text);
        assert.ok(r.headers.get("content-type")?.startsWith("application/problem+json"), text);
      });
    }
    assert.ok(!ta.backend.calls.some((c) => c.startsWith("remove") || c.startsWith("add")));
    const still = await ta.app.request("/v1/disks", req(token));
    assert.equal(still.status, 200);
    await still.body?.cancel();
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: per-client rate limit answers 429 with Retry-After", async () => {
  let now = 1_000_000;
  const ta = await testApp({ limits: { ratePerSecond: 2, rateBurst: 3 }, now: () => now });
  try {
    const token = await ta.token({ now });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await ta.app.request("/v1/disks", req(token));
      statuses.push(r.status);
      if (r.status === 429) assert.ok(Number(r.headers.get("retry-after")) >= 1);
      await r.body?.cancel();
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const other = await ta.app.request("/v1/disks", req(await ta.token({ sub: "entity-2", now })));
    assert.equal(other.status, 200, "another client is not limited");
    await other.body?.cancel();
    now += 1000;
    const later = await ta.app.request("/v1/disks", req(token));
    assert.equal(later.status, 200);
    await later.body?.cancel();
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: every mutating request is in the hash-chained audit log", async () => {
  const ta = await testApp();
  try {
    const token = await ta.token({ sub: "alice" });
    const send = async (body: unknown) => {
      const r = await ta.app.request("/v1/disks/remove", req(token, body));
      await r.body?.cancel();
    };
    await send({ disk: "/dev/sdb", disk_identity: "SER-sdb", simulate: true });
    await send({ disk: "/dev/sdb", disk_identity: "SER-sdc" });
    await send({ disk: "/dev/sdb", disk_identity: "SER-sdb" });
    await ta.registry.idle();
    const lines = (await Deno.readTextFile(ta.auditPath)).trim().split("\n").map((l) =>
      JSON.parse(l)
    );
    assert.deepEqual(lines.map((l) => [l.action, l.result, l.status ?? null]), [
      ["Remove", "OK", 200],
      ["Remove", "refused", 412],
      ["Remove", "accepted", 202],
      ["Remove.finished", "OK", null],
    ]);
    assert.ok(lines.every((l) => l.actor === "alice" && l.disk === "/dev/sdb"));
    assert.equal(lines[0].simulate, true);
    const v = await verifyAuditLog(ta.auditPath);
    assert.deepEqual(v.ok, true);
    assert.equal(v.records, 4);
  } finally {
    await ta.cleanup();
  }
});

Deno.test("routes: the OpenAPI document is served without auth and lists every route", async () => {
  const ta = await testApp();
  try {
    const r = await ta.app.request("/v1/openapi.json");
    assert.equal(r.status, 200);
    const doc = (await r.json()) as { paths: Record<string, Record<string, unknown>> };
    assert.deepEqual(doc, OPENAPI_DOCUMENT);
    const routes = ta.app.routes
      .filter((x) => x.method !== "ALL")
      .map((x) => `${x.method.toLowerCase()} ${x.path.replace(/:(\w+)/g, "{$1}")}`);
    for (const route of routes) {
      const [method, path] = route.split(" ") as [string, string];
      const p = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
      assert.ok(doc.paths[p]?.[method], `OpenAPI lacks ${method} ${p}`);
    }
  } finally {
    await ta.cleanup();
  }
});
