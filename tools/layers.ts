/**
 * The layer and cycle check: reads the module graph of the product code (`deno info --json`
 * over every module of `src/`, `ffi/` and `wasm/build/`, test files excluded) and fails on
 *
 * - an import from a lower layer into a higher one (the layer map is `tools/layers.json`,
 *   the same map as the README's development section),
 * - an import a `forbidden` rule of the map names (the pure cores import no FFI binding),
 * - any cycle between folders (`src/machine` ⇄ `src/store` and the like).
 *
 * Usage: `deno run --allow-read --allow-run --allow-write=/tmp tools/layers.ts [root] [map]`
 * (`deno task layers`). Prints the rejected imports and cycles, then a summary line with the
 * number of modules, import edges, rejected modules and rejected edges; exits 1 when any.
 *
 * @module
 */
import { join, relative, resolve } from "node:path";

/** The layer map: folders (or files) by layer, top (may import anything below) first. */
export interface LayerMap {
  /** Layers, top first; a module may import only from its own layer or a lower one. */
  layers: { name: string; paths: string[] }[];
  /** Folder prefixes whose modules are grouped one level deeper (e.g. `src` → `src/cli`). */
  groupUnder: string[];
  /** Imports forbidden although they go downwards (e.g. pure cores → FFI). */
  forbidden?: { from: string[]; to: string[]; why: string }[];
}

/** One import between two product modules (paths relative to the root). */
export interface Edge {
  /** The importing module. */
  from: string;
  /** The imported module. */
  to: string;
}

/** What the check found. */
export interface LayerReport {
  /** Product modules in the graph. */
  modules: number;
  /** Imports between product modules. */
  edges: number;
  /** Imports that go up a layer. */
  upward: (Edge & { fromLayer: string; toLayer: string })[];
  /** Imports a `forbidden` rule of the map names. */
  forbidden: (Edge & { why: string })[];
  /** Modules not covered by the layer map. */
  unmapped: string[];
  /** Folder-level cycles, each as the folders in order. */
  cycles: string[][];
  /** Imports that take part in a folder cycle. */
  cycleEdges: Edge[];
}

function isProduct(path: string): boolean {
  return /\.ts$/.test(path) && !/_test\.ts$/.test(path) && !/_bench\.ts$/.test(path) &&
    !path.includes("/node_modules/") && !path.startsWith("wasm/assembly/");
}

async function walk(dir: string, root: string, out: string[]): Promise<void> {
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      await walk(p, root, out);
    } else if (e.isFile && isProduct(relative(root, p))) out.push(relative(root, p));
  }
}

/**
 * Lists the product modules under `src/`, `ffi/` and `wasm/` (not `wasm/assembly/`).
 *
 * @param root The repository root.
 * @returns Paths relative to the root, sorted.
 */
export async function productModules(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const top of ["src", "ffi", "wasm"]) {
    try {
      await walk(join(root, top), root, out);
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) throw err;
    }
  }
  return out.sort();
}

interface InfoModule {
  specifier: string;
  dependencies?: {
    specifier: string;
    code?: { specifier?: string };
    type?: { specifier?: string };
  }[];
}

/**
 * Reads the import graph of the given modules with `deno info --json` (static and dynamic
 * imports, type-only imports included).
 *
 * @param root The repository root.
 * @param modules Paths relative to the root.
 * @returns The edges between those modules.
 */
export async function importEdges(root: string, modules: readonly string[]): Promise<Edge[]> {
  const entry = await Deno.makeTempFile({ dir: "/tmp", prefix: "bynar-layers-", suffix: ".ts" });
  try {
    await Deno.writeTextFile(
      entry,
      modules.map((m) => `import "${new URL(`file://${resolve(root, m)}`).href}";`).join("\n"),
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", "--config", join(root, "deno.json"), entry],
      cwd: root,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      throw new Error(`deno info failed: ${new TextDecoder().decode(out.stderr)}`);
    }
    const info = JSON.parse(new TextDecoder().decode(out.stdout)) as { modules: InfoModule[] };
    const known = new Set(modules);
    const rel = (spec: string | undefined): string | null => {
      if (!spec?.startsWith("file://")) return null;
      const r = relative(root, new URL(spec).pathname);
      return known.has(r) ? r : null;
    };
    const edges = new Map<string, Edge>();
    for (const m of info.modules) {
      const from = rel(m.specifier);
      if (!from) continue;
      for (const d of m.dependencies ?? []) {
        for (const target of [d.code?.specifier, d.type?.specifier]) {
          const to = rel(target);
          if (to && to !== from) edges.set(`${from}\0${to}`, { from, to });
        }
      }
    }
    return [...edges.values()].sort((a, b) =>
      a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from)
    );
  } finally {
    await Deno.remove(entry);
  }
}

/**
 * The folder a module belongs to for the cycle check: `src/<name>` (a file directly in
 * `src/` is its own unit), `ffi/<name>`.
 *
 * @param path Module path relative to the root.
 * @param map The layer map.
 * @returns The folder (or file) name.
 */
export function folderOf(path: string, map: LayerMap): string {
  for (const g of map.groupUnder) {
    if (path.startsWith(`${g}/`)) {
      const rest = path.slice(g.length + 1).split("/");
      return rest.length > 1 ? `${g}/${rest[0]}` : path;
    }
  }
  return path.split("/")[0]!;
}

/**
 * The layer of a module: the longest matching path of the map.
 *
 * @param path Module path relative to the root.
 * @param map The layer map.
 * @returns The layer index (0 = top) and name, or null when unmapped.
 */
export function layerOf(path: string, map: LayerMap): { index: number; name: string } | null {
  let best: { index: number; name: string; len: number } | null = null;
  map.layers.forEach((layer, index) => {
    for (const p of layer.paths) {
      if ((path === p || path.startsWith(`${p}/`)) && (!best || p.length > best.len)) {
        best = { index, name: layer.name, len: p.length };
      }
    }
  });
  const b = best as { index: number; name: string; len: number } | null;
  return b ? { index: b.index, name: b.name } : null;
}

/**
 * Strongly connected components of the folder graph with more than one folder (Tarjan).
 *
 * @param edges Folder edges.
 * @returns The cycles, each sorted, the list sorted.
 */
export function folderCycles(edges: readonly Edge[]): string[][] {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    adj.set(e.from, [...(adj.get(e.from) ?? []), e.to]);
    if (!adj.has(e.to)) adj.set(e.to, []);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    on.add(v);
    for (const w of adj.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...adj.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * Checks the module graph against the layer map.
 *
 * @param modules Product modules.
 * @param edges Imports between them.
 * @param map The layer map.
 * @returns The report.
 */
export function checkLayers(
  modules: readonly string[],
  edges: readonly Edge[],
  map: LayerMap,
): LayerReport {
  const upward: LayerReport["upward"] = [];
  const unmapped = modules.filter((m) => !layerOf(m, map));
  for (const e of edges) {
    const a = layerOf(e.from, map);
    const b = layerOf(e.to, map);
    if (a && b && b.index < a.index) upward.push({ ...e, fromLayer: a.name, toLayer: b.name });
  }
  const under = (path: string, prefixes: string[]): boolean =>
    prefixes.some((p) => path === p || path.startsWith(`${p}/`));
  const forbidden: LayerReport["forbidden"] = [];
  for (const e of edges) {
    for (const rule of map.forbidden ?? []) {
      if (under(e.from, rule.from) && under(e.to, rule.to)) forbidden.push({ ...e, why: rule.why });
    }
  }
  const folderEdges = edges.map((e) => ({ from: folderOf(e.from, map), to: folderOf(e.to, map) }));
  const cycles = folderCycles(folderEdges);
  const inCycle = new Map<string, number>();
  cycles.forEach((c, i) => c.forEach((f) => inCycle.set(f, i)));
  const cycleEdges = edges.filter((e) => {
    const a = inCycle.get(folderOf(e.from, map));
    const b = inCycle.get(folderOf(e.to, map));
    return a !== undefined && a === b && folderOf(e.from, map) !== folderOf(e.to, map);
  });
  return {
    modules: modules.length,
    edges: edges.length,
    upward,
    forbidden,
    unmapped,
    cycles,
    cycleEdges,
  };
}

/**
 * Loads the layer map.
 *
 * @param path `tools/layers.json`.
 * @returns The map.
 */
export async function loadLayerMap(path: string): Promise<LayerMap> {
  return JSON.parse(await Deno.readTextFile(path)) as LayerMap;
}

async function main(): Promise<void> {
  const root = resolve(Deno.args[0] ?? new URL("..", import.meta.url).pathname);
  const mapPath = Deno.args[1] ?? new URL("./layers.json", import.meta.url).pathname;
  const map = await loadLayerMap(mapPath);
  const modules = await productModules(root);
  const edges = await importEdges(root, modules);
  const r = checkLayers(modules, edges, map);
  for (const e of r.upward) {
    console.log(`upward import: ${e.from} (${e.fromLayer}) -> ${e.to} (${e.toLayer})`);
  }
  for (const e of r.forbidden) console.log(`forbidden import: ${e.from} -> ${e.to} (${e.why})`);
  for (const m of r.unmapped) console.log(`not in the layer map: ${m}`);
  for (const c of r.cycles) console.log(`folder cycle: ${c.join(" <-> ")}`);
  for (const e of r.cycleEdges) console.log(`  cycle edge: ${e.from} -> ${e.to}`);
  const bad = [...r.upward, ...r.forbidden, ...r.cycleEdges];
  const badEdges = new Set(bad.map((e) => `${e.from}\0${e.to}`));
  const badModules = new Set([...bad.map((e) => e.from), ...r.unmapped]);
  console.log(
    `layers: ${r.modules} modules, ${r.edges} import edges; rejected: ${badModules.size} modules, ` +
      `${badEdges.size} import edges (${r.upward.length} upward, ${r.forbidden.length} forbidden, ` +
      `${r.cycles.length} folder cycles, ${r.unmapped.length} unmapped)`,
  );
  if (badEdges.size > 0 || r.unmapped.length > 0) Deno.exit(1);
}

if (import.meta.main) await main();
