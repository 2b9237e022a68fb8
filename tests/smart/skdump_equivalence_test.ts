/**
 * Every real SMART dump read through the real libatasmart (sk_disk_set_blob) must match
 * what libatasmart's own `skdump --load=FILE` prints, field by field.
 */
import assert from "node:assert/strict";
import { AtaSmartDisk } from "../../ffi/libatasmart/mod.ts";
import {
  encodeSkdump,
  formatPrettyValue,
  parseSkdump,
  prettyUnitFromLibatasmart,
} from "../../src/smart/mod.ts";
import { runCommand } from "../../src/process/run.ts";
import { listFixtures, SMART_BLOBS } from "./fixtures.ts";

interface SkdumpAttr {
  id: number;
  name: string;
  value: string;
  worst: string;
  thres: string;
  pretty: string;
  rawHex: string;
  type: string;
  updates: string;
  good: string;
  goodPast: string;
}

interface Skdump {
  fields: Map<string, string>;
  attrs: SkdumpAttr[];
}

const ATTR_LINE =
  /^\s*(\d+) (\S+)\s+(\d+|n\/a)\s+(\d+|n\/a)\s+(\d+|n\/a)\s+(.+?)\s+0x([0-9a-f]{12}) (prefail|old-age) (online|offline)\s+(yes|no|n\/a)\s+(yes|no|n\/a)\s*$/;

/** Parses skdump's text output. */
function parseSkdumpText(text: string): Skdump {
  // deno-lint-ignore no-control-regex
  const clean = text.replace(/\x1b\[[0-9;]*m/g, "");
  const fields = new Map<string, string>();
  const attrs: SkdumpAttr[] = [];
  let inTable = false;
  for (const line of clean.split("\n")) {
    if (line.startsWith("ID# ")) {
      inTable = true;
      continue;
    }
    if (inTable && line.trim() !== "") {
      const m = ATTR_LINE.exec(line);
      assert.ok(m, `unparsed skdump attribute line: ${JSON.stringify(line)}`);
      attrs.push({
        id: Number(m[1]),
        name: m[2]!,
        value: m[3]!,
        worst: m[4]!,
        thres: m[5]!,
        pretty: m[6]!,
        rawHex: m[7]!,
        type: m[8]!,
        updates: m[9]!,
        good: m[10]!,
        goodPast: m[11]!,
      });
      continue;
    }
    const i = line.indexOf(": ");
    if (i > 0) fields.set(line.slice(0, i), line.slice(i + 2).trim());
  }
  return { fields, attrs };
}

async function skdump(path: string): Promise<Skdump> {
  const res = await runCommand("skdump", [`--load=${path}`], { timeoutMs: 10_000 });
  assert.equal(res.code, 0, `skdump --load=${path} failed: ${res.stderr}`);
  return parseSkdumpText(res.stdout);
}

const bracket = (s: string | undefined): string | undefined => s?.replace(/^\[(.*)\]$/, "$1");
/** skdump prints strerror() in place of a value whose getter failed. */
function sameOrError(ours: string | undefined, theirs: string | undefined, where: string): void {
  if (ours === undefined) {
    assert.ok(
      theirs === undefined || /^[A-Z][a-z]+( [a-z]+)+$/.test(theirs),
      `${where}: we have no value, skdump printed ${JSON.stringify(theirs)}`,
    );
  } else {
    assert.equal(ours, theirs, where);
  }
}

const yn = (b: boolean | null): string => (b === null ? "n/a" : b ? "yes" : "no");

/** Compares one dump, returning the number of attributes checked. */
async function compare(path: string, bytes: Uint8Array): Promise<number> {
  const want = await skdump(path);
  using disk = AtaSmartDisk.fromBlob(bytes, { name: path });
  const id = disk.identify();
  assert.ok(id, `${path}: identify`);
  assert.equal(id.model, bracket(want.fields.get("Model")), `${path}: model`);
  assert.equal(id.serial, bracket(want.fields.get("Serial")), `${path}: serial`);
  assert.equal(id.firmware, bracket(want.fields.get("Firmware")), `${path}: firmware`);

  const health = want.fields.get("SMART Disk Health Good");
  const status = await disk.smartStatus();
  assert.equal(
    status === null ? "error" : yn(status),
    health === "yes" || health === "no" ? health : "error",
    `${path}: SMART Disk Health Good = ${health}`,
  );

  const f = want.fields;
  sameOrError(disk.overall()?.name, f.get("Overall Status"), `${path}: overall`);
  const bad = disk.badSectors();
  sameOrError(bad === null ? undefined : `${bad} sectors`, f.get("Bad Sectors"), `${path}: bad`);
  const on = disk.powerOnMs();
  const onText = on === null ? undefined : formatPrettyValue(BigInt(on), "ms");
  sameOrError(onText, f.get("Powered On"), `${path}: powered on`);
  const cycles = disk.powerCycles();
  sameOrError(cycles === null ? undefined : String(cycles), f.get("Power Cycles"), path);
  const mk = disk.temperatureMilliKelvin();
  const mkText = mk === null ? undefined : formatPrettyValue(BigInt(mk), "mK");
  sameOrError(mkText, f.get("Temperature"), `${path}: temperature`);

  const attrs = disk.attributes();
  assert.ok(want.attrs.length > 0, `${path}: skdump printed attributes`);
  assert.equal(attrs.length, want.attrs.length, `${path}: attribute count`);
  attrs.forEach((a, i) => {
    const w = want.attrs[i]!;
    const where = `${path} attribute ${w.id}`;
    assert.equal(a.id, w.id, where);
    assert.equal(a.name, w.name, where);
    assert.equal(a.currentValid ? String(a.current) : "n/a", w.value, `${where} value`);
    assert.equal(a.worstValid ? String(a.worst) : "n/a", w.worst, `${where} worst`);
    assert.equal(a.thresholdValid ? String(a.threshold) : "n/a", w.thres, `${where} threshold`);
    const hex = [...a.rawBytes].map((b) => b.toString(16).padStart(2, "0")).join("");
    assert.equal(hex, w.rawHex, `${where} raw bytes`);
    // raw is the little-endian 48-bit integer of those bytes
    const le = w.rawHex.match(/../g)!.reverse().join("");
    assert.equal(a.raw, parseInt(le, 16), `${where} raw value`);
    assert.equal(
      formatPrettyValue(a.prettyValue, prettyUnitFromLibatasmart(a.prettyUnitCode)),
      w.pretty,
      `${where} pretty`,
    );
    assert.equal(a.prefailure ? "prefail" : "old-age", w.type, `${where} type`);
    assert.equal(a.online ? "online" : "offline", w.updates, `${where} updates`);
    assert.equal(yn(a.goodNow), w.good, `${where} good now`);
    assert.equal(yn(a.goodInThePast), w.goodPast, `${where} good in the past`);
  });
  return attrs.length;
}

Deno.test("libatasmart FFI reads all 14 real dumps exactly like skdump --load", async () => {
  const names = listFixtures(SMART_BLOBS);
  assert.equal(names.length, 14);
  let checked = 0;
  for (const name of names) {
    const path = new URL(name, SMART_BLOBS).pathname;
    checked += await compare(path, await Deno.readFile(path));
  }
  assert.ok(checked > 200, `checked ${checked} attributes`);
});

Deno.test("a dump without SMST: status is null where skdump reports an error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-smart-" });
  try {
    const src = new URL("SAMSUNG_HD501LJ--CR100-12", SMART_BLOBS);
    const pages = parseSkdump(await Deno.readFile(src));
    const bytes = encodeSkdump({ ...pages, status: null });
    const path = `${dir}/no-smst`;
    await Deno.writeFile(path, bytes);
    const want = await skdump(path);
    assert.match(want.fields.get("SMART Disk Health Good") ?? "", /No such device or address/);
    using disk = AtaSmartDisk.fromBlob(bytes, { name: path });
    assert.equal(await disk.smartStatus(), null);
    await compare(path, bytes);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("getBlob returns the pages libatasmart holds, in skdump --save format", () => {
  for (const name of listFixtures(SMART_BLOBS)) {
    const bytes = Deno.readFileSync(new URL(name, SMART_BLOBS));
    using disk = AtaSmartDisk.fromBlob(bytes, { name });
    const blob = disk.getBlob();
    const want = parseSkdump(bytes);
    const got = parseSkdump(blob);
    assert.deepEqual(got.identify, want.identify, name);
    assert.deepEqual(got.data, want.data, name);
    assert.deepEqual(got.thresholds, want.thresholds, name);
  }
});
