import assert from "node:assert/strict";
import { CMD, commandJson, renderCommand, roundWeight, VOLUME } from "./commands.ts";

Deno.test("argument types Ceph 16 accepts (recorded in librados-arg-types.txt)", () => {
  assert.equal(commandJson(CMD.osdOut(2)), '{"prefix":"osd out","ids":["2"]}');
  assert.equal(
    commandJson(CMD.safeToDestroy(1)),
    '{"prefix":"osd safe-to-destroy","ids":["1"],"format":"json"}',
  );
  assert.equal(
    commandJson(CMD.crushReweight(2, 0.00488)),
    '{"prefix":"osd crush reweight","name":"osd.2","weight":0.00488}',
  );
  // A whole number must still be a float for CephFloat.
  assert.equal(
    commandJson(CMD.crushReweight(2, 0)),
    '{"prefix":"osd crush reweight","name":"osd.2","weight":0.0}',
  );
  assert.equal(commandJson(CMD.crushReweight(2, 1)).endsWith('"weight":1.0}'), true);
});

Deno.test("destroy goes to the mgr (the mon answers EINVAL), with a mon fallback builder", () => {
  assert.equal(CMD.osdDestroy(7).target, "mgr");
  assert.deepEqual(CMD.osdDestroy(7).cmd, {
    prefix: "osd destroy",
    id: 7,
    yes_i_really_mean_it: true,
  });
  assert.equal(CMD.osdDestroyMon(7).target, "mon");
});

Deno.test("weights are rounded to 5 decimals", () => {
  assert.equal(roundWeight(0.0048980712890625), 0.0049);
  assert.equal(roundWeight(0.123456789), 0.12346);
});

Deno.test("ceph-volume invocations: env, log path, loop devices, systemd or not", () => {
  const o = { confPath: "/etc/ceph/ceph.conf", logDir: "/var/log/bynar", allowLoop: true };
  const p = VOLUME.prepare("/dev/loop3", { ...o, mode: "raw", osdId: 1 });
  assert.deepEqual(p.args, [
    "--log-path",
    "/var/log/bynar",
    "raw",
    "prepare",
    "--bluestore",
    "--data",
    "/dev/loop3",
    "--osd-id",
    "1",
  ]);
  assert.deepEqual(p.env, {
    CEPH_CONF: "/etc/ceph/ceph.conf",
    CEPH_VOLUME_ALLOW_LOOP_DEVICES: "1",
  });
  assert.equal(
    renderCommand(
      VOLUME.activate("/dev/sdb", {
        mode: "lvm",
        osdId: 4,
        osdFsid: "abc",
        confPath: "c",
        systemd: true,
      }),
    ),
    "ceph-volume lvm activate --bluestore 4 abc",
  );
  assert.equal(
    renderCommand(
      VOLUME.activate("/dev/sdb", {
        mode: "raw",
        osdId: 4,
        osdFsid: "abc",
        confPath: "c",
        systemd: false,
      }),
    ),
    "ceph-volume raw activate --device /dev/sdb --no-systemd",
  );
  assert.equal(
    renderCommand(VOLUME.zap("/dev/sdb", { confPath: "c" })),
    "ceph-volume lvm zap --destroy /dev/sdb",
  );
});
