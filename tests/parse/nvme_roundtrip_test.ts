/**
 * NVMe health log round trip: for each of the 53 NVMe smartctl JSON fixtures, build the
 * 512-byte log page (02h) from its `nvme_smart_health_information_log` fields, parse it
 * with the WASM and the TypeScript parser, and get every field back exactly (numbers are
 * taken from the JSON text as bigints, so nothing is rounded on the way).
 */
import assert from "node:assert/strict";
import { nvmeHealthFromLog, parseNvmeHealthWasm } from "../../src/smart/mod.ts";
import { parseNvmeHealthTs } from "../smart/reference_parser.ts";

const DIR = new URL("../../../shared/fixtures/smartctl-json/", import.meta.url);

const COUNTERS: [string, number][] = [
  ["data_units_read", 32],
  ["data_units_written", 48],
  ["host_reads", 64],
  ["host_writes", 80],
  ["controller_busy_time", 96],
  ["power_cycles", 112],
  ["power_on_hours", 128],
  ["unsafe_shutdowns", 144],
  ["media_errors", 160],
  ["num_err_log_entries", 176],
];

/** The health log object's numeric fields, read from the raw JSON text. */
function exactFields(text: string): Map<string, bigint> {
  const start = text.indexOf('"nvme_smart_health_information_log"');
  const body = text.slice(start, text.indexOf("}", start));
  const out = new Map<string, bigint>();
  for (const m of body.matchAll(/"(\w+)":\s*(\d+)/g)) out.set(m[1]!, BigInt(m[2]!));
  return out;
}

function putLe(page: Uint8Array, at: number, bytes: number, value: bigint): void {
  for (let i = 0; i < bytes; i++) page[at + i] = Number((value >> BigInt(8 * i)) & 0xffn);
}

function buildPage(f: Map<string, bigint>, sensors: number[]): Uint8Array {
  const page = new Uint8Array(512);
  page[0] = Number(f.get("critical_warning")!);
  putLe(page, 1, 2, f.get("temperature")! + 273n);
  page[3] = Number(f.get("available_spare")!);
  page[4] = Number(f.get("available_spare_threshold")!);
  page[5] = Number(f.get("percentage_used")!);
  for (const [name, at] of COUNTERS) putLe(page, at, 16, f.get(name)!);
  putLe(page, 192, 4, f.get("warning_temp_time") ?? 0n);
  putLe(page, 196, 4, f.get("critical_comp_time") ?? 0n);
  sensors.forEach((c, i) => putLe(page, 200 + 2 * i, 2, BigInt(c + 273)));
  return page;
}

const files: string[] = [];
for await (const e of Deno.readDir(DIR)) {
  if (!e.name.endsWith(".json")) continue;
  const text = await Deno.readTextFile(new URL(e.name, DIR));
  if (text.includes('"nvme_smart_health_information_log"')) files.push(e.name);
}
files.sort();

Deno.test("53 NVMe fixtures round-trip through a built health log page", async () => {
  assert.equal(files.length, 53);
  for (const name of files) {
    const text = await Deno.readTextFile(new URL(name, DIR));
    const f = exactFields(text);
    const json = JSON.parse(text).nvme_smart_health_information_log;
    const sensors: number[] = json.temperature_sensors ?? [];
    const page = buildPage(f, sensors);
    const log = parseNvmeHealthWasm(page);
    assert.deepEqual(log, parseNvmeHealthTs(page), name);
    assert.equal(BigInt(log.criticalWarning), f.get("critical_warning"), name);
    assert.equal(BigInt(log.temperatureKelvin - 273), f.get("temperature"), name);
    assert.equal(BigInt(log.availableSpare), f.get("available_spare"), name);
    assert.equal(BigInt(log.availableSpareThreshold), f.get("available_spare_threshold"), name);
    assert.equal(BigInt(log.percentageUsed), f.get("percentage_used"), name);
    assert.equal(log.dataUnitsRead, f.get("data_units_read"), name);
    assert.equal(log.dataUnitsWritten, f.get("data_units_written"), name);
    assert.equal(log.hostReads, f.get("host_reads"), name);
    assert.equal(log.hostWrites, f.get("host_writes"), name);
    assert.equal(log.controllerBusyTime, f.get("controller_busy_time"), name);
    assert.equal(log.powerCycles, f.get("power_cycles"), name);
    assert.equal(log.powerOnHours, f.get("power_on_hours"), name);
    assert.equal(log.unsafeShutdowns, f.get("unsafe_shutdowns"), name);
    assert.equal(log.mediaErrors, f.get("media_errors"), name);
    assert.equal(log.numErrLogEntries, f.get("num_err_log_entries"), name);
    assert.equal(BigInt(log.warningTempTime), f.get("warning_temp_time") ?? 0n, name);
    assert.equal(BigInt(log.criticalCompTime), f.get("critical_comp_time") ?? 0n, name);
    assert.deepEqual(log.temperatureSensors.slice(0, sensors.length).map((k) => k - 273), sensors);
    const model = nvmeHealthFromLog(log);
    assert.equal(model.dataUnitsWritten, String(f.get("data_units_written")), name);
    assert.equal(model.temperatureCelsius, json.temperature, name);
  }
});

Deno.test("128-bit counters above 2^64 keep every digit", () => {
  const page = new Uint8Array(512);
  const big = (1n << 127n) + 123456789012345678901234567n;
  putLe(page, 32, 16, big);
  putLe(page, 176, 16, (1n << 128n) - 1n);
  const log = parseNvmeHealthWasm(page);
  assert.equal(log.dataUnitsRead, big);
  assert.equal(log.numErrLogEntries, (1n << 128n) - 1n);
  assert.equal(nvmeHealthFromLog(log).numErrLogEntries, "340282366920938463463374607431768211455");
  assert.deepEqual(log, parseNvmeHealthTs(page));
});
