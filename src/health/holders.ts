/**
 * Which processes have a block device open (e.g. a repair left running by a killed run).
 *
 * @module
 */
import { isHostFsFailure, readDir, readLink, realPath } from "../hostfs/mod.ts";

/**
 * Lists the ids of other processes with an open file descriptor on a device.
 *
 * @param device The device path (symlinks are followed).
 * @param options The procfs root (default `/proc`).
 * @returns Process ids, ascending, excluding this process.
 * @throws {Deno.errors.NotCapable} When the sandbox refuses the reads (never "no holders").
 * @throws {FfiError} When libc cannot be loaded.
 */
export async function holdersOf(
  device: string,
  options: { proc?: string } = {},
): Promise<number[]> {
  const proc = options.proc ?? "/proc";
  let real: string;
  try {
    real = await realPath(device);
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return [];
  }
  const pids: number[] = [];
  for (const entry of await readDir(proc)) {
    if (!/^\d+$/.test(entry.name)) continue;
    const pid = Number(entry.name);
    if (pid === Deno.pid) continue;
    try {
      for (const fd of await readDir(`${proc}/${pid}/fd`)) {
        try {
          if (await readLink(`${proc}/${pid}/fd/${fd.name}`) === real) {
            pids.push(pid);
            break;
          }
        } catch (err) {
          if (isHostFsFailure(err)) throw err; // fd closed meanwhile otherwise
        }
      }
    } catch (err) {
      if (isHostFsFailure(err)) throw err; // process gone or not readable otherwise
    }
  }
  return pids.sort((a, b) => a - b);
}
