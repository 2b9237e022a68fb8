/**
 * The disk-manager split in two processes, AS SHIPPED: the executor runs through the
 * package's `bynar-executor` launcher (root, its own permission set, the simulate backend:
 * no Ceph here), the front through `bynar-front` as an unprivileged uid (65534) with the
 * front's permission set. A loop device of this test is the disk.
 *
 * Checks: the front serves inventory and remove/add through the executor; the executor's
 * socket refuses another uid (the kernel refuses `connect`); it refuses operations outside
 * its set; the journal is written before a change; a config file linked to /etc/shadow is
 * refused without echoing it.
 *
 * Needs root (setpriv, losetup). Run time: about 10 s plus the package build when cached
 * packages are stale.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { AUDIENCE, HOST, ISSUER, makeKey, sign } from "../api/harness.ts";
import { shippedArgv, shippedProduct } from "../builders/shipped.ts";

/** A parsed JSON answer, checked field by field by the assertions. */
// deno-lint-ignore no-explicit-any
type Json = any;

const FRONT_UID = 65534;
const OTHER_UID = 65533;
const SOCKET_ROOT = "/run/bynar-executor";

/** Runs argv as another uid/gid with no supplementary groups. */
function asUid(uid: number, argv: string[]): string[] {
  return ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--", ...argv];
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

async function out(argv: string[], env: Record<string, string> = {}): Promise<Deno.CommandOutput> {
  return await new Deno.Command(argv[0]!, {
    args: argv.slice(1),
    clearEnv: true,
    env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
}

interface Split {
  dir: string;
  frontDir: string;
  sock: string;
  journal: string;
  loop: string;
  base: string;
  token: string;
  identity: string;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (
      await check().catch((err) => {
        if (String(err).includes("exited")) throw err;
        return false;
      })
    ) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function withSplit(run: (s: Split) => Promise<void>): Promise<void> {
  await Deno.mkdir(SOCKET_ROOT, { recursive: true, mode: 0o755 });
  await Deno.chmod(SOCKET_ROOT, 0o755);
  const dir = `${SOCKET_ROOT}/split-${crypto.randomUUID().slice(0, 8)}`;
  const frontDir = join(dir, "front");
  const sockDir = join(dir, "sock");
  const execDir = join(dir, "exec");
  await Deno.mkdir(dir, { mode: 0o755 });
  for (const d of [frontDir, sockDir, execDir]) await Deno.mkdir(d, { mode: 0o700 });
  await Deno.chown(frontDir, FRONT_UID, FRONT_UID);
  await Deno.chown(sockDir, 0, FRONT_UID);
  await Deno.chmod(sockDir, 0o750);
  const sock = join(sockDir, "executor.sock");
  // Deno grants unix sockets by exact path: this test's socket is added the way an admin
  // would, through the launchers' defaults file.
  const defaults = join(dir, "defaults");
  await Deno.writeTextFile(defaults, `BYNAR_ALLOW_NET=unix:${sock}\n`);
  await Deno.chmod(defaults, 0o644);
  const journal = join(execDir, "journal.jsonl");
  const image = await Deno.makeTempFile({ dir: "/var/tmp", prefix: "bynar-split-" });
  await Deno.truncate(image, 16 * 1024 * 1024);
  const lo = await out(["losetup", "-f", "--show", image]);
  assert.equal(lo.code, 0, new TextDecoder().decode(lo.stderr));
  const loop = new TextDecoder().decode(lo.stdout).trim();
  const children: Deno.ChildProcess[] = [];
  try {
    const key = await makeKey();
    await Deno.writeTextFile(
      join(frontDir, "jwks.json"),
      JSON.stringify({ keys: [key.publicJwk] }),
    );
    const port = freePort();
    const metricsPort = freePort();
    await Deno.writeTextFile(
      join(frontDir, "disk-manager.json"),
      JSON.stringify({
        jwt_issuer: ISSUER,
        jwt_audience: AUDIENCE,
        jwks_file: join(frontDir, "jwks.json"),
        insecure_http: true,
        listen_address: "127.0.0.1",
        port,
        metrics_port: metricsPort,
        host_names: [HOST],
        audit_log: join(frontDir, "audit.log"),
      }),
    );
    for (const f of ["jwks.json", "disk-manager.json"]) {
      await Deno.chown(join(frontDir, f), FRONT_UID, FRONT_UID);
    }
    const executor = new Deno.Command(
      "env",
      {
        args: [
          "-i",
          "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
          "NO_COLOR=1",
          `BYNAR_DEFAULTS=${defaults}`,
          ...await shippedArgv([
            "executor",
            "--config-dir",
            execDir,
            "--socket",
            sock,
            "--front-uid",
            String(FRONT_UID),
            "--backend",
            "simulate",
            "--journal",
            journal,
            "--include-loop",
          ], { launcher: "executor" }),
        ],
        stdout: "null",
        stderr: "piped",
      },
    ).spawn();
    children.push(executor);
    let executorExited = false;
    executor.status.then(() => (executorExited = true));
    await waitFor(async () => {
      if (executorExited) throw new Error("the executor exited");
      return (await Deno.lstat(sock)).isSocket === true;
    }, "the executor socket");
    const front = new Deno.Command("env", {
      args: [
        "-i",
        "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
        "NO_COLOR=1",
        `HOME=${frontDir}`,
        `DENO_DIR=${frontDir}/.deno`,
        `BYNAR_DEFAULTS=${defaults}`,
        ...asUid(
          FRONT_UID,
          await shippedArgv([
            "disk-manager",
            "--config-dir",
            frontDir,
            "--executor-socket",
            sock,
            "--database",
            join(frontDir, "bynar.db"),
          ], { launcher: "front" }),
        ),
      ],
      stdout: "null",
      stderr: "piped",
    }).spawn();
    children.push(front);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () =>
        (await fetch(`${base}/v1/openapi.json`).then((r) => r.body?.cancel())) === undefined,
      "the front's listener",
    );
    const token = await sign(key, { hosts: [HOST] });
    const disks = await (await fetch(`${base}/v1/disks`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    })).json();
    assert.ok(Array.isArray(disks.disk), JSON.stringify(disks));
    const listed = disks.disk as { dev_path: string; identity: { key: string }; role: unknown }[];
    assert.deepEqual(listed.find((d) => d.dev_path === "/dev/vda")?.role, { kind: "system" });
    const mine = listed.find((d) => d.dev_path === loop);
    assert.ok(
      mine,
      `the front lists ${loop} from the executor's inventory: ${JSON.stringify(disks)}`,
    );
    await run({ dir, frontDir, sock, journal, loop, base, token, identity: mine.identity.key });
  } finally {
    for (const c of children) {
      try {
        c.kill("SIGTERM");
      } catch {
        // gone
      }
      const status = await c.status;
      const err = await new Response(c.stderr).text().catch(() => "");
      if (!status.success && status.signal !== "SIGTERM") console.error(err);
    }
    await out(["losetup", "-d", loop]);
    await Deno.remove(image);
    await Deno.remove(dir, { recursive: true });
  }
}

async function post(
  s: Split,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Json }> {
  const r = await fetch(`${s.base}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${s.token}`,
      accept: "application/json",
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: await r.json() };
}

async function get(s: Split, path: string): Promise<{ status: number; json: Json }> {
  const r = await fetch(`${s.base}${path}`, {
    headers: { authorization: `Bearer ${s.token}`, accept: "application/json" },
  });
  return { status: r.status, json: await r.json() };
}

async function finished(s: Split, id: string): Promise<Json> {
  let op: Json;
  await waitFor(async () => {
    op = (await get(s, `/v1/operations/${id}`)).json;
    return op.state !== "RUNNING" && op.state !== "PENDING";
  }, `operation ${id}`);
  return op;
}

const CLIENT = `
const [path, line] = Deno.args;
try {
  const conn = await Deno.connect({ transport: "unix", path });
  await conn.write(new TextEncoder().encode(line + "\\n"));
  const answer = await new Response(conn.readable).text();
  console.log(JSON.stringify({ connect: "ok", answer: JSON.parse(answer) }));
} catch (err) {
  console.log(JSON.stringify({ connect: "refused", error: err.name + ": " + err.message }));
}
`;

/** Sends one raw line to the executor socket as a given uid (the shipped deno runtime). */
async function rawAs(s: Split, uid: number, line: string): Promise<Json> {
  const { tree } = await shippedProduct();
  const work = join(s.dir, `client-${uid}`);
  await Deno.mkdir(work, { recursive: true, mode: 0o700 });
  await Deno.chown(work, uid, uid);
  await Deno.writeTextFile(join(work, "client.ts"), CLIENT);
  const r = await out(
    asUid(uid, [
      join(tree, "usr/lib/bynar/deno"),
      "run",
      "--no-config",
      "--no-lock",
      "--quiet",
      `--allow-net=unix:${s.sock}`,
      `--allow-read=${s.sock}`,
      `--allow-write=${s.sock}`,
      join(work, "client.ts"),
      s.sock,
      line,
    ]),
    { DENO_DIR: join(work, ".deno"), HOME: work },
  );
  const text = new TextDecoder().decode(r.stdout).trim();
  assert.ok(text, new TextDecoder().decode(r.stderr));
  return JSON.parse(text);
}

Deno.test("split as shipped: remove/add through the unprivileged front and the executor", async () => {
  await withSplit(async (s) => {
    const sim = await post(s, "/v1/disks/remove", {
      disk: s.loop,
      disk_identity: s.identity,
      simulate: true,
    });
    assert.equal(sim.status, 200, JSON.stringify(sim.json));
    assert.match(JSON.stringify(sim.json), /simulate backend/);
    const real = await post(s, "/v1/disks/remove", { disk: s.loop, disk_identity: s.identity });
    assert.equal(real.status, 202, JSON.stringify(real.json));
    const removed = await finished(s, real.json.id);
    assert.equal(removed.state, "SUCCEEDED", JSON.stringify(removed));
    const add = await post(s, "/v1/disks/add", { disk: s.loop, disk_identity: s.identity });
    assert.equal(add.status, 202, JSON.stringify(add.json));
    assert.equal((await finished(s, add.json.id)).state, "SUCCEEDED");
    const system = await post(s, "/v1/disks/remove", {
      disk: "/dev/vda",
      disk_identity: "overlayblk",
    });
    assert.match(JSON.stringify(system.json), /system disk/);
    // journalled before acting: begin precedes end for each change
    const journal = (await Deno.readTextFile(s.journal)).trim().split("\n").map((l) =>
      JSON.parse(l)
    );
    assert.deepEqual(
      journal.map((e) => `${e.phase} ${e.op} ${e.path}`),
      [
        `begin remove ${s.loop}`,
        `end remove ${s.loop}`,
        `begin add ${s.loop}`,
        `end add ${s.loop}`,
      ],
    );
  });
});

Deno.test("split as shipped: the executor socket refuses another uid; the front's uid gets only the typed set", async () => {
  await withSplit(async (s) => {
    const other = await rawAs(s, OTHER_UID, `{"op":"status"}`);
    assert.equal(other.connect, "refused", JSON.stringify(other));
    assert.match(other.error, /PermissionDenied|Permission denied/);
    const status = await rawAs(s, FRONT_UID, `{"op":"status"}`);
    assert.equal(status.connect, "ok", JSON.stringify(status));
    assert.equal(status.answer.result.backend, "simulate");
    for (
      const line of [
        `{"op":"run","argv":["/usr/bin/id"]}`,
        `{"op":"remove","disk":{"path":"${s.loop}","identity":"${s.identity}"},"simulate":false,"argv":["x"]}`,
        `{"op":"remove","disk":{"path":"/etc/shadow"},"simulate":true}`,
      ]
    ) {
      const r = await rawAs(s, FRONT_UID, line);
      assert.equal(r.answer.ok, false, line);
      assert.equal(r.answer.error.status, 400, line);
    }
    // a change the front would refuse is refused by the executor too (defence in depth)
    const mismatch = await rawAs(
      s,
      FRONT_UID,
      `{"op":"remove","disk":{"path":"${s.loop}","identity":"serial:OTHER"},"simulate":false}`,
    );
    assert.equal(mismatch.answer.error.code, "executor_refused");
    const sys = await rawAs(
      s,
      FRONT_UID,
      `{"op":"remove","disk":{"path":"/dev/vda","identity":"overlayblk"},"simulate":false}`,
    );
    assert.match(sys.answer.error.message, /system disk/);
    const journal = await Deno.readTextFile(s.journal);
    assert.doesNotMatch(journal, /"phase":"begin"/, "nothing was started");
  });
});
