/**
 * The product as shipped, for end-to-end tests: the Debian package built from the tree under
 * test (`packaging/build_deb.ts`, the same code as `deno task deb`), unpacked with `dpkg -x`,
 * and run through its `/usr/bin/bynar` launcher with the packaged permission flags — never
 * `--allow-all`.
 *
 * The package is built once per tree content and shared by every test process of a run (and
 * by concurrent runs): it lives in `/var/tmp/bynar-shipped/<hash>/`, where the hash covers
 * every file the package is built from; an flock serialises the build.
 *
 * Files the product must read or write as shipped have to be inside its allow-list:
 * {@linkcode shippedScratchDir} makes a private directory under `/run/bynar` (readable and
 * writable by the launcher) for configs, databases and keys.
 *
 * @example
 * ```ts
 * const r = await runShipped(["--check", "--format", "json", "--no-db"]);
 * assert.equal(r.code, 0, r.stderr);
 * ```
 *
 * @module
 */
import { join } from "node:path";
import { buildDeb } from "../../packaging/build_deb.ts";

/** Where built packages are cached, one directory per tree hash. */
export const SHIPPED_CACHE = "/var/tmp/bynar-shipped";

const ROOT = new URL("../../", import.meta.url).pathname;

/** The inputs of the package (relative to the repository root). */
const INPUTS = ["src", "packaging", "proto", "ffi", "wasm", "deno.json", "deno.lock"];

/** The unpacked package. */
export interface ShippedProduct {
  /** The .deb file. */
  readonly deb: string;
  /** The package tree (`dpkg -x`): `usr/bin/bynar`, `usr/lib/bynar/…`, `etc/…`, `lib/systemd/…`. */
  readonly tree: string;
  /** The launcher, `<tree>/usr/bin/bynar`. */
  readonly bynar: string;
  /** The disk-manager front's launcher, `<tree>/usr/lib/bynar/bynar-front`. */
  readonly front: string;
  /** The executor's launcher, `<tree>/usr/lib/bynar/bynar-executor`. */
  readonly executor: string;
  /** The content hash of the inputs it was built from. */
  readonly hash: string;
}

/** What a run of the launcher returned. */
export interface ShippedResult {
  /** Exit code. */
  readonly code: number;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** Which launcher of the package: `bynar` (CLI), `front` or `executor`. */
export type ShippedLauncher = "bynar" | "front" | "executor";

/** Options for {@linkcode runShipped}. */
export interface RunShippedOptions {
  /**
   * Which launcher runs (each has its own permission set).
   * @default "bynar"
   */
  launcher?: ShippedLauncher | undefined;
  /** Extra environment (the launcher sees only this plus PATH/HOME/RUST_BACKTRACE/NO_COLOR). */
  env?: Record<string, string>;
  /**
   * Content of the launcher's defaults file (`/etc/default/bynar` syntax, e.g.
   * `BYNAR_ALLOW_NET=jira.example:443`), written to a private file and passed as
   * `BYNAR_DEFAULTS`. Without it an empty defaults file is used, so the host's
   * `/etc/default/bynar` never leaks into a test.
   */
  defaults?: string;
  /** Text for standard input. */
  stdin?: string;
  /** Working directory. */
  cwd?: string;
  /**
   * Kill the process after this many milliseconds.
   * @default 120000
   */
  timeoutMs?: number;
}

async function walk(path: string, out: string[]): Promise<void> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.lstat(path);
  } catch {
    return;
  }
  if (info.isFile) {
    out.push(path);
    return;
  }
  if (!info.isDirectory) return;
  for await (const entry of Deno.readDir(path)) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    await walk(join(path, entry.name), out);
  }
}

/**
 * The content hash of everything the package is built from.
 *
 * @param root The repository root.
 * @returns A hex SHA-256 over every input file's relative path and content.
 */
export async function shippedInputsHash(root: string = ROOT): Promise<string> {
  const files: string[] = [];
  for (const input of INPUTS) await walk(join(root, input), files);
  files.sort();
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const file of files) {
    parts.push(enc.encode(`\0${file.slice(root.length)}\0`));
    parts.push(await Deno.readFile(file));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 16);
}

async function must(cmd: string, args: string[]): Promise<void> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  if (out.code !== 0) {
    throw new Error(
      `${cmd} ${args.join(" ")} exited with ${out.code}: ${new TextDecoder().decode(out.stderr)}`,
    );
  }
}

/** Builds of other trees older than this are removed when a new one is made. */
const KEEP_BUILDS_MS = 6 * 3600_000;

/** Removes cached builds of other trees not used for {@linkcode KEEP_BUILDS_MS} (under the lock). */
async function pruneOldBuilds(current: string): Promise<void> {
  for await (const entry of Deno.readDir(SHIPPED_CACHE)) {
    if (!entry.isDirectory || entry.name === current) continue;
    const dir = join(SHIPPED_CACHE, entry.name);
    const mtime = (await Deno.stat(dir).catch(() => null))?.mtime?.getTime() ?? Date.now();
    if (Date.now() - mtime > KEEP_BUILDS_MS) {
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  }
}

let product: Promise<ShippedProduct> | undefined;

/**
 * Builds (or reuses) the package for the tree under test and unpacks it.
 *
 * @returns The unpacked product.
 */
export function shippedProduct(): Promise<ShippedProduct> {
  product ??= (async () => {
    const hash = await shippedInputsHash();
    const dir = join(SHIPPED_CACHE, hash);
    const ready = join(dir, "ready");
    await Deno.mkdir(SHIPPED_CACHE, { recursive: true });
    const lock = await Deno.open(join(SHIPPED_CACHE, ".lock"), { create: true, write: true });
    try {
      await lock.lock(true);
      const deb = join(dir, "bynar.deb");
      const tree = join(dir, "tree");
      try {
        await Deno.stat(ready);
        // Marks the build as used (pruning keeps recently used builds).
        await Deno.utime(dir, new Date(), new Date()).catch(() => {});
      } catch {
        await Deno.remove(dir, { recursive: true }).catch(() => {});
        await Deno.mkdir(dir, { recursive: true });
        const built = await buildDeb({ root: ROOT, outDir: dir, compression: "none" });
        await Deno.rename(built, deb);
        await must("dpkg", ["-x", deb, tree]);
        await Deno.writeTextFile(ready, new Date().toISOString());
        await pruneOldBuilds(hash);
      }
      return {
        deb,
        tree,
        bynar: join(tree, "usr/bin/bynar"),
        front: join(tree, "usr/lib/bynar/bynar-front"),
        executor: join(tree, "usr/lib/bynar/bynar-executor"),
        hash,
      };
    } finally {
      lock.close();
    }
  })();
  return product;
}

/**
 * Makes a private directory under `/run/bynar` (inside the shipped allow-list) and removes
 * it when the test process ends.
 *
 * @param prefix A name prefix.
 * @returns The directory path.
 */
export async function shippedScratchDir(prefix = "test"): Promise<string> {
  await Deno.mkdir("/run/bynar", { recursive: true, mode: 0o700 });
  const dir = `/run/bynar/${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  await Deno.mkdir(dir, { mode: 0o700 });
  globalThis.addEventListener("unload", () => {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch {
      // already gone
    }
  });
  return dir;
}

/**
 * Runs the shipped launcher with the packaged permission flags.
 *
 * @param args Command-line arguments for `bynar`.
 * @param options Environment, defaults file, stdin, cwd, timeout.
 * @returns Exit code and output.
 */
export async function runShipped(
  args: readonly string[],
  options: RunShippedOptions = {},
): Promise<ShippedResult> {
  const bynar = (await shippedProduct())[options.launcher ?? "bynar"];
  const defaultsDir = await Deno.makeTempDir({ prefix: "bynar-defaults-" });
  const defaults = join(defaultsDir, "bynar");
  await Deno.writeTextFile(defaults, options.defaults ?? "");
  try {
    const child = new Deno.Command(bynar, {
      args: [...args],
      clearEnv: true,
      env: {
        PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
        HOME: "/root",
        RUST_BACKTRACE: "0",
        NO_COLOR: "1",
        BYNAR_DEFAULTS: defaults,
        ...options.env,
      },
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      stdin: options.stdin === undefined ? "null" : "piped",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
    }).spawn();
    if (options.stdin !== undefined) {
      const w = child.stdin.getWriter();
      await w.write(new TextEncoder().encode(options.stdin));
      await w.close();
    }
    const out = await child.output();
    const dec = new TextDecoder();
    return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
  } finally {
    await Deno.remove(defaultsDir, { recursive: true });
  }
}

/**
 * The argv that starts the shipped launcher (for tests that spawn long-running daemons
 * themselves, e.g. `bynar detect` or `bynar disk-manager`).
 *
 * @param args Command-line arguments for `bynar`.
 * @param options Which launcher (`bynar`, `front`, `executor`).
 * @returns `[launcherPath, ...args]`.
 */
export async function shippedArgv(
  args: readonly string[],
  options: { launcher?: ShippedLauncher | undefined } = {},
): Promise<string[]> {
  const bynar = (await shippedProduct())[options.launcher ?? "bynar"];
  return [bynar, ...args];
}
