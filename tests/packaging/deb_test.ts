/**
 * End-to-end tests of the Debian package: built once per test run (`deno task deb` code
 * path), inspected with dpkg-deb, unpacked with `dpkg -x` and installed with
 * `dpkg --root` into throw-away roots, run from the installed launcher, and checked to
 * keep the program inside its permission allow-list.
 *
 * Everything lives in fresh temp directories and in `/run/bynar/pkgtest-<random>` (a path
 * inside the allow-list, so configs there are readable); all of it is removed at the end.
 * No block device is touched.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildDeb, packageVersion, RUNTIME_FLAGS } from "../../packaging/build_deb.ts";
import { compileArgs } from "../../packaging/compile.ts";
import { permissionFlags } from "../../packaging/permissions.ts";
import { VERSION } from "../../src/version.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const cleanups: string[] = [];

globalThis.addEventListener("unload", () => {
  for (const dir of cleanups) {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch {
      // already gone
    }
  }
});

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(
  cmd: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {},
): Promise<Result> {
  const child = new Deno.Command(cmd, {
    args,
    env: { RUST_BACKTRACE: "0", NO_COLOR: "1", ...options.env },
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(120_000),
  }).spawn();
  if (options.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(options.stdin));
    await w.close();
  }
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

async function must(cmd: string, args: string[]): Promise<string> {
  const r = await run(cmd, args);
  assert.equal(r.code, 0, `${cmd} ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix });
  cleanups.push(dir);
  return dir;
}

interface Built {
  deb: string;
  /** The package unpacked with `dpkg -x`. */
  tree: string;
  /** The launcher inside the unpacked tree. */
  bynar: string;
}

let built: Promise<Built> | undefined;

/** Builds and unpacks the package once per test run. */
function packageOnce(): Promise<Built> {
  built ??= (async () => {
    const out = await tempDir("bynar-pkg-out-");
    const deb = await buildDeb({ root: ROOT, outDir: out });
    const tree = join(out, "tree");
    await must("dpkg", ["-x", deb, tree]);
    return { deb, tree, bynar: join(tree, "usr/bin/bynar") };
  })();
  return built;
}

/** A private directory inside the allow-list (/run/bynar is readable and writable). */
async function runDir(): Promise<string> {
  await Deno.mkdir("/run/bynar", { recursive: true, mode: 0o700 });
  const dir = `/run/bynar/pkgtest-${crypto.randomUUID().slice(0, 8)}`;
  await Deno.mkdir(dir, { mode: 0o700 });
  cleanups.push(dir);
  return dir;
}

Deno.test("deb: control file names the package, version and dependencies", async () => {
  const { deb } = await packageOnce();
  const version = await packageVersion(ROOT);
  assert.equal(version, VERSION, "deno.json version and src/version.ts differ");
  assert.ok(deb.endsWith(`/bynar_${version}_amd64.deb`), deb);
  const info = await must("dpkg-deb", ["-I", deb]);
  const field = (name: string): string =>
    info.match(new RegExp(`^ ${name}: (.*)$`, "m"))?.[1] ?? "";
  assert.equal(field("Package"), "bynar");
  assert.equal(field("Version"), version);
  assert.equal(field("Architecture"), "amd64");
  const depends = field("Depends").split(", ");
  for (const d of ["libatasmart4", "libblkid1", "smartmontools"]) assert.ok(depends.includes(d));
  for (const d of ["e2fsprogs", "mount", "procps"]) assert.ok(depends.includes(d), d);
  assert.deepEqual(field("Recommends").split(", "), ["librados2", "ceph-osd", "gdisk", "parted"]);
  assert.doesNotMatch(field("Maintainer"), /localhost/);
  assert.ok(Number(field("Installed-Size")) > 90_000, "Installed-Size in KiB");
  assert.match(info, /^ *\d+ bytes, +\d+ lines +\* +postinst +#!\/bin\/sh$/m);
  assert.match(info, /^ *\d+ bytes, +\d+ lines +\* +postrm +#!\/bin\/sh$/m);
  assert.match(info, /^ *\d+ bytes, +\d+ lines +\* +prerm +#!\/bin\/sh$/m);
});

Deno.test("deb: contents, owners and modes; secret-bearing configs are 0600 (B-38)", async () => {
  const { deb } = await packageOnce();
  const listing = await must("dpkg-deb", ["-c", deb]);
  const entries = new Map<string, { mode: string; owner: string }>();
  for (const line of listing.trim().split("\n")) {
    const [mode, owner, , , , path] = line.split(/\s+/);
    entries.set(path!.replace(/^\.\//, "/"), { mode: mode!, owner: owner! });
  }
  const expect: Record<string, string> = {
    "/usr/bin/bynar": "-rwxr-xr-x",
    "/usr/lib/bynar/deno": "-rwxr-xr-x",
    "/usr/lib/bynar/bynar.js": "-rw-r--r--",
    "/etc/bynar/bynar.json": "-rw-------",
    "/etc/bynar/disk-manager.json": "-rw-------",
    "/etc/bynar/ceph.json": "-rw-r--r--",
    "/etc/default/bynar": "-rw-r--r--",
    "/lib/systemd/system/bynar-detect.service": "-rw-r--r--",
    "/lib/systemd/system/bynar-disk-manager.service": "-rw-r--r--",
    "/lib/systemd/system/bynar-check.service": "-rw-r--r--",
    "/lib/systemd/system/bynar-check.timer": "-rw-r--r--",
    "/usr/share/doc/bynar/copyright": "-rw-r--r--",
    "/usr/share/doc/bynar/PERMISSIONS.md": "-rw-r--r--",
    "/usr/share/doc/bynar/examples/bynar-check.cron": "-rw-r--r--",
    "/usr/share/bynar/prometheus/bynar-alerts.yml": "-rw-r--r--",
    "/usr/share/bynar/grafana/bynar-fleet-dashboard.json": "-rw-r--r--",
  };
  for (const [path, mode] of Object.entries(expect)) {
    assert.equal(entries.get(path)?.mode, mode, path);
  }
  for (const [path, e] of entries) {
    assert.equal(e.owner, "root/root", path);
    if (!e.mode.startsWith("l")) assert.notEqual(e.mode[8], "w", `${path} is world-writable`);
  }
  // nothing else under /etc, no logrotate (logs go to journald), no log files
  assert.deepEqual(
    [...entries.keys()].filter((p) => p.startsWith("/etc/") && !p.endsWith("/")).sort(),
    [
      "/etc/bynar/bynar.json",
      "/etc/bynar/ceph.json",
      "/etc/bynar/disk-manager.json",
      "/etc/default/bynar",
    ],
  );
  // the runtime is the pinned Deno, byte for byte
  const { tree } = await packageOnce();
  const shipped = await Deno.stat(join(tree, "usr/lib/bynar/deno"));
  const pinned = await Deno.stat(
    await Deno.realPath(join(ROOT, "tools/deno/node_modules/.bin/deno")),
  );
  assert.equal(shipped.size, pinned.size);
});

Deno.test("deb: conffiles are the /etc files; maintainer scripts are valid sh", async () => {
  const { deb } = await packageOnce();
  const ctrl = await tempDir("bynar-pkg-ctrl-");
  await must("dpkg-deb", ["-e", deb, ctrl]);
  assert.equal(
    await Deno.readTextFile(join(ctrl, "conffiles")),
    "/etc/bynar/bynar.json\n/etc/bynar/disk-manager.json\n/etc/bynar/ceph.json\n/etc/default/bynar\n",
  );
  for (const script of ["postinst", "prerm", "postrm"]) {
    await must("sh", ["-n", join(ctrl, script)]);
    assert.equal((await Deno.stat(join(ctrl, script))).mode! & 0o777, 0o755, script);
  }
});

Deno.test("deb: shipped default configs are valid for the schema", async () => {
  const { tree } = await packageOnce();
  const { loadConfig } = await import("../../src/config/load.ts");
  const config = await loadConfig(join(tree, "etc/bynar"), { env: {} });
  assert.deepEqual(config.present, { bynar: true, diskManager: true, ceph: true });
  assert.equal(config.diskManager.listen_address, "127.0.0.1");
});

Deno.test("launcher: passes exactly the compiled binary's permission flags", async () => {
  const { tree } = await packageOnce();
  // A copy of the tree whose "deno" prints its arguments, one per line.
  const copy = await tempDir("bynar-pkg-argv-");
  await must("cp", ["-a", join(tree, "usr"), join(copy, "usr")]);
  await Deno.writeTextFile(
    join(copy, "usr/lib/bynar/deno"),
    '#!/bin/sh\nfor a in "$@"; do printf \'%s\\n\' "$a"; done\n',
  );
  const lib = join(copy, "usr/lib/bynar");
  const shippedDefaults = join(tree, "etc/default/bynar");
  const argv = async (env: Record<string, string>, via = join(copy, "usr/bin/bynar")) => {
    const r = await run(via, ["--check", "--format", "json"], { env });
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.trimEnd().split("\n");
  };
  const expected = [
    ...RUNTIME_FLAGS,
    ...permissionFlags(),
    `${lib}/bynar.js`,
    "--check",
    "--format",
    "json",
  ];
  assert.deepEqual(await argv({ BYNAR_DEFAULTS: shippedDefaults }), expected);
  assert.deepEqual(await argv({ BYNAR_DEFAULTS: "/nonexistent" }), expected);
  // identical to what `deno task compile` bakes into dist/bynar
  const compiled = compileArgs().filter((a) => a.startsWith("--allow-"));
  assert.deepEqual(
    (await argv({ BYNAR_DEFAULTS: shippedDefaults })).filter((a) => a.startsWith("--allow-")),
    compiled,
  );
  // found through a symlink too (readlink -f)
  const link = join(copy, "bynar-link");
  await Deno.symlink(join(copy, "usr/bin/bynar"), link);
  assert.deepEqual(await argv({ BYNAR_DEFAULTS: shippedDefaults }, link), expected);
  // /etc/default/bynar extends only the net, write and run lists
  const defaults = join(copy, "defaults");
  await Deno.writeTextFile(
    defaults,
    "BYNAR_ALLOW_NET=jira.example.com:443,vault.example.com:8200\nBYNAR_ALLOW_WRITE=/srv/prom\n" +
      "BYNAR_ALLOW_RUN=/usr/local/bin/open-ticket\n",
  );
  const extended = await argv({ BYNAR_DEFAULTS: defaults });
  assert.deepEqual(
    extended,
    expected.map((a) =>
      a.startsWith("--allow-net=")
        ? `${a},jira.example.com:443,vault.example.com:8200`
        : a.startsWith("--allow-write=")
        ? `${a},/srv/prom`
        : a.startsWith("--allow-run=")
        ? `${a},/usr/local/bin/open-ticket`
        : a
    ),
  );
});

Deno.test("installed: bynar --version and bynar version", async () => {
  const { bynar } = await packageOnce();
  const v = await run(bynar, ["--version"]);
  assert.equal(v.code, 0, v.stderr);
  assert.equal(v.stdout.trim(), VERSION);
  const long = await run(bynar, ["version", "--format", "json"]);
  assert.equal(long.code, 0, long.stderr);
  assert.deepEqual(JSON.parse(long.stdout).bynar, VERSION);
  assert.equal(JSON.parse(long.stdout).deno, "2.9.6");
});

Deno.test("installed: bynar --check runs on this host inside the sandbox", async () => {
  const { bynar } = await packageOnce();
  const dir = await runDir();
  const r = await run(bynar, ["--check", "--db", join(dir, "bynar.db")]);
  assert.match(r.stdout, /^BYNAR (OK|WARNING|CRITICAL)\b/, `${r.stdout}\n${r.stderr}`);
  assert.ok([0, 1, 2].includes(r.code), `exit ${r.code}: ${r.stdout}${r.stderr}`);
  assert.doesNotMatch(r.stdout + r.stderr, /Requires .* access/);
  assert.ok((await Deno.stat(join(dir, "bynar.db"))).isFile, "history database written");
});

Deno.test("installed: bynar --check ignores a broken disk-manager.json (per-command configuration)", async () => {
  const { bynar } = await packageOnce();
  const dir = await runDir();
  await Deno.writeTextFile(join(dir, "disk-manager.json"), "{ not json");
  const r = await run(bynar, ["--config-dir", dir, "--check", "--no-db"]);
  assert.match(r.stdout, /^BYNAR (OK|WARNING|CRITICAL)\b/, `${r.stdout}\n${r.stderr}`);
  assert.ok([0, 1, 2].includes(r.code), `exit ${r.code}: ${r.stdout}${r.stderr}`);
  // The file still stops the program that needs it.
  const dm = await run(bynar, ["disk-manager", "--config-dir", dir]);
  assert.equal(dm.code, 64, dm.stdout + dm.stderr);
  assert.match(dm.stderr, /disk-manager\.json/);
});

Deno.test("installed: bynar detect starts under the launcher's scoped --allow-env", async () => {
  const { bynar } = await packageOnce();
  const dir = await runDir();
  // No token source: the detector must get past its environment read and stop at the
  // missing token (before any pass touches a disk).
  await Deno.writeTextFile(
    join(dir, "bynar.json"),
    JSON.stringify({ ticket_backend: "command", ticket_command: ["/usr/bin/true"] }),
  );
  // The ticket command is granted the way an operator grants it (start-up validation
  // refuses a configured program the launcher may not run).
  const defaults = join(dir, "default-bynar");
  await Deno.writeTextFile(defaults, "BYNAR_ALLOW_RUN=/usr/bin/true\n");
  const r = await run(
    bynar,
    ["detect", "--once", "--config-dir", dir, "--db", join(dir, "b.db")],
    { env: { BYNAR_DEFAULTS: defaults } },
  );
  // A missing token source is a configuration error: exit 64 (EX_USAGE), which the unit's
  // RestartPreventExitStatus keeps systemd from restarting in a loop.
  assert.equal(r.code, 64, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, /Requires .* access/);
  assert.match(r.stderr, /Cannot reach the disk-manager: set .*manager_token_file/);
});

Deno.test("sandbox: reads outside the allow-list are refused", async () => {
  const { bynar } = await packageOnce();
  // a config directory outside the list
  const root = await run(bynar, ["--config-dir", "/root", "--check", "--no-db"]);
  assert.equal(root.code, 3, root.stdout + root.stderr);
  assert.match(root.stdout + root.stderr, /Requires read access to "\/root\/bynar\.json"/);
  // a config inside the list naming a secret file outside it
  const dir = await runDir();
  await Deno.writeTextFile(
    join(dir, "bynar.json"),
    JSON.stringify({ jira_password_file: "/etc/shadow" }),
  );
  const shadow = await run(bynar, ["--config-dir", dir, "--check", "--no-db"]);
  assert.equal(shadow.code, 3, shadow.stdout + shadow.stderr);
  assert.match(shadow.stdout + shadow.stderr, /Requires read access to "\/etc\/shadow"/);
  assert.doesNotMatch(shadow.stdout + shadow.stderr, /root:/, "shadow content leaked");
});

Deno.test("sandbox: writes outside the allow-list are refused", async () => {
  const { bynar } = await packageOnce();
  const target = `/root/bynar-pkgtest-${crypto.randomUUID().slice(0, 8)}.db`;
  try {
    const r = await run(bynar, ["--check", "--db", target]);
    assert.match(r.stdout + r.stderr, /Requires (read|write) access to "\/root/);
    assert.equal(r.code, 3);
    await assert.rejects(Deno.stat(target), Deno.errors.NotFound);
  } finally {
    await Deno.remove(target).catch(() => {});
  }
});

Deno.test("sandbox: only the listed programs run (a smartctl elsewhere on PATH is refused)", async () => {
  const { tree, bynar } = await packageOnce();
  const dir = await runDir();
  const image = join(dir, "not-a-disk.img");
  await Deno.writeFile(image, new Uint8Array(4096));
  // the listed /usr/sbin/smartctl runs
  const allowed = await run(bynar, ["smart", image]);
  assert.match(allowed.stdout, /smartctl: /, allowed.stdout + allowed.stderr);
  assert.doesNotMatch(allowed.stdout + allowed.stderr, /Requires run access/);
  // the same launcher with a PATH where "smartctl" is another program
  const spoofDir = await tempDir("bynar-pkg-spoof-");
  await Deno.writeTextFile(join(spoofDir, "smartctl"), "#!/bin/sh\necho SPOOFED\n");
  await Deno.chmod(join(spoofDir, "smartctl"), 0o755);
  const launcher = await Deno.readTextFile(bynar);
  assert.match(launcher, /^PATH=\/usr\/sbin:\/usr\/bin:\/sbin:\/bin$/m);
  const spoofed = join(tree, "usr/bin/bynar-spoofed-path");
  await Deno.writeTextFile(
    spoofed,
    launcher.replace(/^PATH=.*$/m, `PATH=${spoofDir}:/usr/sbin:/usr/bin:/sbin:/bin`),
    { mode: 0o755 },
  );
  const refused = await run(spoofed, ["smart", image]);
  assert.match(refused.stdout + refused.stderr, /Requires run access to "smartctl"/);
  assert.doesNotMatch(refused.stdout + refused.stderr, /SPOOFED/);
});

Deno.test("dpkg --root: install, B-38 fix on upgrade, remove keeps configs, purge removes", async () => {
  const { deb } = await packageOnce();
  const root = await tempDir("bynar-pkg-root-");
  await Deno.mkdir(join(root, "var/lib/dpkg/info"), { recursive: true });
  await Deno.mkdir(join(root, "var/lib/dpkg/updates"), { recursive: true });
  await Deno.writeTextFile(join(root, "var/lib/dpkg/status"), "");
  await Deno.writeTextFile(join(root, "var/lib/dpkg/available"), "");
  const dpkg = (...args: string[]) =>
    run("dpkg", [
      `--root=${root}`,
      "--force-script-chrootless",
      "--force-depends",
      "--log=/dev/null",
      ...args,
    ]);
  const mode = async (p: string) => (await Deno.stat(join(root, p))).mode! & 0o777;
  const exists = async (p: string) => {
    try {
      await Deno.lstat(join(root, p));
      return true;
    } catch {
      return false;
    }
  };

  let r = await dpkg("-i", deb);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(await mode("etc/bynar/bynar.json"), 0o600);
  assert.equal(await mode("etc/bynar/disk-manager.json"), 0o600);
  assert.equal(await mode("var/lib/bynar"), 0o700);
  assert.equal(await mode("var/cache/bynar"), 0o700);
  const v = await run(join(root, "usr/bin/bynar"), ["--version"]);
  assert.equal(v.stdout.trim(), VERSION, v.stderr);

  // an admin (or the original package) left a secret-bearing config world-writable
  await Deno.chmod(join(root, "etc/bynar/bynar.json"), 0o666);
  await Deno.writeTextFile(join(root, "etc/bynar/disk-manager.json"), '{"port": 5556}\n');
  await Deno.chmod(join(root, "etc/bynar/disk-manager.json"), 0o644);
  r = await dpkg("--force-confold", "-i", deb);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(await mode("etc/bynar/bynar.json"), 0o600);
  assert.equal(await mode("etc/bynar/disk-manager.json"), 0o600);
  assert.equal(
    await Deno.readTextFile(join(root, "etc/bynar/disk-manager.json")),
    '{"port": 5556}\n',
  );
  assert.match(r.stderr, /set .*disk-manager\.json to mode 0600/);

  await Deno.writeTextFile(join(root, "var/lib/bynar/bynar.db"), "state");
  // An admin enabled the timer and the detector (systemctl enable makes these links).
  const links: [string, string][] = [
    ["etc/systemd/system/timers.target.wants/bynar-check.timer", "bynar-check.timer"],
    ["etc/systemd/system/multi-user.target.wants/bynar-detect.service", "bynar-detect.service"],
  ];
  for (const [link, unit] of links) {
    await Deno.mkdir(join(root, link, ".."), { recursive: true });
    await Deno.symlink(`/lib/systemd/system/${unit}`, join(root, link));
  }
  r = await dpkg("-r", "bynar");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(await exists("usr/bin/bynar"), false);
  assert.equal(await exists("usr/lib/bynar/deno"), false);
  assert.equal(await exists("lib/systemd/system/bynar-detect.service"), false);
  for (const kept of ["etc/bynar/bynar.json", "etc/bynar/ceph.json", "etc/default/bynar"]) {
    assert.equal(await exists(kept), true, `${kept} kept on remove`);
  }
  assert.equal(await exists("var/lib/bynar/bynar.db"), true, "state kept on remove");
  for (const [link] of links) {
    assert.equal(await exists(link), false, `${link}: no enablement link dangles after remove`);
  }

  r = await dpkg("-P", "bynar");
  assert.equal(r.code, 0, r.stderr);
  for (const gone of ["etc/bynar", "etc/default/bynar", "var/lib/bynar", "var/cache/bynar"]) {
    assert.equal(await exists(gone), false, `${gone} removed on purge`);
  }
});

Deno.test("systemd units pass systemd-analyze verify and are hardened", async () => {
  const { tree } = await packageOnce();
  const units = [
    "bynar-check.service",
    "bynar-check.timer",
    "bynar-detect.service",
    "bynar-disk-manager.service",
    "bynar-executor.service",
  ];
  // A root holding the system's own units (dependencies such as sysinit.target) and ours.
  const root = await tempDir("bynar-pkg-units-");
  await Deno.mkdir(join(root, "usr/lib/systemd"), { recursive: true });
  await must("cp", ["-a", "/usr/lib/systemd/system", join(root, "usr/lib/systemd/")]);
  await must("cp", ["-a", join(tree, "lib"), join(tree, "usr"), root + "/"]);
  // ExecReload's /bin/kill comes from procps, one of the package's Depends.
  await Deno.mkdir(join(root, "bin"));
  await Deno.copyFile("/bin/kill", join(root, "bin/kill"));
  await Deno.chmod(join(root, "bin/kill"), 0o755);
  const r = await run("systemd-analyze", ["verify", `--root=${root}`, ...units]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr.trim(), "", "no warnings (unknown keys are only warnings)");

  const text = (u: string) => Deno.readTextFile(join(tree, "lib/systemd/system", u));
  for (const u of units.filter((u) => u.endsWith(".service"))) {
    const t = await text(u);
    for (const line of ["PrivateTmp=yes", "NoNewPrivileges=yes", "DevicePolicy=closed"]) {
      assert.match(t, new RegExp(`^${line}$`, "m"), `${u}: ${line}`);
    }
    const caps = t.match(/^CapabilityBoundingSet=(.*)$/m)?.[1]?.split(" ").filter(Boolean) ?? [];
    if (u === "bynar-disk-manager.service") {
      // the front of the privilege split: no capability, no device, not root
      assert.deepEqual(caps, [], `${u}: ${caps}`);
      assert.match(t, /^User=bynar$/m);
      assert.match(t, /^PrivateDevices=yes$/m);
      assert.match(t, /^RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6$/m);
      assert.match(
        t,
        /^ExecStart=\/usr\/lib\/bynar\/bynar-front disk-manager .*--executor-socket /m,
      );
      continue;
    }
    assert.ok(caps.length > 0 && caps.length <= 7, `${u}: ${caps}`);
    assert.ok(caps.includes("CAP_SYS_RAWIO") && caps.includes("CAP_SYS_ADMIN"), u);
    assert.ok(!caps.includes("CAP_NET_ADMIN") && !caps.includes("CAP_SYS_PTRACE"), u);
    assert.match(t, /^ExecStart=\/usr\/(bin\/bynar|lib\/bynar\/bynar-executor) /m);
  }
  // The disk-manager sees a read-only system: ceph-volume/LVM run in transient units of the
  // host namespace (systemd-run), so it needs no writable Ceph paths and no MountFlags=
  // (which could not make its own mounts reach the host anyway; the systemd tier proves it).
  const dm = await text("bynar-disk-manager.service");
  assert.match(dm, /^ProtectSystem=strict$/m);
  assert.doesNotMatch(dm, /^(ReadWritePaths|MountFlags)=/m);
  for (const u of units.filter((u) => u.endsWith(".service"))) {
    const t = await text(u);
    for (
      const line of [
        "ProtectKernelLogs=yes",
        "ProtectProc=invisible",
        "UMask=0077",
        "SystemCallArchitectures=native",
      ]
    ) {
      assert.match(t, new RegExp(`^${line}$`, "m"), `${u}: ${line}`);
    }
    assert.match(t, /^SystemCallFilter=@system-service( @mount)?$/m, u);
    assert.match(t, /^MemoryMax=\S+$/m, u);
    assert.match(t, /^TasksMax=\d+$/m, u);
  }
  // Only the detector mounts (its probes) in its own namespace.
  assert.match(await text("bynar-detect.service"), /^SystemCallFilter=@system-service @mount$/m);
  // The scan writes only its database and textfile, and judges "read-only" by the
  // superblock flag, which ProtectSystem does not change: it runs under ProtectSystem=strict.
  const check = await text("bynar-check.service");
  assert.match(check, /^ProtectSystem=strict$/m);
  assert.match(check, /^ReadWritePaths=.*\/var\/lib\/prometheus\/node-exporter/m);
  // The detector write-tests the host's real data mounts: a read-only view of the file
  // system would make every write test fail, so it has no ProtectSystem.
  assert.doesNotMatch(
    await text("bynar-detect.service"),
    /^(ProtectSystem|ProtectHome|ReadOnlyPaths)=/m,
  );
  for (const u of ["bynar-detect.service", "bynar-disk-manager.service"]) {
    assert.match(await text(u), /^Restart=on-failure$/m, u);
    assert.match(await text(u), /^Type=simple$/m, u);
  }
  assert.match(await text("bynar-check.service"), /^SuccessExitStatus=1 2$/m);
  assert.match(
    await text("bynar-check.service"),
    /^ExecStart=\/usr\/bin\/bynar --check .*--textfile \/var\/lib\/prometheus\/node-exporter$/m,
  );
  for (const u of ["bynar-detect.service", "bynar-disk-manager.service"]) {
    assert.match(await text(u), /^ExecReload=\/bin\/kill -HUP \$MAINPID$/m, u);
  }
  assert.match(await text("bynar-check.timer"), /^WantedBy=timers.target$/m);
});

Deno.test("systemd units start subcommands the packaged program has", async () => {
  const { bynar, tree } = await packageOnce();
  const help = await run(bynar, ["--help"]);
  assert.equal(help.code, 0, help.stderr);
  for (
    const u of ["bynar-detect.service", "bynar-disk-manager.service", "bynar-executor.service"]
  ) {
    const t = await Deno.readTextFile(join(tree, "lib/systemd/system", u));
    const sub = t.match(/^ExecStart=\/usr\/(?:bin\/bynar|lib\/bynar\/bynar-\w+) (\S+)/m)?.[1] ?? "";
    assert.ok(sub, `${u}: no subcommand in ExecStart`);
    assert.match(help.stdout, new RegExp(`^  ${sub}\\b`, "m"), `${u}: "bynar ${sub}" is missing`);
  }
});

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

Deno.test("installed: bynar disk-manager serves on loopback and bynar client lists the disks", async () => {
  const { bynar } = await packageOnce();
  const { withCluster } = await import("../ceph/cluster.ts");
  const { makeTestPki } = await import("../api/pki.ts");
  const dir = await runDir();
  const pki = await makeTestPki(dir);
  const keygen = await run(bynar, [
    "token",
    "keygen",
    "--out-key",
    join(dir, "key.jwk"),
    "--out-jwks",
    join(dir, "jwks.json"),
  ]);
  assert.equal(keygen.code, 0, keygen.stderr);
  const port = freePort();
  const metricsPort = freePort();
  await Deno.writeTextFile(
    join(dir, "disk-manager.json"),
    JSON.stringify({
      listen_address: "127.0.0.1",
      port,
      metrics_port: metricsPort,
      tls_cert: pki.certPath,
      tls_key: pki.keyPath,
      jwks_file: join(dir, "jwks.json"),
      jwt_issuer: "bynar-pkgtest",
      audit_log: join(dir, "audit.log"),
    }),
  );
  await Deno.writeTextFile(
    join(dir, "bynar.json"),
    JSON.stringify({ database_path: join(dir, "bynar.db") }),
  );
  await withCluster(async (cluster) => {
    // librados reads the conf and keyring from native code: outside Deno's read list.
    await Deno.writeTextFile(
      join(dir, "ceph.json"),
      JSON.stringify({
        config_file: cluster.confPath,
        keyring: cluster.keyring,
        client_mount_timeout: 10,
        daemon_control: "process",
        osd_create_mode: "raw",
      }),
    );
    const child = new Deno.Command(bynar, {
      args: ["disk-manager", "--config-dir", dir],
      env: { RUST_BACKTRACE: "0", NO_COLOR: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    let log = "";
    let stopped: number | undefined;
    const drain = (async () => {
      for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) log += chunk;
    })();
    const stdoutDrain = child.stdout.pipeTo(new WritableStream());
    try {
      const deadline = Date.now() + 60_000;
      while (!log.includes("disk-manager: serving") && Date.now() < deadline) {
        const status = await Promise.race([
          child.status,
          new Promise<null>((r) => setTimeout(() => r(null), 200)),
        ]);
        if (status) break;
      }
      assert.match(log, /disk-manager: serving https:\/\/127\.0\.0\.1:\d+\/v1/, log);
      const health = await fetch(`http://127.0.0.1:${metricsPort}/healthz`);
      assert.equal(health.status, 200, await health.text());

      const issued = await run(bynar, [
        "token",
        "issue",
        "--key",
        join(dir, "key.jwk"),
        "--sub",
        "pkgtest",
        "--scope",
        "disks:read",
        "--config-dir",
        dir,
      ]);
      assert.equal(issued.code, 0, issued.stderr);
      await Deno.writeTextFile(join(dir, "token"), issued.stdout.trim());
      const list = await run(bynar, [
        "client",
        "--host",
        "localhost",
        "-p",
        String(port),
        "--ca",
        pki.caPath,
        "--token-file",
        join(dir, "token"),
        "--config-dir",
        dir,
        "list",
      ]);
      assert.equal(list.code, 0, `${list.stdout}${list.stderr}\n--- disk-manager log ---\n${log}`);
      assert.match(list.stdout, /^DEVICE\s+TYPE\s+IDENTITY/);
    } finally {
      try {
        child.kill("SIGTERM");
      } catch {
        // already exited
      }
      const status = await child.status;
      await drain;
      await stdoutDrain;
      stopped = status.code;
    }
    assert.equal(stopped, 0, `disk-manager did not stop cleanly on SIGTERM:\n${log}`);
  });
});

Deno.test("lintian: no error or warning beyond the overrides the package justifies", async () => {
  const { deb } = await packageOnce();
  const r = await run("lintian", ["--tag-display-limit", "0", "--fail-on", "none", deb]);
  assert.equal(r.code, 0, r.stderr);
  const findings = r.stdout.split("\n").filter((l) => /^[EW]: /.test(l));
  assert.deepEqual(findings, [], r.stdout);
  // Every override carries its reason (a comment right above it).
  const overrides = await Deno.readTextFile(
    join((await packageOnce()).tree, "usr/share/lintian/overrides/bynar"),
  );
  const lines = overrides.trim().split("\n");
  for (const [i, line] of lines.entries()) {
    if (line.startsWith("#")) continue;
    assert.ok(lines.slice(0, i).some((l) => l.startsWith("#")), `no reason above "${line}"`);
  }
});

Deno.test("deb: DEP-5 copyright names every bundled license; changelog; man page from --help", async () => {
  const { tree, bynar } = await packageOnce();
  const doc = join(tree, "usr/share/doc/bynar");
  const copyright = await Deno.readTextFile(join(doc, "copyright"));
  assert.match(
    copyright,
    /^Format: https:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\/1\.0\/$/m,
  );
  for (
    const [pkg, license] of [
      ["commander", "MIT"],
      ["@commander-js/extra-typings", "MIT"],
      ["zod", "MIT"],
      ["hono", "MIT"],
      ["jose", "MIT"],
      ["protobufjs", "BSD-3-Clause"],
      ["long", "Apache-2.0"],
    ]
  ) {
    assert.match(
      copyright,
      new RegExp(`npm package ${pkg} [0-9.]+, bundled into bynar\\.js \\(${license}\\)`),
      pkg,
    );
  }
  assert.match(
    copyright,
    /^Files: usr\/lib\/bynar\/deno\nCopyright: .*the Deno authors\nLicense: MIT$/m,
  );
  for (const name of ["MIT", "BSD-3-Clause", "Apache-2.0"]) {
    assert.match(copyright, new RegExp(`^License: ${name}\\n `, "m"), `standalone ${name} text`);
  }
  assert.match(copyright, /Redistributions of source code must retain/); // protobufjs' BSD text
  const changelog = await must("zcat", [join(doc, "changelog.gz")]);
  assert.match(changelog, new RegExp(`^bynar \\(${VERSION}\\) unstable; urgency=medium$`, "m"));
  const man = await must("zcat", [join(tree, "usr/share/man/man1/bynar.1.gz")]);
  assert.match(man, /^\.TH BYNAR 1 /m);
  // One source of truth: every command the program lists has its --help in the page.
  const help = await run(bynar, ["--help"]);
  const commands: string[] = [];
  for (const line of help.stdout.split(/^Commands:\n/m)[1]!.split("\n")) {
    if (!line.startsWith("  ")) break; // the end of the Commands section
    const name = line.match(/^ {2}([a-z][a-z0-9-]*)/)?.[1];
    if (name && name !== "help") commands.push(name);
  }
  assert.ok(commands.length >= 8, help.stdout);
  for (const c of commands) assert.match(man, new RegExp(`^\\.SS "bynar ${c}"$`, "m"), c);
  const rendered = await run("man", [
    "--warnings",
    "-l",
    join(tree, "usr/share/man/man1/bynar.1.gz"),
  ], {
    env: { MANWIDTH: "80" },
  });
  assert.equal(rendered.code, 0, rendered.stderr);
  assert.equal(rendered.stderr.trim(), "", "groff warnings");
});

Deno.test("deb: maintainer scripts use deb-systemd-helper/invoke, systemctl only for daemon-reload", async () => {
  const { tree } = await packageOnce();
  for (const script of ["postinst", "prerm", "postrm"]) {
    const text = await Deno.readTextFile(join(ROOT, "packaging/debian", script));
    for (
      const line of text.split("\n").filter((l) => /\bsystemctl\b/.test(l) && !/^\s*#/.test(l))
    ) {
      assert.match(line, /systemctl --system daemon-reload/, `${script}: ${line}`);
    }
  }
  const postrm = await Deno.readTextFile(join(ROOT, "packaging/debian/postrm"));
  assert.match(postrm, /deb-systemd-helper disable/);
  assert.match(postrm, /deb-systemd-helper purge/);
  assert.ok(await Deno.stat(join(tree, "usr/lib/tmpfiles.d/bynar.conf")));
});

Deno.test("installed: detect refuses a configuration the permission list does not cover", async () => {
  const { bynar } = await packageOnce();
  const dir = await runDir();
  await Deno.writeTextFile(
    join(dir, "bynar.json"),
    JSON.stringify({
      database_path: join(dir, "bynar.db"),
      jira_host: "https://jira.example.com",
      jira_user: "u",
      jira_password: "p",
      jira_project_id: "P",
      jira_issue_type: "Task",
      jira_priority: "Major",
      jira_ticket_assignee: "a",
    }),
  );
  const defaults = join(dir, "defaults");
  await Deno.writeTextFile(defaults, "BYNAR_ALLOW_NET=\n");
  const refused = await run(bynar, ["detect", "--once", "--config-dir", dir], {
    env: { BYNAR_DEFAULTS: defaults },
  });
  assert.equal(refused.code, 64, refused.stderr);
  assert.match(
    refused.stderr,
    /bynar\.json jira_host: network access to jira\.example\.com:443 is not allowed; add jira\.example\.com:443 to BYNAR_ALLOW_NET in \/etc\/default\/bynar/,
  );
  // With the host in BYNAR_ALLOW_NET the check passes; the detector then stops at the next
  // missing piece of this test configuration (no disk-manager token), before any pass.
  await Deno.writeTextFile(defaults, "BYNAR_ALLOW_NET=jira.example.com:443\n");
  const allowed = await run(bynar, ["detect", "--once", "--config-dir", dir], {
    env: { BYNAR_DEFAULTS: defaults },
  });
  assert.doesNotMatch(allowed.stderr, /jira_host/, allowed.stderr);
  assert.match(allowed.stderr, /Cannot reach the disk-manager/, allowed.stderr);
});

Deno.test("installed: bynar audit verify defaults to the audit_log disk-manager.json names", async () => {
  const { bynar } = await packageOnce();
  const dir = await runDir();
  const log = join(dir, "audit.jsonl");
  await Deno.writeTextFile(join(dir, "disk-manager.json"), JSON.stringify({ audit_log: log }));
  await Deno.writeTextFile(log, "");
  const r = await run(bynar, ["audit", "verify", "--config-dir", dir]);
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /^OK: 0 records/);
  await Deno.remove(log);
  const missing = await run(bynar, ["audit", "verify", "--config-dir", dir]);
  assert.equal(missing.code, 3);
  assert.ok(missing.stderr.includes(log), missing.stderr);
});
