/**
 * JSON parse errors without the offending text.
 *
 * @module
 */

/**
 * Describes a `JSON.parse` failure by position only: V8's messages quote the offending
 * text (`Unexpected token 'r', "root:$6$…" is not valid JSON`), which must never reach
 * a log or an error answer.
 *
 * @param err What `JSON.parse` threw.
 * @returns E.g. `at line 1, column 3`, or `at an unexpected token` when V8 gave no position.
 */
export function jsonErrorWhere(err: unknown): string {
  const m = /position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(String(err));
  if (m?.[2] && m[3]) return `at line ${m[2]}, column ${m[3]}`;
  if (m?.[1]) return `at offset ${m[1]}`;
  if (/Unexpected end of JSON input/.test(String(err))) return "at the end (truncated)";
  return "at an unexpected token";
}
