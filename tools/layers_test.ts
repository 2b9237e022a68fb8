import assert from "node:assert/strict";
import { checkLayers, folderCycles, folderOf, type LayerMap, layerOf } from "./layers.ts";

const MAP: LayerMap = {
  groupUnder: ["src"],
  layers: [
    { name: "app", paths: ["src/app"] },
    { name: "domain", paths: ["src/machine", "src/detect"] },
    { name: "adapters", paths: ["src/store"] },
    { name: "base", paths: ["src/errors.ts"] },
  ],
};

Deno.test("layerOf / folderOf: longest path wins; files in src/ are their own unit", () => {
  assert.deepEqual(layerOf("src/machine/runner.ts", MAP), { index: 1, name: "domain" });
  assert.deepEqual(layerOf("src/errors.ts", MAP), { index: 3, name: "base" });
  assert.equal(layerOf("src/nowhere/x.ts", MAP), null);
  assert.equal(folderOf("src/machine/a/b.ts", MAP), "src/machine");
  assert.equal(folderOf("src/errors.ts", MAP), "src/errors.ts");
});

Deno.test("checkLayers: an upward import and a folder cycle are rejected, downward is fine", () => {
  const modules = ["src/app/a.ts", "src/machine/m.ts", "src/store/s.ts", "src/errors.ts"];
  const ok = checkLayers(modules, [
    { from: "src/app/a.ts", to: "src/machine/m.ts" },
    { from: "src/machine/m.ts", to: "src/errors.ts" },
  ], MAP);
  assert.deepEqual([ok.upward, ok.cycles, ok.unmapped], [[], [], []]);
  const bad = checkLayers(modules, [
    { from: "src/store/s.ts", to: "src/machine/m.ts" },
    { from: "src/machine/m.ts", to: "src/store/s.ts" },
  ], MAP);
  assert.deepEqual(bad.upward.map((e) => e.from), ["src/store/s.ts"]);
  assert.deepEqual(bad.cycles, [["src/machine", "src/store"]]);
  assert.equal(bad.cycleEdges.length, 2);
  assert.deepEqual(checkLayers(["src/x/y.ts"], [], MAP).unmapped, ["src/x/y.ts"]);
});

Deno.test("folderCycles: finds a three-folder cycle once", () => {
  const cycles = folderCycles([
    { from: "a", to: "b" },
    { from: "b", to: "c" },
    { from: "c", to: "a" },
    { from: "c", to: "d" },
  ]);
  assert.deepEqual(cycles, [["a", "b", "c"]]);
});
