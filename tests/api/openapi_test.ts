/**
 * The published OpenAPI document against the real routes: every documented operation is
 * exercised (JSON and protobuf, success and typical refusals) and every response is checked
 * with a real JSON-schema validator (tests/api/openapi_check.ts; the same check wraps every
 * `request` of the other API tests). The check itself is shown to fail on undocumented
 * statuses, content types, routes and bodies that break the schema.
 */
import assert from "node:assert/strict";
import { encodeMessage, protoTypes } from "../../src/api/codec/proto.ts";
import { req, testApp } from "./harness.ts";
import { OpenApiCheck, OpenApiMismatch, validatedApp } from "./openapi_check.ts";

const PB = "application/x-protobuf";

Deno.test("openapi: every documented operation answers as documented (JSON and protobuf)", async () => {
  const check = new OpenApiCheck();
  const ta = await testApp();
  const app = validatedApp(ta.app, check);
  try {
    const token = await ta.token();
    const reader = await ta.token({ scope: "disks:read" });
    const pb = { accept: PB };
    const call = async (path: string, init: RequestInit, status: number): Promise<Response> => {
      const res = await app.request(path, init);
      assert.equal(res.status, status, `${init.method} ${path}`);
      return res;
    };
    await call("/v1/openapi.json", {}, 200);
    for (const h of [{}, pb]) {
      await call("/v1/disks", req(token, undefined, h), 200);
      await call("/v1/tickets", req(token, undefined, h), 200);
      await call("/v1/operations", req(token, undefined, h), 200);
      await call("/v1/disks/safe-to-remove", req(reader, { disk: "/dev/sdb" }, h), 200);
      await call(
        "/v1/disks/remove",
        req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb", simulate: true }, h),
        200,
      );
      await call(
        "/v1/disks/add",
        req(token, { disk: "/dev/sdc", disk_identity: "SER-sdc", simulate: true }, h),
        200,
      );
      await call("/v1/operations/nope", req(token, undefined, h), 404);
      await call("/v1/disks", req(undefined, undefined, h), 401);
      await call("/v1/disks/remove", req(reader, { disk: "/dev/sdb" }, h), 403);
      await call("/v1/disks/remove", req(token, "{", h), 400);
      await call(
        "/v1/disks/remove",
        req(token, "x", { ...h, "content-type": "text/plain" }),
        415,
      );
    }
    // A real removal: 202 with the operation, then its status and the list.
    const started = await call(
      "/v1/disks/remove",
      req(token, { disk: "/dev/sdb", disk_identity: "SER-sdb" }),
      202,
    );
    const op = await started.json();
    await call(`/v1/operations/${op.id}`, req(token), 200);
    await call(`/v1/operations/${op.id}`, req(token, undefined, pb), 200);
    await ta.registry.idle();
    // Protobuf request bodies too.
    const body = encodeMessage(protoTypes().Operation, {
      Op_type: "SafeToRemove",
      disk: "/dev/sdb",
    });
    await call(
      "/v1/disks/safe-to-remove",
      req(token, body, { "content-type": PB, accept: PB }),
      200,
    );

    const exercised = new Set([...check.covered].map((c) => c.split(" ").slice(0, 2).join(" ")));
    assert.deepEqual(
      check.operations().filter((o) => !exercised.has(o)),
      [],
      "every documented operation is exercised",
    );
    const ok = [...check.covered].filter((c) => / 2\d\d /.test(c)).map((c) =>
      c.split(" ").slice(0, 2).join(" ")
    );
    assert.deepEqual(
      check.operations().filter((o) => !ok.includes(o)),
      [],
      "every documented operation answered a 2xx",
    );
    for (const media of ["application/json", PB, "application/problem+json"]) {
      assert.ok([...check.covered].some((c) => c.endsWith(media)), `${media} checked`);
    }
  } finally {
    await ta.cleanup();
  }
});

Deno.test("openapi: the check rejects what the document does not describe", async () => {
  const check = new OpenApiCheck();
  const json = (body: unknown, status = 200, type = "application/json"): Response =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
  const rejects = (p: Promise<void>, re: RegExp): Promise<void> =>
    assert.rejects(p, (e: unknown) => e instanceof OpenApiMismatch && re.test(e.message));

  await check.check("GET", "/v1/disks", json({ disk: [] }));
  await rejects(check.check("GET", "/v1/disks", json({ disk: [] }, 418)), /status 418/);
  await rejects(
    check.check("GET", "/v1/disks", json({ disk: [{ dev_path: 7 }] })),
    /does not match/,
  );
  await rejects(
    check.check("GET", "/v1/disks", json({ disk: [] }, 200, "text/plain")),
    /content type "text\/plain"/,
  );
  await rejects(
    check.check(
      "GET",
      "/v1/disks",
      new Response(new Uint8Array([0xff, 0xff]), { headers: { "content-type": PB } }),
    ),
    /not a ceph_disk\.Disks/,
  );
  await rejects(check.check("GET", "/v1/secret", json({})), /not in openapi\.json/);
  await rejects(check.check("DELETE", "/v1/disks", json({})), /not in openapi\.json/);
  await rejects(
    check.check(
      "GET",
      "/v1/disks",
      json({ type: "x", title: "y", status: "z" }, 401, "application/problem+json"),
    ),
    /does not match/,
  );
});
