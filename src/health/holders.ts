/**
 * Which processes have a block device open (e.g. a repair left running by a killed run).
 *
 * @module
 */

/**
 * Lists the ids of other processes with an open file descriptor on a device.
 *
 * @param device The device path (symlinks are followed).
 * @param options The procfs root (default `/proc`).
 * @returns Process ids, ascending, excluding this process.
 */
export async function holdersOf(
  device: string,
  options: { proc?: string } = {},
): Promise<number[]> {
  const proc = options.proc ?? "/proc";
  let real: string;
  try {
    real = await Deno.realPath(device);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for await (const entry of Deno.readDir(proc)) {
    if (!/^\d+$/.test(entry.name)) continue;
    const pid = Number(entry.name);
    if (pid === Deno.pid) continue;
    try {
      for await (const fd of Deno.readDir(`${proc}/${pid}/fd`)) {
        try {
          if (await Deno.readLink(`${proc}/${pid}/fd/${fd.name}`) === real) {
            pids.push(pid);
            break;
          }
        } catch { /* fd closed meanwhile */ }
      }
    } catch { /* process gone or not readable */ }
  }
  return pids.sort((a, b) => a - b);
}
