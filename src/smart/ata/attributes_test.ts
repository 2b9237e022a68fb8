import assert from "node:assert/strict";
import { attributeInfo, formatPrettyValue, prettyUnitFromLibatasmart } from "./attributes.ts";

Deno.test("formatPrettyValue prints like skdump", () => {
  assert.equal(formatPrettyValue(999n, "ms"), "999 ms");
  assert.equal(formatPrettyValue(90_000n, "ms"), "1.5 min");
  assert.equal(formatPrettyValue(320_150n, "mK"), "47.0 C");
  assert.equal(formatPrettyValue(1_500n, "MB"), "1.5 GB");
  assert.equal(formatPrettyValue(7n, "unknown"), "n/a");
});

Deno.test("libatasmart unit codes and the quirk table", () => {
  assert.equal(prettyUnitFromLibatasmart(3), "sectors");
  assert.equal(prettyUnitFromLibatasmart(5), "small-percent");
  assert.equal(prettyUnitFromLibatasmart(99), "unknown");
  assert.deepEqual(attributeInfo(9, { model: "Maxtor 96147H8", firmware: "BAC51KJ0" }), {
    name: "power-on-minutes",
    unit: "ms",
  });
  assert.deepEqual(attributeInfo(5, { model: "X", firmware: "" }), {
    name: "reallocated-sector-count",
    unit: "sectors",
  });
});
