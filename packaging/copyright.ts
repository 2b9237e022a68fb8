/**
 * The machine-readable (DEP-5) `debian/copyright` of the package, built from the license
 * files of what the package actually bundles: the Deno runtime (the npm `deno` package's
 * binary) and the npm packages inlined into `bynar.js`.
 *
 * @module
 */
import { join } from "node:path";

/** An npm package bundled into bynar.js, and where its files live. */
export interface BundledPackage {
  /** npm name. */
  name: string;
  /** Directory holding its package.json and license file. */
  dir: string;
}

/** What {@linkcode copyrightFile} needs of one component. */
export interface LicensedComponent {
  /** DEP-5 `Files:` pattern (paths inside the .deb), or a description in a comment. */
  files: string;
  /** The component (comment). */
  comment: string;
  /** Copyright lines. */
  copyright: string[];
  /** SPDX short name. */
  license: string;
  /** Full license text (omitted for licenses in /usr/share/common-licenses). */
  text?: string;
}

/** Licenses Debian ships in /usr/share/common-licenses (referenced, not copied). */
const COMMON_LICENSES = new Set(["Apache-2.0", "GPL-2", "GPL-3", "LGPL-2.1", "MPL-2.0"]);

/**
 * Reads a bundled npm package's license: SPDX name from package.json, copyright lines and
 * text from its LICENSE file.
 *
 * @param pkg The package.
 * @returns The component.
 * @throws {Error} When the package has no license file.
 */
export function readNpmLicense(pkg: BundledPackage): LicensedComponent {
  const meta = JSON.parse(Deno.readTextFileSync(join(pkg.dir, "package.json"))) as {
    version: string;
    license: string;
    author?: string | { name: string };
  };
  const file = [...Deno.readDirSync(pkg.dir)].find((e) =>
    /^licen[cs]e(\.md|\.txt)?$/i.test(e.name)
  );
  if (!file) {
    throw new Error(`Cannot find the license file of npm package ${pkg.name} in ${pkg.dir}`);
  }
  const text = Deno.readTextFileSync(join(pkg.dir, file.name)).replaceAll("\r", "");
  let copyright = text.split("\n").map((l) => l.trim())
    .filter((l) => /^copyright\s+(\(c\)|©|\d)/i.test(l))
    .map((l) => l.replace(/^copyright\s*/i, ""));
  if (copyright.length === 0) {
    const author = typeof meta.author === "string" ? meta.author : meta.author?.name;
    copyright = [author ? `${author} (package.json author)` : `the ${pkg.name} authors`];
  }
  return {
    files: "usr/lib/bynar/bynar.js",
    comment: `npm package ${pkg.name} ${meta.version}, bundled into bynar.js`,
    copyright,
    license: meta.license,
    ...(COMMON_LICENSES.has(meta.license) ? {} : { text: licenseBody(text) }),
  };
}

/** The license text without its title and copyright lines. */
function licenseBody(text: string): string {
  const lines = text.trim().split("\n");
  while (lines.length > 0 && (/^(#|\s*$|(the )?mit license|copyright)/i.test(lines[0]!))) {
    lines.shift();
  }
  return lines.join("\n").trim();
}

function indent(text: string): string {
  return text.split("\n").map((l) => (l.trim() === "" ? " ." : ` ${l.trimEnd()}`)).join("\n");
}

/**
 * Formats the DEP-5 file: one stanza per `Files:` pattern (components that share a file —
 * the npm packages inlined into bynar.js — are merged: their copyright lines, their
 * licenses joined with "and", and a comment saying which part is under which), then one
 * standalone paragraph per license.
 *
 * @param own The package's own files (`Files: *`).
 * @param components Bundled components.
 * @param options `ownAlsoIn`: `Files:` patterns that hold the package's own code as well
 *   (bynar.js bundles Bynar with the npm packages).
 * @returns The file text.
 */
export function copyrightFile(
  own: LicensedComponent,
  components: readonly LicensedComponent[],
  options: { ownAlsoIn?: readonly string[] } = {},
): string {
  const out = [
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
    "Upstream-Name: bynar",
    "",
  ];
  const groups = new Map<string, LicensedComponent[]>();
  for (const c of [own, ...components]) groups.set(c.files, [...(groups.get(c.files) ?? []), c]);
  for (const [files, members] of groups) {
    const all = files === own.files || !(options.ownAlsoIn ?? []).includes(files)
      ? members
      : [own, ...members];
    const licenses = [...new Set(all.map((c) => c.license))];
    out.push(
      `Files: ${files}`,
      `Copyright: ${[...new Set(all.flatMap((c) => c.copyright))].join("\n ")}`,
      `License: ${licenses.join(" and ")}`,
      `Comment: ${all.map((c) => `${c.comment} (${c.license})`).join(";\n ")}`,
      "",
    );
  }
  // Each license once; differing texts of one SPDX name (MIT variants) are all kept.
  const bodies = new Map<string, string[]>();
  for (const c of [own, ...components]) {
    const list = bodies.get(c.license) ?? [];
    if (c.text && !list.includes(c.text)) list.push(c.text);
    bodies.set(c.license, list);
  }
  for (const [name, texts] of bodies) {
    out.push(`License: ${name}`);
    if (texts.length > 0) out.push(indent(texts.join("\n\n----\n\n")));
    else if (COMMON_LICENSES.has(name)) {
      out.push(
        ` On Debian systems, the complete text of the ${name} license is in`,
        ` /usr/share/common-licenses/${name}.`,
      );
    }
    out.push("");
  }
  return out.join("\n").replace(/\n+$/, "\n");
}
