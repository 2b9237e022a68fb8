/**
 * SMART page parse: WASM vs the plain-TypeScript parser vs libatasmart through FFI, per
 * page (the WASM cases include copying the bytes into WASM memory and building the JS
 * result). Run: `deno bench --allow-all src/parse/smart_bench.ts`.
 */
import { AtaSmartDisk } from "../../ffi/libatasmart/mod.ts";
import { parseAtaIdentifyWasm, parseAtaSmartWasm, parseSkdump } from "../../src/smart/mod.ts";
import { parseAtaIdentifyTs, parseAtaSmartTs } from "../smart/reference_parser.ts";

const BLOB = await Deno.readFile(
  new URL("../../../shared/fixtures/smart-blobs/SAMSUNG_HD501LJ--CR100-12", import.meta.url),
);
const pages = parseSkdump(BLOB);
const data = pages.data!;
const thresholds = pages.thresholds!;
const identify = pages.identify!;
const disk = AtaSmartDisk.fromBlob(BLOB);
globalThis.addEventListener("unload", () => disk.close());

Deno.bench("SMART data+thresholds page: WASM", { group: "smart-page", baseline: true }, () => {
  parseAtaSmartWasm(data, thresholds);
});
Deno.bench("SMART data+thresholds page: TypeScript", { group: "smart-page" }, () => {
  parseAtaSmartTs(data, thresholds);
});
Deno.bench("SMART data+thresholds page: libatasmart FFI (parse_attributes)", {
  group: "smart-page",
}, () => {
  disk.attributes();
});
Deno.bench("SMART data+thresholds page: libatasmart FFI (set_blob + parse)", {
  group: "smart-page",
}, () => {
  using d = AtaSmartDisk.fromBlob(BLOB);
  d.attributes();
});

Deno.bench("IDENTIFY page: WASM", { group: "identify", baseline: true }, () => {
  parseAtaIdentifyWasm(identify);
});
Deno.bench("IDENTIFY page: TypeScript", { group: "identify" }, () => {
  parseAtaIdentifyTs(identify);
});
Deno.bench("IDENTIFY page: libatasmart FFI (identify_parse)", { group: "identify" }, () => {
  disk.identify();
});
