/**
 * Loop-device slots of the real-cluster tests: a replacement disk put in the very slot
 * (`/dev/loopN`) of the disk it replaces, as a technician swaps a drive in a bay.
 *
 * @module
 */
import { runCommand } from "../../src/process/run.ts";
import { attachBlankDisk, detachDisk } from "./cluster.ts";

/** Whether a loop device has a backing file. */
export async function bound(loop: string): Promise<boolean> {
  return await Deno.stat(`/sys/block/${loop.replace("/dev/", "")}/loop/backing_file`).then(
    () => true,
    () => false,
  );
}

/** Waits until the kernel has released a detached loop device (it does so lazily). */
export async function waitReleased(loop: string): Promise<void> {
  for (let i = 0; i < 100 && await bound(loop); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Attaches a disk of the harness in a given loop slot: blank placeholders of the harness
 * take the lower free slots first (detached again at the end).
 */
export async function attachInSlot(
  slot: string,
  attach: () => Promise<{ loop: string; file: string }>,
): Promise<{ loop: string; file: string }> {
  const placeholders: string[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      const next = (await runCommand("losetup", ["-f"], { timeoutMs: 10_000 })).stdout.trim();
      if (next === slot) {
        const got = await attach();
        if (got.loop !== slot) {
          placeholders.push(got.loop);
          throw new Error(`Cannot get ${slot} back: another process took it (got ${got.loop})`);
        }
        return got;
      }
      if (await bound(slot)) {
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      placeholders.push((await attachBlankDisk(`slot-hold-${crypto.randomUUID()}.img`)).loop);
    }
    throw new Error(`Cannot get ${slot} back (other loop devices are in use)`);
  } finally {
    for (const p of placeholders) await detachDisk(p);
  }
}
