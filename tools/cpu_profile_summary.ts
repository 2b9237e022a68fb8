/**
 * Summarises a V8 `.cpuprofile` (from `deno run --cpu-prof`) of the bundled program: self
 * time per source module (a bundle line is mapped to the module whose `// path` banner
 * precedes it), per package, and V8's own buckets (GC, program, idle).
 *
 * Usage: `deno run --allow-read tools/cpu_profile_summary.ts PROFILE.cpuprofile [BUNDLE_DIR]`
 * (the directory holding `bynar.js` and its chunks, e.g. `/usr/lib/bynar`).
 *
 * @module
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** One row of the summary. */
export interface Row {
  /** Module, package or V8 bucket. */
  name: string;
  /** Self time, milliseconds. */
  ms: number;
}

/**
 * Maps bundle lines to their module from the `// path` banners the bundler writes.
 *
 * @param bundle The bundle text.
 * @returns A function from a 0-based line to the module path.
 */
export function moduleOfLine(bundle: string): (line: number) => string {
  const starts: { line: number; module: string }[] = [];
  const lines = bundle.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:src|ffi|wasm|proto|node_modules|packaging)\/\S+)$/.exec(lines[i]!);
    if (m) starts.push({ line: i, module: m[1]! });
  }
  return (line: number): string => {
    let lo = 0, hi = starts.length - 1, found = "(bundle prelude)";
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line <= line) {
        found = starts[mid]!.module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/**
 * Names the package of a module path (`zod`, `commander`, `src/smart`, …).
 *
 * @param module A module path or V8 bucket.
 * @returns The package or folder.
 */
export function packageOf(module: string): string {
  const npm = /node_modules\/\.deno\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (npm) return `npm:${npm[1]}`;
  const parts = module.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : module;
}

/**
 * Self time per module and per package.
 *
 * @param profile The parsed profile.
 * @param bundle The bundle text (null: group by URL).
 * @returns Rows by module and by package, largest first, and the total.
 */
export function summarise(
  profile: Profile,
  bundle: string | null | ((file: string) => string | null),
): { modules: Row[]; packages: Row[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const maps = new Map<string, ((line: number) => string) | null>();
  const of = (url: string): ((line: number) => string) | null => {
    if (bundle === null) return null;
    if (typeof bundle === "string") {
      return maps.get("") ?? maps.set("", moduleOfLine(bundle)).get("")!;
    }
    const file = url.slice(url.lastIndexOf("/") + 1);
    if (!maps.has(file)) {
      const text = bundle(file);
      maps.set(file, text === null ? null : moduleOfLine(text));
    }
    return maps.get(file)!;
  };
  const selfUs = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!);
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (!node) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    let key: string;
    if (!url) key = `(${functionName.replace(/[()]/g, "") || "native"})`;
    else if (url.endsWith(".js") && of(url)) key = of(url)!(lineNumber);
    else if (url.startsWith("ext:") || url.startsWith("node:")) {
      key = `runtime ${url.split("/")[0]}`;
    } else key = url;
    selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
  }
  const modules = [...selfUs].map(([name, us]) => ({ name, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms);
  const pk = new Map<string, number>();
  for (const r of modules) pk.set(packageOf(r.name), (pk.get(packageOf(r.name)) ?? 0) + r.ms);
  const packages = [...pk].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { modules, packages, totalMs: (profile.endTime - profile.startTime) / 1000 };
}

if (import.meta.main) {
  const [profilePath, bundlePath] = Deno.args;
  if (!profilePath) {
    console.error("usage: cpu_profile_summary.ts PROFILE.cpuprofile [BUNDLE.js]");
    Deno.exit(2);
  }
  const profile = JSON.parse(await Deno.readTextFile(profilePath)) as Profile;
  const bundle = bundlePath
    ? (file: string) => {
      try {
        return Deno.readTextFileSync(`${bundlePath}/${file}`);
      } catch {
        return null;
      }
    }
    : null;
  const { modules, packages, totalMs } = summarise(profile, bundle);
  console.log(`profiled ${totalMs.toFixed(1)} ms`);
  console.log("\nby package / bucket (self ms):");
  for (const r of packages.slice(0, 15)) console.log(`  ${r.ms.toFixed(1).padStart(7)}  ${r.name}`);
  console.log("\nby module (self ms):");
  for (const r of modules.slice(0, 15)) console.log(`  ${r.ms.toFixed(1).padStart(7)}  ${r.name}`);
}
