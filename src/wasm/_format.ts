/**
 * Small formatting helpers shared by the parsers (internal).
 *
 * @module
 */

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * Formats a 32-bit unsigned integer as 8 lower-case hex digits.
 *
 * @param value The integer.
 * @returns The hex digits.
 */
export function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}

/**
 * Formats 16 bytes in canonical (RFC 4122) order as an upper-case GUID string.
 *
 * @param b The bytes.
 * @param at The offset of the first byte.
 * @returns `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`.
 */
export function guidString(b: Uint8Array, at: number): string {
  let s = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += "-";
    s += HEX[b[at + i]!]!;
  }
  return s.toUpperCase();
}

/**
 * Decodes a NUL-terminated UTF-16LE string of at most `units` code units.
 *
 * @param b The bytes.
 * @param at The offset of the first byte.
 * @param units The maximum number of code units.
 * @returns The string.
 */
export function utf16z(b: Uint8Array, at: number, units: number): string {
  const codes: number[] = [];
  for (let i = 0; i < units; i++) {
    const c = b[at + 2 * i]! | (b[at + 2 * i + 1]! << 8);
    if (c === 0) break;
    codes.push(c);
  }
  return String.fromCharCode(...codes);
}
