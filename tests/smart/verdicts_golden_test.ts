/**
 * The golden verdicts: every one of the 163 smartctl JSON fixtures and the 14 libatasmart
 * dumps, with its verdict and reasons, pinned in `golden/verdicts.json`. Any change to a
 * parser or the policy that changes one disk's verdict or one reason fails here, naming the
 * fixture.
 *
 * After an intended change, regenerate with
 * `BYNAR_UPDATE_GOLDEN=1 deno test --allow-all tests/smart/verdicts_golden_test.ts` and
 * review the diff of the JSON file.
 */
import assert from "node:assert/strict";
import {
  assess,
  type Assessment,
  parseSmartctlJson,
  readAtaBlob,
  type SmartReport,
} from "../../src/smart/mod.ts";
import { listFixtures, SMART_BLOBS, SMARTCTL_JSON } from "./fixtures.ts";

const GOLDEN = new URL("golden/verdicts.json", import.meta.url);

/** One pinned entry. */
interface Pinned {
  verdict: Assessment["verdict"];
  reasons: string[];
  protocol: SmartReport["protocol"];
  source: SmartReport["source"];
}

/** The golden file's shape. */
interface Golden {
  "smartctl-json": Record<string, Pinned>;
  "smart-blobs": Record<string, Pinned>;
}

function pin(report: SmartReport): Pinned {
  const a = assess(report);
  return {
    verdict: a.verdict,
    reasons: a.reasons,
    protocol: report.protocol,
    source: report.source,
  };
}

async function current(): Promise<Golden> {
  const out: Golden = { "smartctl-json": {}, "smart-blobs": {} };
  for (const name of listFixtures(SMARTCTL_JSON)) {
    const text = Deno.readTextFileSync(new URL(name, SMARTCTL_JSON));
    out["smartctl-json"][name] = pin(parseSmartctlJson(text, { file: name }));
  }
  for (const name of listFixtures(SMART_BLOBS)) {
    const blob = Deno.readFileSync(new URL(name, SMART_BLOBS));
    const wasm = await readAtaBlob(blob, { name });
    const lib = await readAtaBlob(blob, { name, ataParser: null });
    assert.deepEqual(assess(lib), assess(wasm), `${name}: libatasmart and WASM agree`);
    out["smart-blobs"][name] = pin(wasm);
  }
  return out;
}

function tally(entries: Record<string, Pinned>): Record<string, number> {
  const t: Record<string, number> = { ok: 0, warning: 0, critical: 0, unknown: 0 };
  for (const e of Object.values(entries)) t[e.verdict] = (t[e.verdict] ?? 0) + 1;
  return t;
}

Deno.test("every fixture's verdict and reasons equal the golden file", async () => {
  const now = await current();
  if (Deno.env.get("BYNAR_UPDATE_GOLDEN") === "1") {
    Deno.writeTextFileSync(GOLDEN, JSON.stringify(now, null, 2) + "\n");
  }
  const golden: Golden = JSON.parse(Deno.readTextFileSync(GOLDEN));
  for (const kind of ["smartctl-json", "smart-blobs"] as const) {
    assert.deepEqual(Object.keys(now[kind]), Object.keys(golden[kind]), `${kind}: fixture names`);
    for (const [name, pinned] of Object.entries(golden[kind])) {
      assert.deepEqual(now[kind][name], pinned, `${kind}/${name}`);
    }
  }
  assert.equal(Object.keys(golden["smartctl-json"]).length, 163);
  assert.equal(Object.keys(golden["smart-blobs"]).length, 14);
  // The totals the README states follow from the pinned entries.
  assert.deepEqual(tally(golden["smartctl-json"]), {
    ok: 145,
    warning: 11,
    critical: 7,
    unknown: 0,
  });
  assert.deepEqual(tally(golden["smart-blobs"]), { ok: 8, warning: 1, critical: 5, unknown: 0 });
});
