import assert from "node:assert/strict";
import type { z } from "zod";
import { fastParse, type FastSpec } from "./fast_parse.ts";
import { BYNAR_SPEC, CEPH_SPEC, DISK_MANAGER_SPEC } from "./generated/specs.ts";
import { BynarConfigSchema, CephConfigSchema, DiskManagerConfigSchema } from "./schema.ts";
import { SPECS_PATH, specsSource } from "../../tools/gen_config_specs.ts";

const ROOT = new URL("../../", import.meta.url);

Deno.test("the generated specs are those of the zod schemas (run deno task gen-config)", async () => {
  assert.equal(await Deno.readTextFile(new URL(SPECS_PATH, ROOT)), specsSource());
});

/** Values tried in every field: valid and invalid ones of every JSON type. */
const PROBES: unknown[] = [
  undefined,
  null,
  "",
  "x",
  "/etc/bynar/x",
  "https://bmc.example:8443/redfish",
  "http://jira.example",
  " https://a.example",
  "https://a.example\n",
  "not a url",
  "12:30",
  "24:00",
  "7d0f1e0c-6a39-4c8e-9d36-0b5c2f1b8a11",
  "auto",
  "manual",
  "lvm",
  "session",
  "systemd",
  0,
  -1,
  1,
  0.5,
  -0.02,
  10,
  59,
  65535,
  65536,
  1e20,
  true,
  false,
  [],
  [""],
  ["a"],
  [0, 6],
  [7],
  [{ device: "/dev/sda" }],
  [{ device: "" }],
  [{ is_lvm: true, dev_path: "/dev/sdb" }],
  [{ is_lvm: false, dev_path: "/dev/sdb", journal_path: "/dev/sdc", rdb_path: "/dev/sdc" }],
  [{ days: [1], start: "01:00", end: "02:00" }],
  [{ start: "01:00", end: "25:00" }],
  {},
  { unknown_field: 1 },
  { username: "u", port: "6789", endpoint: "e", dbname: "d" },
];

function fieldsOf(spec: FastSpec): Record<string, FastSpec> {
  let s = spec;
  while (s.t === "default" || s.t === "prefault" || s.t === "optional") s = s.inner;
  return s.t === "object" ? { ...s.shape } : {};
}

/** Every input: the base, then each field of the base (and of its sections) set to each probe. */
function* inputs(base: Record<string, unknown>, spec: FastSpec): Generator<unknown> {
  yield base;
  yield { ...base, typo_field: 1 };
  for (const [key, field] of Object.entries(fieldsOf(spec))) {
    for (const probe of PROBES) {
      const copy: Record<string, unknown> = { ...base };
      if (probe === undefined) delete copy[key];
      else copy[key] = probe;
      yield copy;
    }
    const sub = fieldsOf(field);
    for (const subKey of Object.keys(sub)) {
      for (const probe of PROBES) {
        const section = { ...(base[key] as Record<string, unknown> | undefined ?? {}) };
        if (probe === undefined) delete section[subKey];
        else section[subKey] = probe;
        yield { ...base, [key]: section };
      }
    }
  }
}

function compare(
  name: string,
  schema: z.ZodType,
  spec: FastSpec,
  bases: Record<string, unknown>[],
): { valid: number; accepted: number; missed: string[] } {
  let valid = 0, accepted = 0;
  const missed: string[] = [];
  for (const base of bases) {
    for (const input of inputs(base, spec)) {
      const fast = fastParse(spec, structuredClone(input));
      const slow = schema.safeParse(structuredClone(input));
      if (slow.success) valid++;
      if (fast === null) {
        if (slow.success) missed.push(JSON.stringify(input));
        continue;
      }
      accepted++;
      assert.ok(
        slow.success,
        `${name}: fast path accepted what zod rejects: ${JSON.stringify(input)}`,
      );
      assert.deepEqual(fast.value, slow.data, `${name}: ${JSON.stringify(input)}`);
    }
  }
  return { valid, accepted, missed };
}

async function packaged(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await Deno.readTextFile(new URL(`packaging/etc/bynar/${file}`, ROOT)));
}

Deno.test("fast path: whatever it accepts, zod accepts with the same value (every field probed)", async () => {
  const cases: [string, z.ZodType, FastSpec, Record<string, unknown>[]][] = [
    ["bynar.json", BynarConfigSchema, BYNAR_SPEC, [{}, await packaged("bynar.json"), {
      hardware: { endpoint: "https://bmc.example", policy: { memory_correctable_warn: 3 } },
      smart_policy: { reallocated_warn: 2 },
      maintenance_windows: [{ days: [1, 2], start: "01:00", end: "05:30" }],
      jira_host: "https://jira.example",
      database: { username: "u", port: 5432, endpoint: "db", dbname: "bynar" },
    }]],
    ["disk-manager.json", DiskManagerConfigSchema, DISK_MANAGER_SPEC, [
      {},
      await packaged("disk-manager.json"),
    ]],
    ["ceph.json", CephConfigSchema, CEPH_SPEC, [{}, await packaged("ceph.json"), {
      increment: -0.02,
      system_disks: [{ device: "/dev/sda" }],
      journal_devices: [{
        device: "/dev/nvme0n1",
        partition_uuid: "7d0f1e0c-6a39-4c8e-9d36-0b5c2f1b8a11",
      }],
      osd_config: [{ is_lvm: true, dev_path: "/dev/sdb", journal_path: "/dev/sdc" }],
    }]],
  ];
  for (const [name, schema, spec, bases] of cases) {
    const { valid, accepted, missed } = compare(name, schema, spec, bases);
    // the fast path must be worth having: it takes (nearly) every valid file
    assert.ok(
      accepted >= valid * 0.95,
      `${name}: fast path accepted ${accepted} of ${valid} valid inputs; missed ${
        missed.slice(0, 3)
      }`,
    );
  }
});

Deno.test("fast path: the shipped configuration files and empty files never need zod", async () => {
  for (
    const [spec, file] of [
      [BYNAR_SPEC, "bynar.json"],
      [DISK_MANAGER_SPEC, "disk-manager.json"],
      [CEPH_SPEC, "ceph.json"],
    ] as const
  ) {
    assert.notEqual(fastParse(spec, await packaged(file)), null, file);
    assert.notEqual(fastParse(spec, {}), null, `${file} (empty)`);
  }
});

Deno.test("fast path: what zod rejects it leaves to zod (null), never accepts", () => {
  assert.equal(fastParse(BYNAR_SPEC, { manager_port: 0 }), null);
  assert.equal(fastParse(BYNAR_SPEC, { approval: "sometimes" }), null);
  assert.equal(fastParse(BYNAR_SPEC, { typo: true }), null);
  assert.equal(fastParse(BYNAR_SPEC, { hardware: { endpoint: "http://bmc" } }), null);
  assert.equal(fastParse(CEPH_SPEC, { increment: 0 }), null);
  assert.equal(
    fastParse(CEPH_SPEC, {
      osd_config: [{ is_lvm: true, dev_path: "/dev/sdb", journal_path: "/x", rdb_path: "/x" }],
    }),
    null,
  );
  assert.deepEqual(
    (fastParse(CEPH_SPEC, { increment: -0.5 })!.value as { increment: number }).increment,
    0.5,
  );
});
