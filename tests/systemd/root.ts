/**
 * The Debian 12 root the systemd tier boots with `systemd-nspawn -b`: debootstrapped once
 * per machine (the network is needed only here, at install time) and cached under
 * `/var/cache/bynar-nspawn/<recipe hash>/root`. The recipe (suite, mirror, packages) is
 * hashed, so a changed package list builds a new root and an unchanged one is reused.
 *
 * The root holds systemd and the bynar package's runtime Depends and Recommends that the
 * tier exercises (so `dpkg -i` of the .deb needs no apt and no network at test time), and
 * the units Bynar is compared with in `systemd-analyze security` (smartd,
 * prometheus-node-exporter).
 *
 * Usage: `deno run -A tests/systemd/root.ts build|path` (tools/test.sh runs `build` before
 * `deno test`).
 *
 * @module
 */
import { runCommand } from "../../src/process/run.ts";

/** Where cached roots live. */
export const CACHE_DIR: string = Deno.env.get("BYNAR_NSPAWN_CACHE") ?? "/var/cache/bynar-nspawn";

/** Packages installed into the root besides debootstrap's minbase. */
export const ROOT_PACKAGES: readonly string[] = [
  // systemd as PID 1
  "systemd",
  "systemd-sysv",
  "dbus",
  // bynar's Depends (packaging/build_deb.ts DEPENDS)
  "libc6",
  "libgcc-s1",
  "libatasmart4",
  "libblkid1",
  "smartmontools",
  "e2fsprogs",
  "mount",
  "util-linux",
  "procps",
  // Recommends the units load (librados through FFI in the disk-manager)
  "librados2",
  // compared in systemd-analyze security; creates the textfile directory
  "prometheus-node-exporter",
];

/** The recipe a root is built from. */
export interface RootRecipe {
  /** Debian suite. */
  suite: string;
  /** Debian mirror (the one apt on this machine uses). */
  mirror: string;
  /** debootstrap variant. */
  variant: string;
  /** Extra packages. */
  packages: readonly string[];
  /** Bumped when the build steps change. */
  revision: number;
}

/**
 * The Debian mirror apt uses on this machine (from /etc/apt/sources.list*), or
 * `BYNAR_NSPAWN_MIRROR`.
 *
 * @returns The mirror URL.
 */
export function aptMirror(): string {
  const override = Deno.env.get("BYNAR_NSPAWN_MIRROR");
  if (override) return override;
  const texts: string[] = [];
  for (const file of ["/etc/apt/sources.list"]) {
    try {
      texts.push(Deno.readTextFileSync(file));
    } catch { /* absent */ }
  }
  try {
    for (const e of Deno.readDirSync("/etc/apt/sources.list.d")) {
      if (/\.(list|sources)$/.test(e.name)) {
        texts.push(Deno.readTextFileSync(`/etc/apt/sources.list.d/${e.name}`));
      }
    }
  } catch { /* absent */ }
  for (const text of texts) {
    for (const m of text.matchAll(/(?:^URIs:\s*|^deb\s+(?:\[[^\]]*\]\s+)?)(\S+)/gm)) {
      const uri = m[1]!;
      if (/\/debian\/?$/.test(uri)) return uri.replace(/\/$/, "");
    }
  }
  return "http://deb.debian.org/debian";
}

/**
 * The recipe of this tree.
 *
 * @returns The recipe.
 */
export function rootRecipe(): RootRecipe {
  return {
    suite: "bookworm",
    mirror: aptMirror(),
    variant: "minbase",
    packages: ROOT_PACKAGES,
    revision: 1,
  };
}

/**
 * The cache key of a recipe (first 16 hex digits of its SHA-256).
 *
 * @param recipe The recipe.
 * @returns The key.
 */
export async function recipeKey(recipe: RootRecipe): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(recipe));
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The path of the cached root for the recipe of this tree, whether built or not.
 *
 * @returns `<cache>/<key>/root`.
 */
export async function rootPath(): Promise<string> {
  return `${CACHE_DIR}/${await recipeKey(rootRecipe())}/root`;
}

/**
 * Returns the cached root when it is complete.
 *
 * @returns The root directory, or null when it has not been built.
 */
export async function cachedRoot(): Promise<string | null> {
  const root = await rootPath();
  try {
    await Deno.stat(`${root}/.bynar-root-ready`);
    return root;
  } catch {
    return null;
  }
}

async function sh(cmd: string, args: string[], timeoutMs = 900_000): Promise<void> {
  const r = await runCommand(cmd, args, { timeoutMs });
  if (r.code !== 0) {
    throw new Error(
      `Cannot build the nspawn root: ${cmd} ${args.slice(0, 3).join(" ")}… exited ${r.code}: ` +
        (r.stderr || r.stdout).trim().split("\n").slice(-5).join("\n"),
    );
  }
}

/**
 * Builds the root for the recipe of this tree unless it is cached (needs root and the
 * network). Serialised with an flock so parallel runs build it once.
 *
 * @returns The root directory.
 * @throws {Error} When debootstrap fails.
 */
export async function ensureRoot(): Promise<string> {
  const ready = await cachedRoot();
  if (ready) return ready;
  await Deno.mkdir(CACHE_DIR, { recursive: true });
  const lockFile = await Deno.open(`${CACHE_DIR}/.lock`, { create: true, write: true });
  await lockFile.lock(true);
  try {
    const again = await cachedRoot();
    if (again) return again;
    const recipe = rootRecipe();
    const root = await rootPath();
    const dir = root.slice(0, root.lastIndexOf("/"));
    const tmp = `${dir}/root.tmp`;
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    await Deno.mkdir(dir, { recursive: true });
    await sh("debootstrap", [
      `--variant=${recipe.variant}`,
      `--include=${recipe.packages.join(",")}`,
      recipe.suite,
      tmp,
      recipe.mirror,
    ]);
    // No services the tier does not test; node_exporter would bind :9100 on the host's
    // network namespace (nspawn shares it).
    await Deno.symlink("/dev/null", `${tmp}/etc/systemd/system/prometheus-node-exporter.service`)
      .catch(() => {});
    await Deno.writeTextFile(`${tmp}/etc/hostname`, "bynar-tier\n");
    await Deno.writeTextFile(`${dir}/recipe.json`, JSON.stringify(recipe, null, 2) + "\n");
    await Deno.writeTextFile(`${tmp}/.bynar-root-ready`, JSON.stringify(recipe) + "\n");
    await Deno.rename(tmp, root);
    return root;
  } finally {
    lockFile.unlockSync();
    lockFile.close();
  }
}

if (import.meta.main) {
  const cmd = Deno.args[0];
  if (cmd === "build") {
    const t0 = performance.now();
    const root = await ensureRoot();
    console.log(`${root} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } else if (cmd === "path") {
    console.log((await cachedRoot()) ?? "");
  } else {
    console.error("usage: deno run -A tests/systemd/root.ts build|path");
    Deno.exit(2);
  }
}
