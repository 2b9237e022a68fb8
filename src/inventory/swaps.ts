/**
 * Pure parser of `/proc/swaps`.
 *
 * @module
 */
import { ParseError } from "../errors.ts";
import { decodeOctalEscapes } from "./mountinfo.ts";

/** One active swap area. */
export interface SwapEntry {
  /** Device or file path (octal escapes decoded, ` (deleted)` suffix removed). */
  filename: string;
  /** `partition` (any block device) or `file`. */
  type: string;
  /** Size in KiB. */
  sizeKiB: number;
  /** Used KiB. */
  usedKiB: number;
  /** Priority. */
  priority: number;
}

/**
 * Parses `/proc/swaps` (header line, then `Filename Type Size Used Priority`).
 *
 * @param text The file's content.
 * @returns The active swap areas.
 * @throws {ParseError} When a line does not have five fields.
 */
export function parseSwaps(text: string): SwapEntry[] {
  const entries: SwapEntry[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "" || line.startsWith("Filename")) continue;
    const fields = line.split(/\s+/);
    if (fields.length < 5) {
      throw new ParseError(
        `Cannot parse /proc/swaps line ${
          i + 1
        }: expected "Filename Type Size Used Priority", got "${line}"`,
      );
    }
    const [type, size, used, priority] = fields.slice(-4);
    const filename = decodeOctalEscapes(fields.slice(0, -4).join(" ")).replace(/ \(deleted\)$/, "");
    entries.push({
      filename,
      type: type!,
      sizeKiB: Number(size),
      usedKiB: Number(used),
      priority: Number(priority),
    });
  }
  return entries;
}
