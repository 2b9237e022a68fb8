/**
 * `deno task compile`: builds the single permission-scoped binary `dist/bynar`.
 *
 * `deno compile` has to download the `denort` runtime from dl.deno.land. Where that host
 * cannot be reached (our build machines and CI), the task stops within seconds with a
 * message saying so and pointing to the Debian package (`deno task deb`), which runs the
 * same program with exactly the same permission flags.
 *
 * Usage: `deno task compile [--output dist/bynar] [--config-dir DIR] [--allow-net-host H:P]…`
 * (`--config-dir` derives the network destinations and the ticket_command program from
 * that configuration).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { loadConfigFile } from "../src/config/load.ts";
import { BynarConfigSchema, DiskManagerConfigSchema } from "../src/config/schema.ts";
import { BynarError } from "../src/errors.ts";
import { netHostsFromConfig, programsFromConfig } from "./config_grants.ts";
import { permissionFlags, type PermissionOptions } from "./permissions.ts";

/** Options for {@linkcode compileArgs}. */
export interface CompileArgsOptions {
  /**
   * The program entry.
   * @default "src/main.ts"
   */
  entry?: string;
  /**
   * The output binary.
   * @default "dist/bynar"
   */
  output?: string;
  /**
   * Non-imported files and directories to embed (`--include`).
   * @default []
   */
  includes?: readonly string[];
  /**
   * Permission options (network destinations, textfile directory).
   * @default {}
   */
  permissions?: PermissionOptions;
}

/** Non-imported assets embedded when present: the WASM parser, the proto schema, configs. */
export const ASSET_CANDIDATES: readonly string[] = [
  "wasm/build",
  "proto/bynar.proto",
  "packaging/etc/bynar",
];

/** The denort archive `deno compile` downloads for this Deno version and platform. */
export function denortUrl(version: string = Deno.version.deno): string {
  return `https://dl.deno.land/release/v${version}/denort-x86_64-unknown-linux-gnu.zip`;
}

/**
 * Builds the argument vector of `deno compile` (without the `deno` executable itself).
 *
 * @param options Entry, output, embedded assets and permission options.
 * @returns `["compile", …flags, "--output", out, entry]`.
 */
export function compileArgs(options: CompileArgsOptions = {}): string[] {
  const args = ["compile", "--config", "deno.json", "--no-prompt"];
  args.push(...permissionFlags(options.permissions ?? {}));
  for (const include of options.includes ?? []) args.push("--include", include);
  args.push("--output", options.output ?? "dist/bynar", options.entry ?? "src/main.ts");
  return args;
}

/**
 * The message shown when dl.deno.land cannot be reached.
 *
 * @param reason What failed (DNS, connect, timeout).
 * @param version The package version (for the .deb name).
 * @returns A message saying what failed and what to do instead.
 */
export function unreachableMessage(reason: string, version: string): string {
  return `Cannot compile "dist/bynar": deno compile must download the denort runtime from ` +
    `${denortUrl()}, which is unreachable from this machine (${reason}).\n` +
    `Build the Debian package instead: \`deno task deb\` → dist/bynar_${version}_amd64.deb ` +
    `(the same program and exactly the same permission flags, run by the pinned Deno runtime).\n` +
    `Or run \`deno task compile\` on a machine with internet access.`;
}

/**
 * Whether a failed `deno compile`'s stderr shows the runtime download failing.
 *
 * @param stderr Standard error of `deno compile`.
 * @returns True for DNS, connection and download errors on dl.deno.land.
 */
export function isDownloadFailure(stderr: string): boolean {
  return /dl\.deno\.land/.test(stderr) &&
    /(dns error|error sending request|Connect|timed out|Failed to download)/i.test(stderr);
}

/**
 * Checks that the runtime archive is cached or dl.deno.land answers, within a timeout.
 *
 * @param options The Deno cache directory and timeout.
 * @returns null when compiling can proceed, otherwise the reason it cannot.
 */
export async function denortProblem(
  options: { denoDir: string; timeoutMs?: number },
): Promise<string | null> {
  if (Deno.env.get("DENORT_BIN")) return null;
  const cached = join(
    options.denoDir,
    "dl",
    "release",
    `v${Deno.version.deno}`,
    "denort-x86_64-unknown-linux-gnu.zip",
  );
  try {
    await Deno.stat(cached);
    return null;
  } catch {
    // not cached: try the network
  }
  try {
    const res = await fetch(denortUrl(), {
      method: "HEAD",
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    await res.body?.cancel();
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (err) {
    const cause = (err as Error).cause as Error | undefined;
    return `${(err as Error).message}${cause?.message ? `: ${cause.message}` : ""}`;
  }
}

/**
 * Lists the asset candidates that exist under the repository root.
 *
 * @param root The repository root.
 * @returns Relative paths to pass to `--include`.
 */
export async function existingAssets(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const candidate of ASSET_CANDIDATES) {
    try {
      await Deno.stat(join(root, candidate));
      found.push(candidate);
    } catch {
      // absent: nothing to embed
    }
  }
  return found;
}

/**
 * Derives the configuration-dependent grants from a directory (secrets are not resolved).
 *
 * @param dir The configuration directory.
 * @returns Network destinations and extra programs.
 * @throws {ConfigError} When a file is invalid.
 * @throws {RangeError} When ticket_command is not an absolute path.
 */
export async function grantsFromDir(
  dir: string,
): Promise<{ netHosts: string[]; programs: string[] }> {
  const bynar = await loadConfigFile(join(dir, "bynar.json"), BynarConfigSchema);
  const diskManager = await loadConfigFile(join(dir, "disk-manager.json"), DiskManagerConfigSchema);
  return {
    netHosts: netHostsFromConfig({ bynar: bynar.value, diskManager: diskManager.value }),
    programs: programsFromConfig(bynar.value),
  };
}

async function readVersion(root: string): Promise<string> {
  const json = JSON.parse(await Deno.readTextFile(join(root, "deno.json"))) as { version: string };
  return json.version;
}

async function denoDir(): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), { args: ["info", "--json"], stderr: "null" })
    .output();
  return (JSON.parse(new TextDecoder().decode(out.stdout)) as { denoDir: string }).denoDir;
}

/**
 * Runs the task: preflight, then `deno compile`.
 *
 * @param argv Task arguments.
 * @returns The process exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      output: { type: "string", default: "dist/bynar" },
      "config-dir": { type: "string" },
      "allow-net-host": { type: "string", multiple: true, default: [] },
    },
  });
  const root = new URL("..", import.meta.url).pathname;
  const version = await readVersion(root);
  const problem = await denortProblem({ denoDir: await denoDir() });
  if (problem) {
    console.error(unreachableMessage(problem, version));
    return 1;
  }
  const netHosts = [...values["allow-net-host"]];
  const programs: string[] = [];
  if (values["config-dir"]) {
    const grants = await grantsFromDir(values["config-dir"]);
    netHosts.push(...grants.netHosts);
    programs.push(...grants.programs);
  }
  const args = compileArgs({
    output: values.output,
    includes: await existingAssets(root),
    permissions: { netHosts, programs },
  });
  await Deno.mkdir(join(root, "dist"), { recursive: true });
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd: root,
    stdout: "inherit",
    stderr: "piped",
  }).spawn();
  const { code, stderr } = await child.output();
  const text = new TextDecoder().decode(stderr);
  if (code !== 0 && isDownloadFailure(text)) {
    console.error(unreachableMessage("the download failed", version));
    return 1;
  }
  await Deno.stderr.write(stderr);
  if (code === 0) console.error(`Built ${values.output} (${args.length} compile arguments)`);
  return code;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (err) {
    console.error(err instanceof BynarError ? err.message : `compile: ${(err as Error).message}`);
    Deno.exit(1);
  }
}
