import assert from "node:assert/strict";
import { SafetyError } from "../../errors.ts";
import { findAbsentOsd, metadataNamesIdentity } from "./absent_osd.ts";
import { type OsdDump, type OsdMetadata, parseOsdMetadata } from "./parse.ts";

const FIX = new URL("../../../../shared/fixtures/ceph-pacific/dead-osd/", import.meta.url);

function dump(states: Record<number, string[]>): OsdDump {
  return {
    fsid: "f",
    epoch: 1,
    flags: [],
    crushNodeFlags: {},
    totalPgs: 8,
    osds: Object.entries(states).map(([id, state]) => ({
      id: Number(id),
      uuid: `u${id}`,
      up: state.includes("up"),
      in: true,
      state,
    })),
  };
}

function meta(id: number, over: Partial<OsdMetadata> = {}): OsdMetadata {
  return {
    id,
    hostname: "vm",
    devicePath: `/dev/sd${"bcd"[id]}`,
    objectstore: "bluestore",
    devices: [],
    deviceIds: [],
    ...over,
  };
}

Deno.test("the recorded metadata of a killed OSD still names its device", () => {
  const m = parseOsdMetadata(Deno.readTextFileSync(new URL("26-osd-metadata-0-down.json", FIX)));
  const found = findAbsentOsd({ path: "/dev/loop0", identity: "serial:LOOP-1-2" }, {
    host: "vm.example",
    metadata: m,
    dump: dump({ 0: ["exists"] }),
    journaled: [],
  });
  assert.deepEqual(found, { id: 0, fsid: "u0" });
});

Deno.test("device ids decide between OSDs and exclude another disk's OSD", () => {
  const m0 = meta(0, { devicePath: "/dev/sdc", deviceIds: ["sdc=ATA_ST4000_OLD1"] });
  const m1 = meta(1, { devicePath: "/dev/sdc", deviceIds: ["sdc=ATA_ST4000_ZAB9"] });
  assert.equal(metadataNamesIdentity("serial:ZAB9", m1), true);
  assert.equal(metadataNamesIdentity("serial:ZAB9", m0), false);
  assert.equal(metadataNamesIdentity("serial:ZAB9", meta(2)), null);
  const facts = {
    host: "vm",
    metadata: [m0, m1],
    dump: dump({ 0: ["exists", "up"], 1: ["exists"] }),
    journaled: [],
  };
  assert.deepEqual(findAbsentOsd({ path: "/dev/sdc", identity: "ZAB9" }, facts), {
    id: 1,
    fsid: "u1",
  });
  // Without an identity both live OSDs name the path: refuse, ask for the id.
  assert.throws(
    () => findAbsentOsd({ path: "/dev/sdc" }, facts),
    (e: unknown) => e instanceof SafetyError && e.code === "osd_ambiguous",
  );
  assert.deepEqual(findAbsentOsd({ path: "/dev/sdc", osdId: 0 }, facts), { id: 0, fsid: "u0" });
});

Deno.test("no metadata: only a destroyed OSD the journal had there, or the caller's id", () => {
  const facts = { host: "vm", metadata: [], dump: dump({ 3: ["exists", "destroyed"] }) };
  assert.equal(findAbsentOsd({ path: "/dev/sdc" }, { ...facts, journaled: [] }), null);
  assert.deepEqual(findAbsentOsd({ path: "/dev/sdc" }, { ...facts, journaled: [3] }), {
    id: 3,
    fsid: "u3",
  });
  const live = { host: "vm", metadata: [], dump: dump({ 4: ["exists", "up"] }), journaled: [] };
  assert.throws(
    () => findAbsentOsd({ path: "/dev/sdc", osdId: 4 }, live),
    (e: unknown) => e instanceof SafetyError && e.code === "osd_mismatch",
  );
  assert.equal(findAbsentOsd({ path: "/dev/sdc", osdId: 9 }, live), null);
});
