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

Deno.test("checkLayers: a forbidden rule rejects a downward import it names", () => {
  const map: LayerMap = {
    ...MAP,
    layers: [...MAP.layers, { name: "native", paths: ["ffi"] }],
    forbidden: [{ from: ["src/machine"], to: ["ffi"], why: "pure cores import no FFI" }],
  };
  const r = checkLayers(["src/machine/m.ts", "src/app/a.ts", "ffi/x/mod.ts"], [
    { from: "src/machine/m.ts", to: "ffi/x/mod.ts" },
    { from: "src/app/a.ts", to: "ffi/x/mod.ts" },
  ], map);
  assert.deepEqual(r.upward, []);
  assert.deepEqual(r.forbidden.map((e) => e.from), ["src/machine/m.ts"]);
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

Deno.test("the README's map of the tree is tools/layers.json, layer by layer, and matches the tree", async () => {
  const root = new URL("../", import.meta.url).pathname;
  const readme = await Deno.readTextFile(`${root}README.md`);
  const section = readme.slice(readme.indexOf("### Map of the tree"));
  const rows = section.split("\n").filter((l) => /^\| [a-z]/.test(l) && !l.startsWith("| Layer"))
    .map((l) => l.split("|").map((c) => c.trim()));
  const fromReadme = rows.map((r) => ({
    name: r[1]!.replace(/ /g, "-"),
    paths: [...r[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, "")),
  }));
  const map = JSON.parse(await Deno.readTextFile(`${root}tools/layers.json`)) as LayerMap;
  assert.deepEqual(fromReadme, map.layers);
  for (const layer of map.layers) {
    for (const p of layer.paths) {
      assert.ok(await Deno.stat(`${root}${p}`).then(() => true, () => false), `${p} exists`);
    }
  }
  const mapped = new Set(map.layers.flatMap((l) => l.paths));
  for await (const e of Deno.readDir(`${root}src`)) {
    if (e.name.endsWith("_test.ts")) continue;
    assert.ok(mapped.has(`src/${e.name}`), `src/${e.name} is in the map`);
  }
});
