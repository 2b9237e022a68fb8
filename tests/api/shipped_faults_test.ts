/**
 * The disk-manager under faults, AS SHIPPED (package launcher, packaged permission flags,
 * node TLS listener), on the simulated host (`backend: "simulate"`): SIGTERM and kill -9
 * during a removal, an unwritable audit log, the Host-header routing attack and TRACE.
 * The real-cluster variants of SIGTERM/kill -9 are not here (see the report).
 */
import assert from "node:assert/strict";
import { runCommand } from "../../src/process/run.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { startVaultDouble } from "../doubles/vault.ts";
import { AUDIENCE, req } from "./harness.ts";
import {
  persistedOperations,
  setupShippedDm,
  type ShippedDm,
  startShippedDm,
} from "./shipped_dm.ts";

const SDB = { disk: "/dev/sdb", disk_identity: "serial:SIM-sdb" };

async function startRemove(dm: ShippedDm, token: string): Promise<string> {
  const res = await dm.api("/v1/disks/remove", req(token, SDB));
  const body = await res.json();
  assert.equal(res.status, 202, JSON.stringify(body) + dm.log());
  return body.id;
}

/** An operation as the API returns it (the fields these tests read). */
interface Op {
  state: string;
  step?: string;
  message?: string;
  result?: { error_type?: string };
}

async function poll(
  dm: ShippedDm,
  token: string,
  id: string,
  until: (op: Op) => boolean,
): Promise<Op> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const op = await (await dm.api(`/v1/operations/${id}`, req(token))).json() as Op;
    if (until(op) || Date.now() > deadline) return op;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function auditActions(path: string): Promise<string[][]> {
  const text = await Deno.readTextFile(path);
  return text.trim().split("\n").map((l) => {
    const r = JSON.parse(l);
    return [r.action, r.result, r.operation_id];
  });
}

Deno.test("shipped faults: SIGTERM mid-removal parks it at a safe point, records the truth, exits 0; a new request resumes", async () => {
  const s = await setupShippedDm(await shippedScratchDir("dm-sigterm"));
  const token = await s.token();
  let dm = await startShippedDm(s, { simulate_step_ms: 3000, shutdown_grace_seconds: 0 });
  const id = await startRemove(dm, token);
  await poll(dm, token, id, (op) => op.step === "osd_out");
  const st = await dm.stop("SIGTERM");
  assert.equal(st.code, 0, dm.log());
  assert.doesNotMatch(dm.log(), /database is not open|Uncaught/);
  assert.match(dm.log(), /disk-manager: stopping/);
  assert.match(dm.log(), /disk-manager: stopped/);
  const rec = persistedOperations(s.dbPath).get(id)!;
  assert.equal(rec.state, "FAILED");
  assert.equal((rec.record.result as Record<string, unknown>).error_type, "interrupted");
  assert.match(String(rec.record.message), /shut down during remove \(at step osd_out\)/);
  // The audit log agrees with the store, and its chain verifies as shipped.
  assert.deepEqual(await auditActions(s.auditPath), [
    ["Remove", "accepted", id],
    ["Remove.finished", "ERR", id],
  ]);
  const v = await runShipped(["audit", "verify", s.auditPath]);
  assert.equal(v.code, 0, v.stdout + v.stderr);

  // Restarted: the record says what happened; requesting the removal again runs it.
  dm = await startShippedDm(s, { simulate_step_ms: 50 });
  try {
    const op = await (await dm.api(`/v1/operations/${id}`, req(token))).json();
    assert.equal(op.state, "FAILED");
    const again = await startRemove(dm, token);
    const done = await poll(dm, token, again, (o) => o.state !== "RUNNING");
    assert.equal(done.state, "SUCCEEDED", JSON.stringify(done));
  } finally {
    assert.equal((await dm.stop()).code, 0);
  }
});

Deno.test("shipped faults: SIGTERM with a grace lets the running removal finish before exiting", async () => {
  const s = await setupShippedDm(await shippedScratchDir("dm-grace"));
  const token = await s.token();
  const dm = await startShippedDm(s, { simulate_step_ms: 400, shutdown_grace_seconds: 30 });
  const id = await startRemove(dm, token);
  const st = await dm.stop("SIGTERM");
  assert.equal(st.code, 0, dm.log());
  assert.equal(persistedOperations(s.dbPath).get(id)?.state, "SUCCEEDED", dm.log());
  assert.deepEqual(await auditActions(s.auditPath), [
    ["Remove", "accepted", id],
    ["Remove.finished", "OK", id],
  ]);
});

Deno.test("shipped faults: kill -9 mid-removal: on restart the operation is marked interrupted, never left RUNNING", async () => {
  const s = await setupShippedDm(await shippedScratchDir("dm-kill"));
  const token = await s.token();
  let dm = await startShippedDm(s, { simulate_step_ms: 5000 });
  const id = await startRemove(dm, token);
  await poll(dm, token, id, (op) => op.step === "osd_out");
  await dm.stop("SIGKILL");
  // What the killed process left: RUNNING (it could not say more).
  assert.equal(persistedOperations(s.dbPath).get(id)?.state, "RUNNING");
  dm = await startShippedDm(s, { simulate_step_ms: 50 });
  try {
    const op = await (await dm.api(`/v1/operations/${id}`, req(token))).json();
    assert.equal(op.state, "FAILED");
    assert.equal(op.result.error_type, "interrupted");
    assert.match(op.message, /stopped while the operation ran \(last step: osd_out\)/);
    assert.equal(persistedOperations(s.dbPath).get(id)?.state, "FAILED");
    // The disk is not held by the dead operation.
    const again = await startRemove(dm, token);
    assert.equal((await poll(dm, token, again, (o) => o.state !== "RUNNING")).state, "SUCCEEDED");
  } finally {
    assert.equal((await dm.stop()).code, 0);
  }
});

Deno.test("shipped faults: an unwritable audit log refuses the removal (503 problem+json) and nothing starts", async () => {
  const s = await setupShippedDm(await shippedScratchDir("dm-audit"));
  const token = await s.token();
  const dm = await startShippedDm(s, { simulate_step_ms: 50 });
  try {
    await Deno.mkdir(s.auditPath); // a directory where the file goes: unwritable even for root
    const res = await dm.api("/v1/disks/remove", req(token, SDB));
    assert.equal(res.status, 503);
    assert.equal(res.headers.get("content-type"), "application/problem+json");
    const p = await res.json();
    assert.equal(p.title, "audit_unavailable");
    assert.match(p.detail, /nothing was started/);
    const ops = await (await dm.api("/v1/operations", req(token))).json();
    assert.deepEqual(ops.operation ?? [], []);
    assert.equal(persistedOperations(s.dbPath).size, 0);
    const disks = await (await dm.api("/v1/disks", req(token))).json();
    const sdb = disks.disk.find((d: { dev_path: string }) => d.dev_path === "/dev/sdb");
    assert.equal(sdb.role.kind, "osd", "the simulated OSD is untouched");
    const metrics = await (await fetch(`http://127.0.0.1:${dm.metricsPort}/metrics`)).text();
    assert.match(metrics, /bynar_api_audit_write_failures_total\{kind="start"\} 1/);
    assert.match(dm.log(), /ALARM: audit record not written \(start\)/);
  } finally {
    assert.equal((await dm.stop()).code, 0);
  }
});

Deno.test("shipped faults: routing by request target only: the Host-header trick gets 400 and runs nothing; TRACE 405", async () => {
  const s = await setupShippedDm(await shippedScratchDir("dm-host"));
  const token = await s.token();
  const dm = await startShippedDm(s, { simulate_step_ms: 50 });
  try {
    const curl = (args: string[]) =>
      runCommand("curl", [
        "-s",
        "--cacert",
        s.pki.caPath,
        "-w",
        "\n%{http_code} %{content_type}",
        ...args,
      ], { timeoutMs: 20_000 });
    let r = await curl([
      "-X",
      "POST",
      "-H",
      `Authorization: Bearer ${token}`,
      "-H",
      "Host: localhost/v1/disks/remove?x=",
      "-H",
      "content-type: application/json",
      "--data",
      JSON.stringify(SDB),
      `https://localhost:${dm.port}/v1/openapi.json`,
    ]);
    let [body, status] = r.stdout.split("\n");
    assert.equal(status, "400 application/problem+json", r.stdout);
    assert.equal(JSON.parse(body!).title, "invalid_host");
    r = await curl(["-X", "TRACE", `https://localhost:${dm.port}/v1/disks`]);
    [body, status] = r.stdout.split("\n");
    assert.equal(status, "405 application/problem+json", r.stdout);
    assert.equal(JSON.parse(body!).title, "method_not_allowed");
    // An absolute-form target naming another path is refused too.
    r = await curl([
      "-H",
      `Authorization: Bearer ${token}`,
      "--request-target",
      `https://localhost:${dm.port}/v1/disks`,
      `https://localhost:${dm.port}/`,
    ]);
    assert.match(r.stdout, /\n400 application\/problem\+json$/);
    // Nothing ran.
    const ops = await (await dm.api("/v1/operations", req(token))).json();
    assert.deepEqual(ops.operation ?? [], []);
    assert.equal(persistedOperations(s.dbPath).size, 0);
    // The service keeps serving.
    assert.equal((await dm.api("/v1/disks", req(token))).status, 200);
  } finally {
    assert.equal((await dm.stop()).code, 0);
  }
});

Deno.test("shipped faults: a key withdrawn from Vault is refused within jwks_max_age_seconds (1 s)", async () => {
  const s = await setupShippedDm(await shippedScratchDir("dm-keys"));
  const vault = await startVaultDouble();
  vault.tokens.set("s.op", { entityId: "entity-op" });
  vault.roles.set("bynar-client", {
    key: "bynar",
    ttl: 3600,
    clientId: AUDIENCE,
    template: { scope: "disks:read disks:write", bynar_hosts: ["localhost"] },
  });
  const vaultToken = async (): Promise<string> => {
    const r = await fetch(`${vault.url}/v1/identity/oidc/token/bynar-client`, {
      headers: { "x-vault-token": "s.op" },
    });
    return (await r.json()).data.token;
  };
  const dm = await startShippedDm(s, {
    jwks_file: undefined,
    vault_endpoint: vault.url,
    jwt_issuer: vault.issuer,
    jwks_max_age_seconds: 1,
    jwks_refresh_cooldown_seconds: 0,
  });
  try {
    const old = await vaultToken();
    let res = await dm.api("/v1/disks", req(old));
    assert.equal(res.status, 200, await res.text());
    await vault.rotate("bynar", 0);
    await new Promise((r) => setTimeout(r, 1_300));
    res = await dm.api("/v1/disks", req(old));
    assert.equal(res.status, 401);
    assert.match((await res.json()).detail, /key id is unknown/);
    res = await dm.api("/v1/disks", req(await vaultToken()));
    assert.equal(res.status, 200);
    await res.body?.cancel();
  } finally {
    assert.equal((await dm.stop()).code, 0);
    await vault.close();
  }
});
