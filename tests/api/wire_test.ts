/**
 * Golden wire tests: protobufjs encoding is byte-identical to `protoc --encode`, decodes
 * what `protoc` encodes, and the original Bynar field numbers are unchanged.
 */
import assert from "node:assert/strict";
import protobuf from "protobufjs";
import {
  decodeMessage,
  encodeMessage,
  type ProtoTypes,
  protoTypes,
} from "../../src/api/codec/proto.ts";

const PROTO_DIR = new URL("../../proto/", import.meta.url).pathname;

/** The schema parsed by reflection (field numbers and enum values, checked below). */
const SCHEMA = protobuf.parse(await Deno.readTextFile(`${PROTO_DIR}bynar.proto`), {
  keepCase: true,
}).root;

async function protoc(args: string[], stdin: Uint8Array): Promise<Uint8Array> {
  const p = new Deno.Command("protoc", {
    args: [`--proto_path=${PROTO_DIR}`, ...args, "bynar.proto"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = p.stdin.getWriter();
  await w.write(stdin);
  await w.close();
  const out = await p.output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return out.stdout;
}

/** Drops empty repeated fields (protobuf cannot tell them from absent ones). */
function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropEmpty);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v).filter(([, x]) => !(Array.isArray(x) && x.length === 0))
        .map(([k, x]) => [k, dropEmpty(x)]),
    );
  }
  return v;
}

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

const CASES: { type: keyof ProtoTypes; text: string; json: Record<string, unknown> }[] = [
  {
    type: "Operation",
    text:
      'Op_type: Remove disk: "/dev/sdb" simulate: true osd_id: 3 disk_identity: "wwn:0x5000c500a1b2c3d4"',
    json: {
      Op_type: "Remove",
      disk: "/dev/sdb",
      simulate: true,
      osd_id: 3,
      disk_identity: "wwn:0x5000c500a1b2c3d4",
    },
  },
  {
    type: "OpOutcomeResult",
    text: 'result: OK outcome: SkipRepeat value: true message: "already out" osd_id: 7 ' +
      'plan { name: "osd_out" commands: "osd out" expected_wait_seconds: 30 }',
    json: {
      result: "OK",
      outcome: "SkipRepeat",
      value: true,
      message: "already out",
      osd_id: 7,
      plan: [{ name: "osd_out", commands: ["osd out"], expected_wait_seconds: 30 }],
    },
  },
  {
    type: "Disks",
    text: 'disk { type: SOLID_STATE dev_path: "/dev/sdb" partitions { partition { uuid: "u" ' +
      'first_lba: 2048 last_lba: 4096 flags: 0 name: "p1" } } serial_number: "S1" ' +
      'identity { key: "serial:S1" serial: "S1" } state: "good" ' +
      'role { kind: "osd" osd_id: 12 up: true is_in: false } size_bytes: 4000000000000 }',
    json: {
      disk: [{
        type: "SOLID_STATE",
        dev_path: "/dev/sdb",
        partitions: {
          partition: [{ uuid: "u", first_lba: 2048, last_lba: 4096, flags: 0, name: "p1" }],
        },
        serial_number: "S1",
        identity: { key: "serial:S1", serial: "S1" },
        state: "good",
        role: { kind: "osd", osd_id: 12, up: true, is_in: false },
        size_bytes: 4000000000000,
      }],
    },
  },
  {
    type: "OpJiraTicketsResult",
    text: 'result: OK tickets { ticket_id: "OPS-1" server_name: "host1" }',
    json: { result: "OK", tickets: [{ ticket_id: "OPS-1", server_name: "host1" }] },
  },
  {
    type: "OperationStatus",
    text: 'id: "abc" op: Add disk: "/dev/sdc" state: RUNNING percent: 40 ' +
      'result { result: ERR error_msg: "boom" status: 502 error_type: "backend_failed" }',
    json: {
      id: "abc",
      op: "Add",
      disk: "/dev/sdc",
      state: "RUNNING",
      percent: 40,
      result: { result: "ERR", error_msg: "boom", status: 502, error_type: "backend_failed" },
    },
  },
];

for (const c of CASES) {
  Deno.test(`wire: ${c.type} bytes equal protoc --encode, and decode both ways`, async () => {
    const type = protoTypes()[c.type];
    const ours = encodeMessage(type, c.json);
    const golden = await protoc([`--encode=ceph_disk.${c.type}`], new TextEncoder().encode(c.text));
    assert.equal(hex(ours), hex(golden));
    assert.deepEqual(dropEmpty(decodeMessage(type, golden)), c.json);
    const back = new TextDecoder().decode(
      await protoc([`--decode=ceph_disk.${c.type}`], ours),
    );
    const reencoded = await protoc(
      [`--encode=ceph_disk.${c.type}`],
      new TextEncoder().encode(back),
    );
    assert.equal(hex(reencoded), hex(ours));
  });
}

Deno.test("wire: the original service.proto field numbers and enum values are unchanged", () => {
  const t = protoTypes();
  // Operation{Op_type=Remove(4), disk(2)="/dev/sdb", simulate(3)=true, osd_id(7)=3}
  // as an original bynar-client would send it (hand-encoded from the original schema).
  const original = new Uint8Array([
    0x08,
    0x04,
    0x12,
    0x08,
    ...new TextEncoder().encode("/dev/sdb"),
    0x18,
    0x01,
    0x38,
    0x03,
  ]);
  assert.deepEqual(dropEmpty(decodeMessage(t.Operation, original)), {
    Op_type: "Remove",
    disk: "/dev/sdb",
    simulate: true,
    osd_id: 3,
  });
  // OpOutcomeResult{result=ERR(1), error_msg(4)="x"} and {OK, outcome(2)=Skipped(2), value(3)}
  assert.equal(
    hex(encodeMessage(t.OpOutcomeResult, { result: "ERR", error_msg: "x" })),
    "0801220178",
  );
  assert.equal(
    hex(encodeMessage(t.OpOutcomeResult, { result: "OK", outcome: "Skipped", value: false })),
    "080010021800",
  );
  const ops = SCHEMA.lookupEnum("ceph_disk.Op").values;
  assert.deepEqual(
    { Add: ops.Add, AddPartition: ops.AddPartition, List: ops.List, Remove: ops.Remove },
    { Add: 1, AddPartition: 6, List: 3, Remove: 4 },
  );
  assert.equal(ops.SafeToRemove, 5);
  assert.equal(ops.GetCreatedTickets, 7);
  const dt = SCHEMA.lookupEnum("ceph_disk.DiskType").values;
  assert.deepEqual(Object.values(dt), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  const disk = SCHEMA.lookupType("ceph_disk.Disk");
  assert.deepEqual(
    ["type", "dev_path", "partitions", "serial_number"].map((f) => disk.fields[f]!.id),
    [1, 2, 3, 4],
  );
  const part = SCHEMA.lookupType("ceph_disk.Partition");
  assert.deepEqual(
    ["uuid", "first_lba", "last_lba", "flags", "name"].map((f) => part.fields[f]!.id),
    [1, 2, 3, 4, 5],
  );
  const jira = SCHEMA.lookupType("ceph_disk.JiraInfo");
  assert.deepEqual([jira.fields.ticket_id!.id, jira.fields.server_name!.id], [1, 2]);
  assert.equal(SCHEMA.lookupType("ceph_disk.Operation").fields.replica_set!.id, 10);
});
