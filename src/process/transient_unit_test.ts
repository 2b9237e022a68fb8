import assert from "node:assert/strict";
import { hostNamespaceRunner, transientUnitArgs } from "./transient_unit.ts";
import type { CommandResult, CommandRunner, RunOptions } from "./run.ts";

function recorder(): { runner: CommandRunner; calls: [string, string[], RunOptions][] } {
  const calls: [string, string[], RunOptions][] = [];
  const ok: CommandResult = { code: 0, signal: null, stdout: "out", stderr: "" };
  return {
    calls,
    runner: {
      run: (cmd, args, options = {}) => {
        calls.push([cmd, args, options]);
        return Promise.resolve(ok);
      },
    },
  };
}

Deno.test("transientUnitArgs: waits, pipes, limits the runtime and passes the environment", () => {
  const args = transientUnitArgs("ceph-volume", ["raw", "activate", "--device", "/dev/sdb"], {
    env: { CEPH_CONF: "/etc/ceph/ceph.conf" },
    timeoutMs: 120_000,
  });
  assert.deepEqual(args.slice(0, 5), [
    "--wait",
    "--pipe",
    "--quiet",
    "--collect",
    "--service-type=exec",
  ]);
  assert.ok(args.includes("--property=RuntimeMaxSec=120"));
  assert.ok(args.includes("--setenv=CEPH_CONF=/etc/ceph/ceph.conf"));
  assert.ok(args.includes("--setenv=LC_ALL=C"));
  assert.deepEqual(args.slice(args.indexOf("--")), [
    "--",
    "ceph-volume",
    "raw",
    "activate",
    "--device",
    "/dev/sdb",
  ]);
});

Deno.test("hostNamespaceRunner: ceph-volume and umount go through systemd-run, others do not", async () => {
  const { runner, calls } = recorder();
  const wrapped = hostNamespaceRunner(runner);
  const r = await wrapped.run("ceph-volume", ["lvm", "zap", "/dev/sdb"], {
    env: { CEPH_CONF: "/c" },
    timeoutMs: 5_000,
  });
  assert.equal(r.stdout, "out");
  await wrapped.run("/usr/bin/umount", ["/var/lib/ceph/osd/ceph-3"]);
  await wrapped.run("systemctl", ["start", "ceph-osd@3.service"]);
  assert.equal(calls[0]![0], "systemd-run");
  assert.ok(calls[0]![1].includes("--setenv=CEPH_CONF=/c"));
  assert.equal(calls[0]![2].env, undefined, "the environment goes to the unit, not the client");
  assert.equal(calls[0]![2].timeoutMs, 15_000);
  assert.equal(calls[1]![0], "systemd-run");
  assert.deepEqual(calls[1]![1].slice(-2), ["/usr/bin/umount", "/var/lib/ceph/osd/ceph-3"]);
  assert.deepEqual(calls[2]!.slice(0, 2), ["systemctl", ["start", "ceph-osd@3.service"]]);
});
