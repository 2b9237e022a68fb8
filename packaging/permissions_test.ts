import assert from "node:assert/strict";
import {
  DEFAULT_TEXTFILE_DIRECTORY,
  ENV_VARS,
  KERNEL_PSEUDO_FS,
  permissionFlags,
  permissionGrants,
  permissionTable,
  RUN_PROGRAMS,
} from "./permissions.ts";

function flag(flags: string[], kind: string): string[] {
  const found = flags.find((f) => f === `--allow-${kind}` || f.startsWith(`--allow-${kind}=`));
  assert.ok(found, `missing --allow-${kind}`);
  const eq = found.indexOf("=");
  return eq < 0 ? [] : found.slice(eq + 1).split(",");
}

Deno.test("permissionFlags: one flag per kind, never --allow-all or an unscoped grant besides ffi", () => {
  const flags = permissionFlags();
  assert.deepEqual(flags.map((f) => f.split("=")[0]), [
    "--allow-read",
    "--allow-write",
    "--allow-run",
    "--allow-net",
    "--allow-env",
    "--allow-sys",
    "--allow-ffi",
  ]);
  for (const f of flags) {
    if (f !== "--allow-ffi") assert.match(f, /^--allow-[a-z]+=[^,]+(,[^,]+)*$/, f);
  }
  assert.equal(flags.at(-1), "--allow-ffi");
});

Deno.test("permissionFlags: reads and writes are exactly the documented lists", () => {
  const flags = permissionFlags();
  assert.deepEqual(flag(flags, "read"), [
    "/run/udev",
    "/run/bynar",
    "/etc/bynar",
    "/var/lib/bynar",
    "/var/lib/ceph",
    "/etc/fstab",
    "/etc/hosts",
    DEFAULT_TEXTFILE_DIRECTORY,
  ]);
  assert.deepEqual(flag(flags, "write"), [
    "/var/lib/bynar",
    "/run/bynar",
    DEFAULT_TEXTFILE_DIRECTORY,
    "/etc/bynar/keys", // bynar token keygen; not the configs next to it
  ]);
  // never the whole of /etc, /root, /home, /tmp or /; never the kernel pseudo-filesystems,
  // which Deno only opens under --allow-all whatever --allow-read says
  for (const p of [...flag(flags, "read"), ...flag(flags, "write")]) {
    assert.ok(!["/", "/etc", "/root", "/home", "/tmp", "/run", "/var"].includes(p), p);
    assert.ok(!KERNEL_PSEUDO_FS.some((k) => p === k || p.startsWith(`${k}/`)), p);
  }
});

Deno.test("permissionFlags: run list is absolute paths of the programs Bynar spawns", () => {
  const run = flag(permissionFlags(), "run");
  assert.deepEqual(run, RUN_PROGRAMS.map((p) => p.value));
  for (const p of run) assert.match(p, /^\/usr\/s?bin\/[a-z0-9._-]+$/);
  for (const p of ["smartctl", "e2fsck", "xfs_repair", "mount", "umount", "ceph-volume"]) {
    assert.ok(run.some((r) => r.endsWith(`/${p}`)), p);
  }
  // test-only and interpreter programs are not granted
  for (const p of ["losetup", "sh", "bash", "python3", "skdump"]) {
    assert.ok(!run.some((r) => r.endsWith(`/${p}`)), p);
  }
});

Deno.test("permissionFlags: network is loopback plus the given hosts, de-duplicated", () => {
  assert.deepEqual(flag(permissionFlags(), "net"), ["127.0.0.1", "localhost", "[::1]"]);
  assert.deepEqual(
    flag(permissionFlags({ netHosts: ["jira.example.com:443", "localhost", "vault:8200"] }), "net"),
    ["127.0.0.1", "localhost", "[::1]", "jira.example.com:443", "vault:8200"],
  );
});

Deno.test("permissionFlags: env, sys and textfile directory options", () => {
  const flags = permissionFlags({ textfileDirectory: "/srv/textfile" });
  assert.deepEqual(flag(flags, "env"), ENV_VARS.map((e) => e.value));
  assert.deepEqual(flag(flags, "sys"), ["hostname", "osRelease", "networkInterfaces", "uid"]);
  assert.ok(flag(flags, "write").includes("/srv/textfile"));
  assert.ok(!flag(flags, "write").includes(DEFAULT_TEXTFILE_DIRECTORY));
});

Deno.test("permissionFlags: rejects an entry with a comma", () => {
  assert.throws(() => permissionFlags({ netHosts: ["a.example,b.example"] }), RangeError);
});

Deno.test("permissionGrants: every entry and the unscoped ffi grant carry a reason", () => {
  for (const grant of permissionGrants()) {
    if (grant.entries.length === 0) assert.ok((grant.unscopedReason ?? "").length > 20);
    for (const entry of grant.entries) assert.ok(entry.reason.length > 5, entry.value);
  }
  const table = permissionTable();
  assert.match(table, /\| `--allow-ffi` \| \(unscoped\) \| pointer access/);
  assert.match(table, /\| `--allow-run` \| `\/usr\/sbin\/smartctl` \|/);
});

Deno.test("permissionFlags: configured programs are appended to the run list once", () => {
  const run = flag(
    permissionFlags({ programs: ["/usr/local/bin/open-ticket", "/usr/sbin/smartctl"] }),
    "run",
  );
  assert.deepEqual(run, [...RUN_PROGRAMS.map((p) => p.value), "/usr/local/bin/open-ticket"]);
});

Deno.test("permissionFlags: the front has no FFI, no program, no device path; the executor no listener", async () => {
  const { DEFAULT_EXECUTOR_SOCKET } = await import("../src/executor/defaults.ts");
  const front = permissionFlags({ process: "front" });
  assert.ok(!front.some((f) => /^--allow-(ffi|run|all)\b/.test(f)), front.join(" "));
  for (const f of front) assert.doesNotMatch(f, /\/dev|\/sys|\/proc|\/run\/udev|\/var\/lib\/ceph/);
  assert.deepEqual(flag(front, "net"), [
    "127.0.0.1",
    "localhost",
    "[::1]",
    `unix:${DEFAULT_EXECUTOR_SOCKET}`,
  ]);
  const executor = permissionFlags({ process: "executor" });
  assert.deepEqual(flag(executor, "net"), [`unix:${DEFAULT_EXECUTOR_SOCKET}`]);
  const run = flag(executor, "run");
  for (const p of ["smartctl", "mount", "e2fsck", "xfs_repair", "mkfs.ext4", "mkfs.xfs"]) {
    assert.ok(!run.some((r) => r.endsWith(`/${p}`)), p);
  }
  assert.ok(flag(executor, "env").every((e) => !e.startsWith("BYNAR_")), "no secrets");
  assert.ok(executor.includes("--allow-ffi"));
});
