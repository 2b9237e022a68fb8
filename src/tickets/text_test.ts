import assert from "node:assert/strict";
import {
  descriptionBlocks,
  diskLabel,
  instructions,
  renderPlain,
  sanitizeLabel,
  ticketSummary,
} from "./text.ts";

Deno.test("sanitizeLabel: lower case, no spaces, only [a-z0-9._-], at most 255", () => {
  assert.equal(sanitizeLabel("WD-WCC4N7 ZX91"), "wd-wcc4n7-zx91");
  assert.equal(sanitizeLabel("  a//b\tc  "), "a-b-c");
  assert.equal(sanitizeLabel("Ünïcode_Ser#1"), "n-code_ser-1");
  assert.equal(sanitizeLabel("x".repeat(300)).length, 255);
});

Deno.test("diskLabel: bynar-<host>-<serial>; refuses an empty part", () => {
  assert.equal(diskLabel({ host: "Ceph1.lab", serial: "Z1X 2" }), "bynar-ceph1.lab-z1x-2");
  assert.throws(() => diskLabel({ host: "node", serial: "###" }), TypeError);
  const long = diskLabel({ host: "h".repeat(200), serial: "s".repeat(200) });
  assert.equal(long.length, 255);
  assert.doesNotMatch(long, /\s/);
});

Deno.test("ticketSummary is one line", () => {
  assert.equal(ticketSummary({ host: "n1", serial: "A\nB" }), "Bynar: dead disk A B on n1");
});

Deno.test("description: identity, reasons, actions; unknowns said so", () => {
  const text = renderPlain(descriptionBlocks({
    host: "n1",
    serial: "S1",
    path: "/dev/sdc",
    reasons: [],
    actions: ["osd.4 out"],
    osdId: 4,
  }));
  assert.equal(
    text,
    [
      "Bynar found a dead disk on n1 that needs replacing.",
      "",
      "Host: n1\nDevice: /dev/sdc\nModel: unknown\nSerial: S1\nWWN: unknown\nCeph OSD: osd.4",
      "",
      "Why:\n- not given",
      "",
      "Actions already taken:\n- osd.4 out",
      "",
      "Replace the disk in the same slot, then resolve this ticket as done. Bynar checks the " +
      "new disk, adds it back as osd.4 and comments here. A won't-do resolution is reported, " +
      "not acted on.",
    ].join("\n"),
  );
});

Deno.test("instructions follow what Bynar did: never 'adds it back' for a disk it did not remove", () => {
  const base = { host: "n1", serial: "S1", path: "/dev/sdc", reasons: [], actions: [], osdId: 4 };
  const notSafe = instructions({
    ...base,
    removal: "not_removed",
    notRemovedReason: "noout is set",
  });
  assert.match(
    notSafe,
    /^Bynar has NOT removed this disk from the cluster \(noout is set\)\. Do not pull it yet/,
  );
  assert.ok(!/adds it back/.test(notSafe));
  const approval = instructions({ ...base, removal: "awaiting_approval" });
  assert.match(approval, /bynar approve S1 on n1/);
  assert.ok(!/adds it back/.test(approval));
  const outside = instructions({ ...base, removal: "not_in_cluster" });
  assert.match(outside, /removed nothing and adds nothing back/);
  assert.match(instructions({ ...base, removal: "removed" }), /adds it back as osd\.4/);
});
