/**
 * `deno task deb`: builds `dist/bynar_<version>_amd64.deb` with `dpkg-deb`.
 *
 * The package holds the program as one `deno bundle` file, the pinned Deno runtime (the
 * real ELF from `tools/deno`), and a `/usr/bin/bynar` launcher that runs the bundle with
 * exactly the permission flags the compiled binary gets ({@linkcode permissionFlags}).
 * The launcher finds the runtime and the bundle relative to its own location
 * (`<prefix>/bin/bynar` → `<prefix>/lib/bynar/`), so a tree unpacked with `dpkg -x` into any
 * directory runs as well as an installed one.
 *
 * Usage: `deno task deb [--out-dir dist] [--compression xz|gzip|zstd|none]`
 *
 * @module
 */
import { parseArgs } from "node:util";
import { dirname, join } from "node:path";
import { CommandError } from "../src/errors.ts";
import { permissionFlags, type PermissionProcess, permissionTable } from "./permissions.ts";
import { copyrightFile, type LicensedComponent, readNpmLicense } from "./copyright.ts";
import { type HelpScreen, manPage, subcommandsOf } from "./manpage.ts";

/** Package name. */
export const PACKAGE = "bynar";

/** Where the runtime, the bundle and the assets live in the package. */
export const LIB_DIR = "usr/lib/bynar";

/**
 * `Depends:` — what the Deno ELF links to, the libraries loaded through FFI, and the
 * programs every host uses: smartctl, e2fsck/mkfs.ext4 (e2fsprogs), mount/umount (mount),
 * `kill` for the units' ExecReload (procps).
 */
export const DEPENDS: readonly string[] = [
  "libc6",
  "libgcc-s1",
  "libatasmart4",
  "libblkid1",
  "smartmontools",
  "e2fsprogs",
  "mount",
  "procps",
];

/**
 * `Recommends:` — the Ceph backend: librados (FFI), ceph-volume and ceph-osd (package
 * ceph-osd), sgdisk for journal partitions (gdisk) and partprobe (parted). A host without
 * Ceph runs `bynar --check` and the detector without them.
 */
export const RECOMMENDS: readonly string[] = ["librados2", "ceph-osd", "gdisk", "parted"];

/** `Suggests:` — XFS repair, and the consumer of the Prometheus textfile. */
export const SUGGESTS: readonly string[] = ["xfsprogs", "prometheus-node-exporter"];

/**
 * `Maintainer:`. A placeholder in a reserved domain until the project names a real list;
 * lintian accepts it, a real upload must not.
 */
export const MAINTAINER = "Bynar maintainers <bynar-maintainers@example.org>";

/** The one-line summary (control Description, man page NAME). */
export const SUMMARY = "disk health checks, repair and Ceph disk replacement";

/**
 * `deno run` flags placed before the permission flags in the launcher: no config or lock
 * discovery from the working directory, no module downloads, never prompt, no Deno
 * diagnostics on stderr (`--quiet`; Bynar's own output is unaffected).
 */
export const RUNTIME_FLAGS: readonly string[] = [
  "run",
  "--no-config",
  "--no-lock",
  "--no-remote",
  "--no-npm",
  "--no-prompt",
  "--quiet",
];

/** Permission flags the launcher lets `/etc/default/bynar` extend (flag kind → variable). */
export const EXTENSIBLE: Readonly<Record<string, string>> = {
  "--allow-write": "BYNAR_ALLOW_WRITE",
  "--allow-run": "BYNAR_ALLOW_RUN",
  "--allow-net": "BYNAR_ALLOW_NET",
};

/** Package metadata for {@linkcode controlFile}. */
export interface PackageMeta {
  /** Debian version, e.g. `0.2.0`. */
  version: string;
  /** Installed size in KiB. */
  installedSizeKiB: number;
  /**
   * Debian architecture.
   * @default "amd64"
   */
  architecture?: string;
}

/**
 * The `DEBIAN/control` file.
 *
 * @param meta Version, size and architecture.
 * @returns The control file text (ends with a newline).
 * @throws {RangeError} When the version is not a valid Debian upstream version.
 */
export function controlFile(meta: PackageMeta): string {
  if (!/^[0-9][A-Za-z0-9.+~-]*$/.test(meta.version)) {
    throw new RangeError(`Cannot build the control file: version "${meta.version}" is invalid`);
  }
  return [
    `Package: ${PACKAGE}`,
    `Version: ${meta.version}`,
    `Architecture: ${meta.architecture ?? "amd64"}`,
    `Maintainer: ${MAINTAINER}`,
    `Installed-Size: ${Math.ceil(meta.installedSizeKiB)}`,
    `Depends: ${DEPENDS.join(", ")}`,
    `Recommends: ${RECOMMENDS.join(", ")}`,
    `Suggests: ${SUGGESTS.join(", ")}`,
    "Section: admin",
    "Priority: optional",
    `Description: ${SUMMARY}`,
    " Bynar checks every disk of a host (SMART, filesystems), repairs what can be",
    " repaired, takes dead disks out of the Ceph cluster, files a ticket and adds",
    " the replacement back. It runs as a Nagios plugin (bynar --check), a detector",
    " daemon and a per-host HTTPS disk-manager API, under a fixed Deno permission",
    " allow-list.",
    "",
  ].join("\n");
}

/**
 * Quotes a word for POSIX sh.
 *
 * @param word Any string.
 * @returns The word in single quotes.
 */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Options for {@linkcode launcherScript}. */
export interface LauncherOptions {
  /** The permission flags ({@linkcode permissionFlags}). */
  flags: readonly string[];
  /**
   * The `deno run` flags before them.
   * @default RUNTIME_FLAGS
   */
  runtimeFlags?: readonly string[];
  /**
   * Where the launcher is installed: `bin` (`<prefix>/bin/bynar`) or `lib`
   * (`<prefix>/lib/bynar/bynar-front`, next to the runtime and the bundle).
   * @default "bin"
   */
  location?: "bin" | "lib" | undefined;
  /** A comment line naming the program the flags are for. */
  comment?: string | undefined;
}

/**
 * The launchers of the package: `/usr/bin/bynar` (every grant: the check, the detector,
 * the admin commands), and the two halves of the disk-manager with their own, smaller
 * permission sets (`packaging/permissions.ts`, {@linkcode PermissionProcess}).
 */
export const LAUNCHERS: readonly { dest: string; process: PermissionProcess }[] = [
  { dest: "usr/bin/bynar", process: "cli" },
  { dest: `${LIB_DIR}/bynar-front`, process: "front" },
  { dest: `${LIB_DIR}/bynar-executor`, process: "executor" },
];

/**
 * The `/usr/bin/bynar` launcher (POSIX sh).
 *
 * It resolves its own path, runs `<prefix>/lib/bynar/deno` on `<prefix>/lib/bynar/bynar.js`
 * with the given flags, and appends `BYNAR_ALLOW_NET` / `BYNAR_ALLOW_WRITE` /
 * `BYNAR_ALLOW_RUN` from `/etc/default/bynar` (or `$BYNAR_DEFAULTS`) to the net, write and
 * run lists; with all three empty the flags are exactly `flags`.
 *
 * @param options The flags.
 * @returns The script text.
 */
export function launcherScript(options: LauncherOptions): string {
  const lines = [
    "#!/bin/sh",
    "# Bynar launcher, generated by packaging/build_deb.ts; permission flags come from",
    "# packaging/permissions.ts (the same flags as the compiled binary).",
    "set -e",
    ...(options.comment ? [`# ${options.comment}`] : []),
    'self=$(readlink -f -- "$0")',
    options.location === "lib" ? 'lib="${self%/*}"' : 'lib="${self%/bin/*}/lib/bynar"',
    "BYNAR_ALLOW_NET=",
    "BYNAR_ALLOW_WRITE=",
    "BYNAR_ALLOW_RUN=",
    'defaults="${BYNAR_DEFAULTS:-/etc/default/bynar}"',
    '# shellcheck disable=SC1090\nif [ -r "$defaults" ]; then . "$defaults"; fi',
    "# A fixed PATH: programs in --allow-run are resolved through it.",
    "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
    "DENO_NO_UPDATE_CHECK=1",
    "export PATH DENO_NO_UPDATE_CHECK",
    "# V8 code cache of the bundle: a start takes about 100 ms with it, 280 ms without.",
    'if [ -z "${DENO_DIR:-}" ] && [ -d /var/cache/bynar ] && [ -w /var/cache/bynar ]; then',
    "  DENO_DIR=/var/cache/bynar",
    "  export DENO_DIR",
    "fi",
    'exec "$lib/deno" \\',
  ];
  for (const flag of options.runtimeFlags ?? RUNTIME_FLAGS) lines.push(`  ${shellQuote(flag)} \\`);
  for (const flag of options.flags) {
    const name = flag.split("=")[0] ?? flag;
    const variable = EXTENSIBLE[name];
    const extension = variable && flag.includes("=") ? `"\${${variable}:+,\$${variable}}"` : "";
    lines.push(`  ${shellQuote(flag)}${extension} \\`);
  }
  lines.push('  "$lib/bynar.js" "$@"', "");
  return lines.join("\n");
}

/** One file of the package tree. */
export interface PackageFile {
  /** Path inside the package, without a leading slash. */
  dest: string;
  /** Mode bits. */
  mode: number;
  /** Source file (relative to the repository root), or … */
  src?: string;
  /** … literal content. */
  content?: string;
}

/**
 * lintian overrides, each with its reason. The test of the package runs lintian and allows
 * nothing else at warning or error level.
 */
export const LINTIAN_OVERRIDES: string = [
  "# usr/lib/bynar/deno is the upstream Deno release binary (npm package `deno`), shipped",
  "# byte for byte so that the runtime is exactly the pinned, tested one. The Deno project",
  "# builds it with lcms2 linked in statically and without RELRO; rebuilding Deno from",
  "# source is out of this package's scope.",
  "bynar: embedded-library lcms2 [usr/lib/bynar/deno]",
  "bynar: hardening-no-relro [usr/lib/bynar/deno]",
  "# B-38: these configuration files hold JIRA, Vault and Slack secrets: root only.",
  "bynar: non-standard-file-perm 0600 != 0644 [etc/bynar/bynar.json]",
  "bynar: non-standard-file-perm 0600 != 0644 [etc/bynar/disk-manager.json]",
  "",
].join("\n");

/**
 * The static files of the package (configs, units, maintainer scripts, docs).
 *
 * Secret-bearing configs are 0600 (B-38); `ceph.json` names paths only and is 0644.
 *
 * @returns The files, without the runtime, bundle, launcher and control file.
 */
export function staticFiles(): PackageFile[] {
  const units = [
    "bynar-check.service",
    "bynar-check.timer",
    "bynar-detect.service",
    "bynar-disk-manager.service",
    "bynar-executor.service",
  ];
  return [
    { dest: "etc/bynar/bynar.json", src: "packaging/etc/bynar/bynar.json", mode: 0o600 },
    {
      dest: "etc/bynar/disk-manager.json",
      src: "packaging/etc/bynar/disk-manager.json",
      mode: 0o600,
    },
    { dest: "etc/bynar/ceph.json", src: "packaging/etc/bynar/ceph.json", mode: 0o644 },
    { dest: "etc/default/bynar", src: "packaging/etc/default/bynar", mode: 0o644 },
    ...units.map((u) => ({
      dest: `lib/systemd/system/${u}`,
      src: `packaging/systemd/${u}`,
      mode: 0o644,
    })),
    {
      dest: "usr/share/doc/bynar/examples/bynar-check.cron",
      src: "packaging/examples/bynar-check.cron",
      mode: 0o644,
    },
    { dest: "usr/share/doc/bynar/README.md", src: "README.md", mode: 0o644 },
    // Alert rules and the fleet dashboard, for the operator's Prometheus and Grafana.
    {
      dest: "usr/share/bynar/prometheus/bynar-alerts.yml",
      src: "packaging/prometheus/bynar-alerts.yml",
      mode: 0o644,
    },
    {
      dest: "usr/share/bynar/grafana/bynar-fleet-dashboard.json",
      src: "packaging/prometheus/bynar-fleet-dashboard.json",
      mode: 0o644,
    },
    {
      dest: "usr/share/doc/bynar/PERMISSIONS.md",
      content: `# Deno permissions of /usr/bin/bynar\n\n${permissionTable()}\n\n` +
        `# /usr/lib/bynar/bynar-front (the disk-manager front)\n\n` +
        `${permissionTable({ process: "front" })}\n\n` +
        `# /usr/lib/bynar/bynar-executor (the executor)\n\n` +
        `${permissionTable({ process: "executor" })}\n`,
      mode: 0o644,
    },
    {
      dest: "usr/lib/tmpfiles.d/bynar.conf",
      content:
        "# The node_exporter textfile directory bynar-check.service writes bynar.prom into\n" +
        "# (created when prometheus-node-exporter is not installed; never re-owned).\n" +
        "d /var/lib/prometheus/node-exporter - - - -\n",
      mode: 0o644,
    },
    { dest: "usr/share/lintian/overrides/bynar", content: LINTIAN_OVERRIDES, mode: 0o644 },
    { dest: "DEBIAN/postinst", src: "packaging/debian/postinst", mode: 0o755 },
    { dest: "DEBIAN/prerm", src: "packaging/debian/prerm", mode: 0o755 },
    { dest: "DEBIAN/postrm", src: "packaging/debian/postrm", mode: 0o755 },
  ];
}

/**
 * The `DEBIAN/conffiles` list: every file under `/etc`.
 *
 * @param files The package files.
 * @returns One absolute path per line.
 */
export function conffiles(files: readonly PackageFile[]): string {
  return files.filter((f) => f.dest.startsWith("etc/")).map((f) => `/${f.dest}\n`).join("");
}

/** Options for {@linkcode buildDeb}. */
export interface BuildDebOptions {
  /** The repository root. */
  root: string;
  /**
   * Where the .deb goes.
   * @default `${root}/dist`
   */
  outDir?: string | undefined;
  /**
   * dpkg-deb compression.
   * @default "xz"
   */
  compression?: "xz" | "gzip" | "zstd" | "none";
  /**
   * The Deno executable used to bundle and shipped as the runtime.
   * @default Deno.execPath()
   */
  deno?: string;
}

async function run(cmd: string, args: string[], cwd: string): Promise<string> {
  const out = await new Deno.Command(cmd, { args, cwd, stdout: "piped", stderr: "piped" })
    .output();
  const stderr = new TextDecoder().decode(out.stderr).trim();
  if (out.code !== 0) {
    throw new CommandError(
      [cmd, ...args],
      `Cannot build the package: ${cmd} ${args[0] ?? ""} exited with ${out.code}: ${stderr}`,
      { exitCode: out.code, stderr },
    );
  }
  return new TextDecoder().decode(out.stdout);
}

/**
 * npm packages inlined into bynar.js by `deno bundle` (assemblyscript only builds the WASM
 * at build time and is not shipped). `long` comes in through protobufjs.
 */
export const BUNDLED_NPM: readonly string[] = [
  "commander",
  "@commander-js/extra-typings",
  "zod",
  "hono",
  "jose",
  "protobufjs",
  "long",
];

async function npmDir(root: string, name: string): Promise<string> {
  try {
    return await Deno.realPath(join(root, "node_modules", name));
  } catch {
    // A transitive dependency: next to its dependant in node_modules/.deno.
    return await Deno.realPath(
      join(await Deno.realPath(join(root, "node_modules", "protobufjs")), "..", name),
    );
  }
}

/**
 * The DEP-5 copyright file from the license files of the bundled npm packages and of the
 * shipped Deno runtime.
 *
 * @param root Repository root (its node_modules).
 * @param deno The Deno executable that is shipped.
 * @returns The file text.
 * @throws {Error} When a license file is missing.
 */
export async function buildCopyright(root: string, deno: string): Promise<string> {
  const denoLicense = join(dirname(await Deno.realPath(deno)), "LICENSE");
  const denoText = await Deno.readTextFile(denoLicense).catch(() => {
    throw new Error(`Cannot build the copyright file: no Deno LICENSE at ${denoLicense}`);
  });
  const runtime: LicensedComponent = {
    files: "usr/lib/bynar/deno",
    comment: "the Deno runtime, the upstream release binary of the npm package deno. It " +
      "links third-party crates (V8 and others) under their own permissive licenses, " +
      "listed by the Deno project.",
    copyright: denoText.split("\n").filter((l) => /^copyright\s+(\(c\)|©|\d)/i.test(l.trim()))
      .map((l) => l.trim().replace(/^copyright\s*/i, "")),
    license: "MIT",
    text: denoText.trim().split("\n")
      .filter((l) => !/^(mit license|copyright\s+(\(c\)|©|\d))/i.test(l.trim()))
      .join("\n").trim(),
  };
  const npm: LicensedComponent[] = [];
  for (const name of BUNDLED_NPM) {
    npm.push(readNpmLicense({ name, dir: await npmDir(root, name) }));
  }
  return copyrightFile(
    {
      files: "*",
      comment: "Bynar itself. The repository states no license of its own yet; Apache-2.0 is " +
        "the license of the Bynar project it continues (github.com/Comcast/Bynar).",
      copyright: ["Bynar contributors"],
      license: "Apache-2.0",
    },
    [runtime, ...npm],
    { ownAlsoIn: ["usr/lib/bynar/bynar.js"] },
  );
}

/**
 * Collects the `--help` screens of the staged program: the top level, every command and
 * every subcommand, run under the launcher's permission flags.
 *
 * @param deno The staged runtime.
 * @param bundle The staged bynar.js.
 * @returns The screens, top level first.
 */
export async function helpScreens(deno: string, bundle: string): Promise<HelpScreen[]> {
  const help = async (words: string[]): Promise<string> => {
    const out = await new Deno.Command(deno, {
      args: [...RUNTIME_FLAGS, ...permissionFlags(), bundle, ...words, "--help"],
      env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout);
    if (out.code !== 0 || text.trim() === "") {
      throw new CommandError(
        [deno, bundle, ...words, "--help"],
        `Cannot build the man page: bynar ${[...words, "--help"].join(" ")} exited ${out.code}: ` +
          new TextDecoder().decode(out.stderr).trim(),
        { exitCode: out.code },
      );
    }
    return text;
  };
  const screens: HelpScreen[] = [];
  const walk = async (words: string[], depth: number): Promise<void> => {
    const text = await help(words);
    screens.push({ command: ["bynar", ...words].join(" "), text });
    if (depth >= 2) return;
    for (const sub of subcommandsOf(text)) await walk([...words, sub], depth + 1);
  };
  await walk([], 0);
  return screens;
}

async function gzip(path: string): Promise<void> {
  await run("gzip", ["-9n", path], dirname(path));
}

/**
 * The native package's Debian changelog (one entry for the packaged version).
 *
 * @param version The version.
 * @param date RFC 2822 date of the entry.
 * @returns The changelog text.
 */
export function changelogFile(version: string, date: string): string {
  return `${PACKAGE} (${version}) unstable; urgency=medium\n\n` +
    `  * Release ${version}; see /usr/share/doc/bynar/README.md.\n\n` +
    ` -- ${MAINTAINER}  ${date}\n`;
}

function rfc2822(d: Date): string {
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    d.getUTCMonth()
  ];
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${day}, ${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

async function md5sums(stage: string): Promise<string> {
  const lines: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for await (const e of Deno.readDir(join(stage, rel))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (path === "DEBIAN" || path.startsWith("etc/")) continue; // conffiles: dpkg's own
      if (e.isDirectory) await walk(path);
      else if (e.isFile) lines.push(path);
    }
  };
  await walk("");
  lines.sort();
  const out = await run("md5sum", lines, stage);
  return out;
}

async function chmodDirs(dir: string, mode: number): Promise<void> {
  await Deno.chmod(dir, mode);
  for await (const e of Deno.readDir(dir)) {
    if (e.isDirectory) await chmodDirs(join(dir, e.name), mode);
  }
}

async function sizeKiB(dir: string): Promise<number> {
  let total = 0;
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) total += await sizeKiB(path);
    else if (entry.isFile) total += Math.ceil((await Deno.stat(path)).size / 1024);
  }
  return total;
}

async function put(stage: string, file: PackageFile, root: string): Promise<void> {
  const dest = join(stage, file.dest);
  await Deno.mkdir(dirname(dest), { recursive: true });
  if (file.src !== undefined) await Deno.copyFile(join(root, file.src), dest);
  else await Deno.writeTextFile(dest, file.content ?? "");
  await Deno.chmod(dest, file.mode);
}

/**
 * Reads the package version from `deno.json`.
 *
 * @param root The repository root.
 * @returns The version string.
 */
export async function packageVersion(root: string): Promise<string> {
  return (JSON.parse(await Deno.readTextFile(join(root, "deno.json"))) as { version: string })
    .version;
}

/**
 * Bundles the program into `dir`: the entry `bynar.js` and the chunks it imports, split so
 * that a command loads only its own code and libraries (`bynar --check` neither commander,
 * zod, Hono nor `node:tls`/`node:https`: a single-file bundle hoists every `node:` import
 * of every command to its top and evaluates them on every start). Files are 0644.
 *
 * @param deno The Deno executable.
 * @param root The repository root.
 * @param dir The output directory (the package's lib directory).
 * @throws {CommandError} When bundling fails or `src/config/generated/specs.ts` is out of date.
 */
export async function bundleInto(deno: string, root: string, dir: string): Promise<void> {
  // the check's zod-free config validation is generated from the zod schemas: never ship it
  // stale (the command says "run deno task gen-config")
  await run(deno, ["run", "--allow-read", "tools/gen_config_specs.ts", "--check"], root);
  const out = await Deno.makeTempDir({ prefix: "bynar-bundle-" });
  try {
    await run(deno, [
      "bundle",
      "--quiet",
      "--platform=deno",
      "--config",
      "deno.json",
      "--code-splitting",
      "--outdir",
      out,
      "src/main.ts",
    ], root);
    for await (const entry of Deno.readDir(out)) {
      if (!entry.isFile || !entry.name.endsWith(".js")) continue;
      const text = await Deno.readTextFile(join(out, entry.name));
      if (text.includes('"./main.js"')) {
        throw new Error(`bundle: chunk ${entry.name} imports the entry point main.js`);
      }
      const dest = join(dir, entry.name === "main.js" ? "bynar.js" : entry.name);
      await Deno.writeTextFile(dest, text);
      await Deno.chmod(dest, 0o644);
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

/**
 * Builds the package: bundle, stage the tree, `dpkg-deb --build`.
 *
 * @param options Repository root, output directory, compression, Deno executable.
 * @returns The path of the .deb.
 * @throws {CommandError} When bundling or dpkg-deb fails.
 */
export async function buildDeb(options: BuildDebOptions): Promise<string> {
  const root = options.root;
  const deno = options.deno ?? Deno.execPath();
  const version = await packageVersion(root);
  const outDir = options.outDir ?? join(root, "dist");
  const stage = await Deno.makeTempDir({ prefix: "bynar-deb-" });
  try {
    const lib = join(stage, LIB_DIR);
    await Deno.mkdir(lib, { recursive: true });
    await bundleInto(deno, root, lib);
    await Deno.copyFile(await Deno.realPath(deno), join(lib, "deno"));
    await Deno.chmod(join(lib, "deno"), 0o755);
    const files: PackageFile[] = [
      ...staticFiles(),
      ...LAUNCHERS.map(({ dest, process }) => ({
        dest,
        content: launcherScript({
          flags: permissionFlags({ process }),
          location: dest.startsWith("usr/bin/") ? "bin" as const : "lib" as const,
          comment: `Permission set "${process}".`,
        }),
        mode: 0o755,
      })),
    ];
    for (const file of files) await put(stage, file, root);
    const doc = join(stage, "usr/share/doc/bynar");
    await Deno.writeTextFile(join(doc, "copyright"), await buildCopyright(root, deno));
    const epoch = Number(Deno.env.get("SOURCE_DATE_EPOCH") ?? NaN);
    const date = rfc2822(Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date());
    await Deno.writeTextFile(join(doc, "changelog"), changelogFile(version, date));
    await gzip(join(doc, "changelog"));
    const man1 = join(stage, "usr/share/man/man1");
    await Deno.mkdir(man1, { recursive: true });
    await Deno.writeTextFile(
      join(man1, "bynar.1"),
      manPage(await helpScreens(join(lib, "deno"), join(lib, "bynar.js")), {
        version,
        summary: SUMMARY,
        files: {
          "/etc/bynar/bynar.json": "detector, tickets, notifications, disk-manager client",
          "/etc/bynar/disk-manager.json": "the disk-manager API",
          "/etc/bynar/ceph.json": "the Ceph backend",
          "/etc/default/bynar": "extra network hosts, programs and writable paths of the launcher",
          "/var/lib/bynar": "state database and audit log",
        },
      }),
    );
    await gzip(join(man1, "bynar.1"));
    const debian = join(stage, "DEBIAN");
    await Deno.writeTextFile(join(debian, "conffiles"), conffiles(files));
    const installedSizeKiB = await sizeKiB(stage);
    await Deno.writeTextFile(join(debian, "control"), controlFile({ version, installedSizeKiB }));
    await Deno.writeTextFile(join(debian, "md5sums"), await md5sums(stage));
    await Deno.chmod(join(debian, "md5sums"), 0o644);
    // The tree's directories are 0755, its root (`./` in the data tarball) included;
    // dpkg-deb refuses group/other-writable control directories.
    await chmodDirs(stage, 0o755);
    await Deno.mkdir(outDir, { recursive: true });
    const deb = join(outDir, `${PACKAGE}_${version}_amd64.deb`);
    await run("dpkg-deb", [
      "--root-owner-group",
      `-Z${options.compression ?? "xz"}`,
      "--build",
      stage,
      deb,
    ], root);
    return deb;
  } finally {
    await Deno.remove(stage, { recursive: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      "out-dir": { type: "string" },
      compression: { type: "string", default: "xz" },
    },
  });
  const root = new URL("..", import.meta.url).pathname;
  try {
    const deb = await buildDeb({
      root,
      outDir: values["out-dir"],
      compression: values.compression as NonNullable<BuildDebOptions["compression"]>,
    });
    console.log(`Built ${deb} (${((await Deno.stat(deb)).size / 1e6).toFixed(1)} MB)`);
  } catch (err) {
    console.error((err as Error).message);
    Deno.exit(1);
  }
}
