/**
 * The systemd tier: the .deb built from this tree, installed in a booted Debian 12
 * container (`systemd-nspawn -b`, see nspawn.ts), proven under its real units:
 *
 * - bynar-check.timer fires bynar-check.service, which writes the Prometheus textfile;
 * - bynar-detect.service starts, runs passes, reloads on `systemctl reload` (SIGHUP) and
 *   stops cleanly;
 * - `dpkg -i` creates the system user `bynar` and gives it (group) the front's files only;
 * - the privilege split: bynar-executor.service (root) serves its unix socket (owned by
 *   `bynar`, 0600, in a root:bynar 0750 directory) against a private monitor-only Ceph
 *   cluster; bynar-disk-manager.service (the front) runs as `bynar` under its whole sandbox
 *   (syscall filter, PrivateDevices, no capability), answers over HTTPS (test CA) with a
 *   token (401 without), its `/readyz` follows the executor (503 while it is down, 200 after
 *   its restart); both reload and stop cleanly;
 * - a mount made from inside the executor unit through the executor's runner (the
 *   ceph-volume activation path) is visible in the container's root mount namespace (PID 1),
 *   while the old unit design (namespaced, MountFlags=shared) provably hides it.
 *
 * Needs root, systemd-nspawn and the cached root (`deno run -A tests/systemd/root.ts build`,
 * which tools/test.sh runs before `deno test`). About 40 s. Everything it makes — overlay,
 * container, monitor, temp files — is removed at the end; no loop device is used.
 *
 * @module
 */
import assert from "node:assert/strict";
import { buildDeb } from "../../packaging/build_deb.ts";
import { makeTestPki } from "../api/pki.ts";
import { bootContainer, type Container } from "./nspawn.ts";
import { startTestMon, type TestMon } from "./mon.ts";
import { cachedRoot } from "./root.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function show(c: Container, unit: string, props: string[]): Promise<Record<string, string>> {
  const out = await c.must(["systemctl", "show", unit, ...props.map((p) => `--property=${p}`)]);
  return Object.fromEntries(
    out.trim().split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}

async function journal(c: Container, unit: string): Promise<string> {
  return (await c.exec(["journalctl", "--no-pager", "-o", "cat", "-u", unit])).stdout;
}

/** Mount points of the container's PID 1 (its root mount namespace). */
async function pid1Mounts(c: Container): Promise<string[]> {
  const info = await Deno.readTextFile(`/proc/${c.leader}/mountinfo`);
  return info.trim().split("\n").map((l) => l.split(" ")[4] ?? "");
}

/** Starts a unit, proves it answers (`ready`), reloads it, stops it, checks a clean stop. */
async function lifecycle(
  c: Container,
  unit: string,
  ready: () => Promise<boolean>,
  reloaded: RegExp,
  options: { beforeStop?: () => Promise<void> } = {},
): Promise<void> {
  await c.must(["systemctl", "start", unit]);
  await waitFor(`${unit} to answer`, async () => {
    const s = await show(c, unit, ["ActiveState"]);
    if (s.ActiveState === "failed") {
      throw new Error(`${unit} failed:\n${await journal(c, unit)}`);
    }
    return await ready();
  }, 60_000).catch(async (err) => {
    throw new Error(`${(err as Error).message}\n--- journal ---\n${await journal(c, unit)}`);
  });
  const before = await show(c, unit, ["MainPID"]);
  await c.must(["systemctl", "reload", unit]);
  await waitFor(
    `${unit} to log its reload`,
    async () => reloaded.test(await journal(c, unit)),
    30_000,
  )
    .catch(async (err) => {
      throw new Error(`${(err as Error).message}\n--- journal ---\n${await journal(c, unit)}`);
    });
  const after = await show(c, unit, ["MainPID", "ActiveState", "NRestarts"]);
  assert.equal(after.MainPID, before.MainPID, `${unit}: SIGHUP must not restart the process`);
  assert.equal(after.ActiveState, "active");
  assert.equal(after.NRestarts, "0");
  await options.beforeStop?.();
  await stopCleanly(c, unit);
}

/** Stops a unit and checks that its main process exited 0 on SIGTERM. */
async function stopCleanly(c: Container, unit: string): Promise<void> {
  await c.must(["systemctl", "stop", unit]);
  const stopped = await show(c, unit, ["Result", "ExecMainStatus", "ActiveState"]);
  const log = await journal(c, unit);
  assert.deepEqual(
    stopped,
    { Result: "success", ExecMainStatus: "0", ActiveState: "inactive" },
    `${unit} did not stop cleanly:\n${log}`,
  );
  // systemd logs "Main process exited, code=…" for a non-zero exit or a signal only.
  const afterStop = log.slice(log.lastIndexOf("Stopping "));
  assert.doesNotMatch(afterStop, /Main process exited|code=killed|Failed with result/, log);
}

Deno.test({
  name:
    "systemd tier: the packaged units under a real systemd (timer, detect, disk-manager, OSD mounts)",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const lower = await cachedRoot();
    if (!lower) {
      throw new Error(
        "No cached nspawn root for this recipe: run `deno run -A tests/systemd/root.ts build` " +
          "(tools/test.sh does it before the tests; it needs the Debian mirror once)",
      );
    }
    const work = await Deno.makeTempDir({ dir: "/var/tmp", prefix: "bynar-tier-" });
    let container: Container | null = null;
    let mon: TestMon | null = null;
    try {
      const settled = await Promise.allSettled(
        [
          // Uncompressed: the same tree as the shipped .deb, without a minute of xz.
          buildDeb({ root: ROOT, outDir: work, compression: "none" }),
          (async () => {
            const out = `${work}/mount_probe.js`;
            const r = await new Deno.Command(Deno.execPath(), {
              args: [
                "bundle",
                "--quiet",
                "--platform=deno",
                "-o",
                out,
                "tests/systemd/mount_probe.ts",
              ],
              cwd: ROOT,
              stdout: "null",
              stderr: "piped",
            }).output();
            assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
            return out;
          })(),
          makeTestPki(work),
          startTestMon(),
          bootContainer(lower),
        ] as const,
      );
      // Keep what started, so that `finally` stops it even when another part failed.
      if (settled[3].status === "fulfilled") mon = settled[3].value;
      if (settled[4].status === "fulfilled") container = settled[4].value;
      for (const r of settled) if (r.status === "rejected") throw r.reason;
      const [deb, probe, pki, started, booted] = settled.map((r) =>
        (r as PromiseFulfilledResult<unknown>).value
      ) as [string, string, Awaited<ReturnType<typeof makeTestPki>>, TestMon, Container];
      mon = started;
      container = booted;
      const c = booted;
      const root = c.root;

      await t.step("the .deb installs with dpkg (Depends present, no network)", async () => {
        await Deno.copyFile(deb, `${root}/root/bynar.deb`);
        const r = await c.exec(["dpkg", "-i", "/root/bynar.deb"], { timeoutMs: 120_000 });
        assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
        for (
          const u of [
            "bynar-check.timer",
            "bynar-detect.service",
            "bynar-executor.service",
            "bynar-disk-manager.service",
          ]
        ) {
          const s = await show(c, u, ["LoadState", "UnitFileState"]);
          assert.equal(s.LoadState, "loaded", u);
          assert.equal(s.UnitFileState, "disabled", `${u}: nothing is enabled on install`);
        }
        // The front's system user: no login, no home, a system uid, its own group.
        const [name, , uid, gid, , home, shell] = (await c.must(["getent", "passwd", "bynar"]))
          .trim().split(":");
        assert.equal(name, "bynar");
        assert.ok(Number(uid) > 0 && Number(uid) < 1000, `a system uid, got ${uid}`);
        assert.equal(home, "/nonexistent");
        assert.equal(shell, "/usr/sbin/nologin");
        assert.equal((await c.must(["getent", "group", "bynar"])).split(":")[2], gid);
        // It reads disk-manager.json and the JWKS directory through its group, nothing more.
        const statOf = async (path: string): Promise<string> =>
          (await c.must(["stat", "-c", "%U:%G %a", path])).trim();
        assert.equal(await statOf("/etc/bynar/disk-manager.json"), "root:bynar 640");
        assert.equal(await statOf("/etc/bynar/keys"), "root:bynar 750");
        assert.equal(await statOf("/etc/bynar/bynar.json"), "root:root 600");
        assert.equal(await statOf("/var/lib/bynar"), "root:root 700");
      });

      // Configuration: the disk-manager on a free loopback port with the test CA's
      // certificate and a JWKS made by the packaged `bynar token keygen`; Ceph = the
      // private monitor; the detector points at that disk-manager with a token.
      const port = freePort();
      const metricsPort = freePort();
      await Deno.mkdir(`${root}/etc/bynar/tls`, { recursive: true });
      await Deno.copyFile(pki.certPath, `${root}/etc/bynar/tls/disk-manager.crt`);
      await Deno.copyFile(pki.keyPath, `${root}/etc/bynar/tls/disk-manager.key`);
      await Deno.copyFile(pki.caPath, `${root}/etc/bynar/tls/ca.pem`);
      // As an admin installs them (README, privilege separation): the front (user bynar)
      // reads the certificate and key through its group.
      await c.must(["chgrp", "-R", "bynar", "/etc/bynar/tls"]);
      await c.must(["chmod", "0750", "/etc/bynar/tls"]);
      await c.must([
        "chmod",
        "0640",
        ...["crt", "key"].map((e) => `/etc/bynar/tls/disk-manager.${e}`),
      ]);
      await Deno.mkdir(`${root}/etc/ceph`, { recursive: true });
      await Deno.writeTextFile(`${root}/etc/ceph/ceph.client.admin.keyring`, mon.adminKeyring);
      await Deno.writeTextFile(
        `${root}/etc/ceph/ceph.conf`,
        mon.clientConf("/etc/ceph/ceph.client.admin.keyring"),
      );
      // Where the README says keys belong (the package creates /etc/bynar/keys, 0700).
      await c.must([
        "bynar",
        "token",
        "keygen",
        "--out-key",
        "/etc/bynar/keys/signing.jwk",
        "--out-jwks",
        "/etc/bynar/keys/jwks.json",
      ]);
      assert.equal((await Deno.stat(`${root}/etc/bynar/keys/signing.jwk`)).mode! & 0o777, 0o600);
      assert.equal((await Deno.stat(`${root}/etc/bynar/keys`)).mode! & 0o777, 0o750);
      const edit = async (file: string, fields: Record<string, unknown>): Promise<void> => {
        const path = `${root}/etc/bynar/${file}`;
        const config = JSON.parse(await Deno.readTextFile(path));
        await Deno.writeTextFile(path, JSON.stringify({ ...config, ...fields }));
      };
      await edit("disk-manager.json", {
        port,
        metrics_port: metricsPort,
        jwks_file: "/etc/bynar/keys/jwks.json",
        jwt_issuer: "bynar-tier",
      });
      await edit("ceph.json", { client_mount_timeout: 10 });
      const token = (await c.must([
        "bynar",
        "token",
        "issue",
        "--key",
        "/etc/bynar/keys/signing.jwk",
        "--sub",
        "tier",
        "--scope",
        "disks:read,disks:write",
        "--config-dir",
        "/etc/bynar",
      ])).trim();
      await Deno.writeTextFile(`${root}/etc/bynar/manager.token`, `${token}\n`, { mode: 0o600 });
      // JIRA on a closed loopback port: used only when a disk fails, and none does in the
      // container (nspawn's device policy hides the host's disks).
      await edit("bynar.json", {
        manager_port: port,
        manager_token_file: "/etc/bynar/manager.token",
        manager_ca_file: "/etc/bynar/tls/ca.pem",
        interval_seconds: 10,
        jira_host: "https://127.0.0.1:9",
        jira_user: "tier",
        jira_password: "tier",
        jira_project_id: "TIER",
        jira_issue_type: "Task",
        jira_priority: "Major",
        jira_ticket_assignee: "tier",
      });

      await t.step("bynar-check.timer fires the scan, which writes the textfile", async () => {
        // The shipped timer waits 5 min after boot; the drop-in adds a 1 s trigger.
        await Deno.mkdir(`${root}/etc/systemd/system/bynar-check.timer.d`, { recursive: true });
        await Deno.writeTextFile(
          `${root}/etc/systemd/system/bynar-check.timer.d/tier.conf`,
          "[Timer]\nOnActiveSec=1s\nRandomizedDelaySec=0\nAccuracySec=1s\n",
        );
        await c.must(["systemctl", "daemon-reload"]);
        await c.must(["systemctl", "enable", "--now", "bynar-check.timer"]);
        const prom = `${root}/var/lib/prometheus/node-exporter/bynar.prom`;
        await waitFor("the timer's scan to write bynar.prom", async () => {
          const s = await show(c, "bynar-check.service", ["ActiveState", "Result"]);
          if (s.ActiveState === "failed") {
            throw new Error(
              `bynar-check.service failed:\n${await journal(c, "bynar-check.service")}`,
            );
          }
          const written = await Deno.stat(prom).then(() => true, () => false);
          return written && s.ActiveState === "inactive";
        }, 60_000);
        const text = await Deno.readTextFile(prom);
        assert.match(text, /^bynar_check_status\{host="[^"]+"\} [0-3]$/m, text);
        const s = await show(c, "bynar-check.service", ["Result", "ExecMainStatus"]);
        assert.equal(s.Result, "success", await journal(c, "bynar-check.service"));
        assert.ok(["0", "1", "2"].includes(s.ExecMainStatus ?? ""), JSON.stringify(s));
        assert.match(await journal(c, "bynar-check.service"), /BYNAR (OK|WARNING|CRITICAL)/);
      });

      await t.step(
        "bynar-executor.service and the front (user bynar) serve, follow each other, stop cleanly",
        async () => {
          const client = Deno.createHttpClient({ caCerts: [await Deno.readTextFile(pki.caPath)] });
          const get = async (auth: boolean): Promise<{ status: number; body: string }> => {
            const r = await fetch(`https://127.0.0.1:${port}/v1/disks`, {
              client,
              headers: {
                accept: "application/json",
                ...(auth ? { authorization: `Bearer ${token}` } : {}),
              },
            });
            return { status: r.status, body: await r.text() };
          };
          const readyz = async (): Promise<{ status: number; body: string } | null> => {
            const r = await fetch(`http://127.0.0.1:${metricsPort}/readyz`).catch(() => null);
            return r ? { status: r.status, body: await r.text() } : null;
          };
          const exe = "bynar-executor.service";
          const front = "bynar-disk-manager.service";
          const uidOf = async (unit: string): Promise<string> => {
            const pid = (await show(c, unit, ["MainPID"])).MainPID;
            const status = await c.must(["cat", `/proc/${pid}/status`]);
            return status.match(/^Uid:\s+(\d+)/m)?.[1] ?? "?";
          };
          const bynarUid = (await c.must(["id", "-u", "bynar"])).trim();
          try {
            // The executor alone: its socket, owned by the front's uid, in root:bynar 0750.
            await c.must(["systemctl", "start", exe]);
            await waitFor(`${exe} to listen`, async () => {
              if ((await show(c, exe, ["ActiveState"])).ActiveState === "failed") {
                throw new Error(`${exe} failed:\n${await journal(c, exe)}`);
              }
              return /executor: serving/.test(await journal(c, exe));
            }, 60_000).catch(async (err) => {
              const st = await c.exec(["systemctl", "status", "--no-pager", exe]);
              throw new Error(`${(err as Error).message}\n${st.stdout}\n${await journal(c, exe)}`);
            });
            const st = (path: string): Promise<string> =>
              c.must(["stat", "-c", "%F %u:%G %a", path]).then((o) => o.trim());
            assert.equal(await st("/run/bynar-executor"), "directory 0:bynar 750");
            assert.equal(
              await st("/run/bynar-executor/executor.sock"),
              `socket ${bynarUid}:bynar 600`,
            );
            assert.equal(await uidOf(exe), "0");
            // Its reload: SIGHUP re-validates ceph.json, the process keeps serving.
            const exePid = (await show(c, exe, ["MainPID"])).MainPID;
            await c.must(["systemctl", "reload", exe]);
            await waitFor(
              `${exe} to log its reload`,
              async () =>
                /executor: SIGHUP: configuration in \/etc\/bynar is valid; nothing changed/
                  .test(await journal(c, exe)),
              30_000,
            ).catch(async (err) => {
              throw new Error(`${(err as Error).message}\n${await journal(c, exe)}`);
            });
            assert.deepEqual(await show(c, exe, ["MainPID", "ActiveState", "NRestarts"]), {
              MainPID: exePid,
              ActiveState: "active",
              NRestarts: "0",
            });
            // The front, as bynar under its whole sandbox (syscall filter, PrivateDevices).
            await lifecycle(
              c,
              front,
              async () => {
                const ok = await get(true).catch(() => null);
                if (!ok) return false;
                assert.equal(ok.status, 200, ok.body);
                assert.equal((await get(false)).status, 401);
                const ready = await readyz();
                assert.equal(ready?.status, 200, ready?.body);
                assert.equal(await uidOf(front), bynarUid);
                // The sandbox is in force on the serving V8 process: seccomp filter on, no
                // capability even in the bounding set, no new privileges.
                const pid = (await show(c, front, ["MainPID"])).MainPID;
                const status = await c.must(["cat", `/proc/${pid}/status`]);
                for (
                  const line of [
                    /^Seccomp:\s+2$/m,
                    /^NoNewPrivs:\s+1$/m,
                    /^CapBnd:\s+0{16}$/m,
                    /^CapEff:\s+0{16}$/m,
                  ]
                ) assert.match(status, line);
                return true;
              },
              /SIGHUP: configuration in \/etc\/bynar is valid; nothing changed/,
              {
                // /readyz follows the executor: 503 while it is down (killed), 200 once
                // systemd has restarted it (Restart=on-failure).
                beforeStop: async () => {
                  const frontPid = (await show(c, front, ["MainPID"])).MainPID;
                  await c.must(["systemctl", "kill", "--signal=SIGKILL", exe]);
                  const down = await waitFor("/readyz to report the executor down", async () => {
                    const r = await readyz();
                    return r?.status === 503 ? r : null;
                  }, 20_000);
                  assert.match(down.body, /"status":"unavailable"/, down.body);
                  // The 503 came from the same front process, still running.
                  assert.equal((await show(c, front, ["MainPID"])).MainPID, frontPid);
                  // When systemd restarts the executor (RestartSec=5s) it restarts the front
                  // with it (Requires=); both serve again.
                  await waitFor(
                    "/readyz to be ready again",
                    async () => (await readyz())?.status === 200,
                    60_000,
                  );
                  assert.equal((await show(c, exe, ["NRestarts"])).NRestarts, "1");
                  assert.equal((await show(c, front, ["ActiveState"])).ActiveState, "active");
                  assert.equal((await get(true)).status, 200);
                },
              },
            );
            // The executor: a clean stop, which takes the front with it (Requires=).
            await c.must(["systemctl", "start", front]);
            await stopCleanly(c, exe);
            assert.equal((await show(c, front, ["ActiveState"])).ActiveState, "inactive");
          } finally {
            client.close();
            await c.exec(["systemctl", "stop", front, exe]);
          }
        },
      );

      await t.step(
        "bynar-detect.service runs passes, reloads on SIGHUP, stops cleanly",
        async () => {
          await c.must(["systemctl", "start", "bynar-disk-manager.service"]);
          try {
            await lifecycle(
              c,
              "bynar-detect.service",
              async () =>
                /bynar-detect: pass \S+: 0 failing/.test(await journal(c, "bynar-detect.service")),
              /SIGHUP|reload/i,
            );
          } finally {
            await c.exec([
              "systemctl",
              "stop",
              "bynar-disk-manager.service",
              "bynar-executor.service",
            ]);
          }
        },
      );

      await t.step(
        "a mount made in the executor unit (its ceph-volume path) reaches PID 1",
        async () => {
          await Deno.mkdir(`${root}/usr/local/lib/bynar-tier`, { recursive: true });
          await Deno.copyFile(probe, `${root}/usr/local/lib/bynar-tier/mount_probe.js`);
          await c.must(["mkdir", "-p", "/var/lib/ceph/osd/ceph-7", "/var/lib/ceph/osd/ceph-8"]);
          // Inside the real unit, under its whole sandbox: the packaged Deno runs the
          // executor's runner (the Ceph backend's), which sends `mount` through systemd-run.
          const exe = "bynar-executor.service";
          const dropIn = `${root}/etc/systemd/system/${exe}.d`;
          await Deno.mkdir(dropIn, { recursive: true });
          await Deno.writeTextFile(
            `${dropIn}/tier-mount.conf`,
            "[Service]\nExecStartPost=/usr/lib/bynar/deno run --no-config --no-lock --quiet " +
              "--allow-run=/usr/bin/systemd-run /usr/local/lib/bynar-tier/mount_probe.js " +
              "/var/lib/ceph/osd/ceph-7\n",
          );
          await c.must(["systemctl", "daemon-reload"]);
          try {
            await c.must(["systemctl", "start", exe]);
            const log = await journal(c, exe);
            assert.match(log, /mount_probe: mount via systemd-run exited 0/, log);
            assert.ok(
              (await pid1Mounts(c)).includes("/var/lib/ceph/osd/ceph-7"),
              `the OSD mount is not in PID 1's namespace:\n${log}`,
            );
            // The unit sees it as well (host mounts propagate into its slave namespace).
            const main = (await show(c, exe, ["MainPID"])).MainPID;
            const unitView =
              (await Deno.readTextFile(`/proc/${c.leader}/root/proc/${main}/mountinfo`))
                .split("\n").map((l) => l.split(" ")[4]);
            assert.ok(unitView.includes("/var/lib/ceph/osd/ceph-7"), "the unit must see the mount");
          } finally {
            await c.exec(["systemctl", "stop", exe]);
            await Deno.remove(dropIn, { recursive: true });
            await c.exec(["systemctl", "daemon-reload"]);
            await c.exec(["umount", "/var/lib/ceph/osd/ceph-7"]);
          }
          // Negative control: the old design (the unit's namespace options with
          // MountFlags=shared, mounting directly) hides the mount from PID 1.
          const old = await c.exec([
            "systemd-run",
            "--wait",
            "--quiet",
            "--collect",
            "--property=ProtectSystem=strict",
            "--property=ReadWritePaths=-/var/lib/ceph",
            "--property=PrivateTmp=yes",
            "--property=MountFlags=shared",
            "mount",
            "-t",
            "tmpfs",
            "bynar-tier-old",
            "/var/lib/ceph/osd/ceph-8",
          ]);
          assert.equal(old.code, 0, old.stderr);
          assert.ok(!(await pid1Mounts(c)).includes("/var/lib/ceph/osd/ceph-8"));
        },
      );

      await t.step("systemd-analyze security of the loaded units (front, executor)", async () => {
        // Measured by the container's systemd on the loaded units (drop-ins included), next
        // to the offline figures of tests/executor/units_security_test.ts.
        const scores: Record<string, number> = {};
        for (const u of ["bynar-disk-manager.service", "bynar-executor.service"]) {
          const r = await c.exec(["systemd-analyze", "security", "--no-pager", u]);
          const m = /Overall exposure level for \S+: (\d+\.\d)/.exec(r.stdout);
          assert.ok(m, r.stdout + r.stderr);
          scores[u] = Number(m[1]);
        }
        console.log(`systemd-analyze security (in the container): ${JSON.stringify(scores)}`);
        assert.ok(scores["bynar-disk-manager.service"]! <= 3.0, JSON.stringify(scores));
        assert.ok(scores["bynar-executor.service"]! <= 2.8, JSON.stringify(scores));
      });

      await t.step("dpkg -r stops the units and leaves no enablement link behind", async () => {
        // Enabled by an admin (bynar-check.timer is still enabled from the timer step).
        await c.must(["systemctl", "enable", "bynar-detect.service"]);
        await c.must(["systemctl", "start", "bynar-check.timer"]);
        const r = await c.exec(["dpkg", "-r", "bynar"], { timeoutMs: 120_000 });
        assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
        // Symbolic links only: the test's own drop-in directory is not the package's.
        const left = await c.exec(["find", "/etc/systemd/system", "-type", "l", "-name", "bynar*"]);
        assert.equal(left.stdout.trim(), "", `links left after remove:\n${left.stdout}`);
        const timer = await show(c, "bynar-check.timer", ["ActiveState", "LoadState"]);
        assert.equal(timer.ActiveState, "inactive");
        assert.equal(timer.LoadState, "not-found");
        // Configuration and state stay until purge.
        assert.ok(await Deno.stat(`${root}/etc/bynar/bynar.json`));
        assert.ok(await Deno.stat(`${root}/var/lib/bynar`));
      });
    } finally {
      await container?.stop();
      await mon?.stop();
      await Deno.remove(work, { recursive: true }).catch(() => {});
    }
  },
});
