/**
 * Differential test: every SMART dump in ../shared/fixtures/smart-blobs parsed by the WASM
 * parser (and the TypeScript reference parser) equals libatasmart's own parsing through
 * FFI: identify strings, every attribute field, thresholds and the SMART status.
 */
import assert from "node:assert/strict";
import { AtaSmartDisk } from "../../ffi/libatasmart/mod.ts";
import {
  ataStatusGood,
  parseAtaIdentifyWasm,
  parseAtaSmartWasm,
  parseSkdump,
  readAtaBlob,
  wasmAtaPagesParser,
} from "../../src/smart/mod.ts";
import { parseAtaIdentifyTs, parseAtaSmartTs } from "../smart/reference_parser.ts";

const BLOBS = new URL("../../../shared/fixtures/smart-blobs/", import.meta.url);

async function blobFiles(): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(BLOBS)) if (e.isFile) names.push(e.name);
  return names.sort();
}

const files = await blobFiles();

Deno.test("there are 14 SMART dumps to compare", () => {
  assert.equal(files.length, 14);
});

for (const name of files) {
  Deno.test(`WASM parse of ${name} equals libatasmart`, async () => {
    const blob = await Deno.readFile(new URL(name, BLOBS));
    const pages = parseSkdump(blob, { name });
    using disk = AtaSmartDisk.fromBlob(blob, { name });

    // Identify strings.
    assert.ok(pages.identify);
    const id = parseAtaIdentifyWasm(pages.identify);
    assert.deepEqual(id, parseAtaIdentifyTs(pages.identify));
    const ref = disk.identify();
    assert.ok(ref);
    assert.deepEqual({ model: id.model, serial: id.serial, firmware: id.firmware }, ref);

    // SMART status (SMST section; absent in one dump: both say "unknown").
    assert.equal(ataStatusGood(pages.status), await disk.smartStatus());

    // Attributes with thresholds: every field libatasmart reports about the page.
    assert.ok(pages.data);
    const smart = parseAtaSmartWasm(pages.data, pages.thresholds);
    assert.deepEqual(smart, parseAtaSmartTs(pages.data, pages.thresholds));
    const refAttrs = disk.attributes();
    assert.ok(refAttrs.length > 0);
    assert.deepEqual(
      smart.attributes.map((a) => ({
        id: a.id,
        current: a.current,
        currentValid: a.currentValid,
        worst: a.worst,
        worstValid: a.worstValid,
        threshold: a.threshold ?? 0,
        thresholdValid: a.thresholdValid,
        rawBytes: a.rawBytes,
        raw: a.raw,
        flags: a.flags,
        prefailure: a.prefailure,
        online: a.online,
        goodNow: a.goodNowValid ? a.goodNow : null,
        goodInThePast: a.goodInThePastValid ? a.goodInThePast : null,
      })),
      refAttrs.map((r) => ({
        id: r.id,
        current: r.current,
        currentValid: r.currentValid,
        worst: r.worst,
        worstValid: r.worstValid,
        threshold: r.threshold,
        thresholdValid: r.thresholdValid,
        rawBytes: Array.from(r.rawBytes),
        raw: r.raw,
        flags: r.flags,
        prefailure: r.prefailure,
        online: r.online,
        goodNow: r.goodNow,
        goodInThePast: r.goodInThePast,
      })),
    );
  });
}

for (const name of files) {
  Deno.test(`WASM report of ${name} equals libatasmart's report`, async () => {
    const blob = await Deno.readFile(new URL(name, BLOBS));
    const ref = await readAtaBlob(blob, { name, ataParser: null });
    const ours = await readAtaBlob(blob, { name, ataParser: wasmAtaPagesParser });
    assert.equal(ours.source, "wasm");
    assert.equal(ref.source, "libatasmart");
    // libatasmart's report has no WWN (it does not parse it); ours may.
    assert.deepEqual(
      { ...ours, source: "x", identify: { ...ours.identify!, wwn: null } },
      { ...ref, source: "x" },
    );
  });
}
