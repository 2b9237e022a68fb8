/**
 * Pure parser of `/proc/<pid>/mountinfo`.
 *
 * @module
 */
import { ParseError } from "../errors.ts";
import type { Mount } from "./model.ts";

const OCTAL_ESCAPE_REGEXP = /\\([0-7]{3})/g;

/**
 * Decodes the kernel's octal escapes (`\040` space, `\011` tab, `\012` newline, `\134`
 * backslash) used in mountinfo and /proc/swaps fields.
 *
 * @param field The escaped field.
 * @returns The decoded text.
 */
export function decodeOctalEscapes(field: string): string {
  return field.replace(
    OCTAL_ESCAPE_REGEXP,
    (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)),
  );
}

/**
 * Parses mountinfo text (`proc(5)`): `id parent major:minor root mountpoint options
 * [optional fields…] - fstype source superoptions`.
 *
 * @param text The file's content.
 * @returns One {@linkcode Mount} per line, in file order.
 * @throws {ParseError} When a non-empty line lacks the `-` separator or required fields.
 */
export function parseMountinfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    const fields = line.split(" ");
    const sep = fields.indexOf("-", 6);
    if (fields.length < 10 || sep < 0 || fields.length < sep + 3) {
      throw new ParseError(
        `Cannot parse mountinfo line ${i + 1}: expected "id parent major:minor root ` +
          `mountpoint options … - fstype source superoptions", got "${line}"`,
      );
    }
    const id = Number(fields[0]);
    const devno = fields[2]!;
    if (!Number.isInteger(id) || !/^\d+:\d+$/.test(devno)) {
      throw new ParseError(
        `Cannot parse mountinfo line ${i + 1}: bad mount id or major:minor in "${line}"`,
      );
    }
    const options = fields[5]!.split(",");
    const superOptions = (fields[sep + 3] ?? "").split(",").filter((o) => o !== "");
    mounts.push({
      id,
      devno,
      source: decodeOctalEscapes(fields[sep + 2]!),
      mountpoint: decodeOctalEscapes(fields[4]!),
      fsType: decodeOctalEscapes(fields[sep + 1]!),
      options,
      superOptions,
      readOnly: superOptions.includes("ro"),
      mountReadOnly: options.includes("ro"),
    });
  }
  return mounts;
}
