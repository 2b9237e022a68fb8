/**
 * A parser for /etc/fstab, used to tell an expected read-only mount from an unexpected one.
 *
 * @module
 */

/** One fstab entry. */
export interface FstabEntry {
  /** Device spec (`UUID=…`, `/dev/sdb1`, …). */
  spec: string;
  /** Mount point. */
  file: string;
  /** Filesystem type. */
  vfsType: string;
  /** Options. */
  options: string[];
}

function unescapeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/**
 * Parses fstab text; comments and malformed lines are skipped.
 *
 * @param text The file contents.
 * @returns The entries.
 */
export function parseFstab(text: string): FstabEntry[] {
  const out: FstabEntry[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const f = line.split(/\s+/);
    if (f.length < 3) continue;
    out.push({
      spec: unescapeOctal(f[0]!),
      file: unescapeOctal(f[1]!),
      vfsType: f[2]!,
      options: (f[3] ?? "defaults").split(","),
    });
  }
  return out;
}

/**
 * Returns the mount points that fstab declares read-only.
 *
 * @param entries Parsed fstab.
 * @returns A set of mount points.
 */
export function declaredReadOnly(entries: FstabEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.options.includes("ro")).map((e) => e.file));
}
