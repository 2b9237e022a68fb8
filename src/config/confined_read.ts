/**
 * Reads of files named by a user or a configuration that never follow a symlink out of
 * the paths Bynar may read, and JSON parse errors that never echo the file's content.
 *
 * Deno checks `--allow-read` against the path it is given, not the file a symlink points
 * to: `/etc/bynar/bynar.json → /etc/shadow` passes the check. Before opening, the path is
 * resolved (`realpath`) and the resolved file must itself be readable under the process's
 * grants (`Deno.permissions.querySync`); otherwise the read is refused naming the link.
 * A link swapped between the check and the open is not caught (Deno has no `O_NOFOLLOW` /
 * `openat2`); the process's uid and its systemd sandbox are the walls against that.
 *
 * @module
 */
import { resolve } from "node:path";
import { SafetyError } from "../errors.ts";

/**
 * Resolves a path and refuses it when it resolves outside the paths this process may
 * read.
 *
 * @param path The path as named.
 * @returns The resolved path.
 * @throws {SafetyError} `symlink_escape` when a symlink leads outside the read grants.
 * @throws {Deno.errors.NotFound} When the file does not exist.
 */
export async function confinedPath(path: string): Promise<string> {
  const real = await Deno.realPath(path);
  if (real === resolve(path)) return real;
  if (Deno.permissions.querySync({ name: "read", path: real }).state !== "granted") {
    throw new SafetyError(
      "symlink_escape",
      `Cannot read "${path}": it is a symlink to "${real}", outside the paths Bynar may ` +
        "read; put the file itself there instead of a link",
    );
  }
  return real;
}

/**
 * Reads a text file without following a symlink out of the read grants.
 *
 * @param path The path as named.
 * @returns The content.
 * @throws {SafetyError} `symlink_escape` (see {@linkcode confinedPath}).
 */
export async function readTextConfined(path: string): Promise<string> {
  return await Deno.readTextFile(await confinedPath(path));
}

/**
 * Reads a file's bytes without following a symlink out of the read grants.
 *
 * @param path The path as named.
 * @returns The content.
 * @throws {SafetyError} `symlink_escape` (see {@linkcode confinedPath}).
 */
export async function readFileConfined(path: string): Promise<Uint8Array> {
  return await Deno.readFile(await confinedPath(path));
}

export { jsonErrorWhere } from "../shared/mod.ts";
