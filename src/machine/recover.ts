/**
 * Crash recovery: finishes or undoes the side effects a killed run had announced in the
 * intent journal, so no temporary mount or scratch file is left behind.
 *
 * @module
 */
import { errorMessage } from "../errors.ts";
import type { FsProbe } from "../health/types.ts";
import type { Clock, IntentRecord, MachineStore } from "./ports.ts";

/** What recovery did with one intent. */
export interface RecoveryNote {
  /** The intent. */
  intent: IntentRecord;
  /** Whether it is closed (undone or finished). */
  closed: boolean;
  /** What happened. */
  detail: string;
}

const ORDER: Record<IntentRecord["kind"], number> = {
  scratch: 0,
  temp_mount: 1,
  remount: 2,
  repair: 3,
  reformat: 4,
};

/**
 * Closes every open intent: removes scratch directories, unmounts and removes private
 * temporary mounts, and waits (bounded) until an interrupted repair or reformat no longer
 * holds its device; the disk's stored state (`corrupt`, `repair_failed`) then makes the
 * next step run it again to completion.
 *
 * @param store The store with the journal.
 * @param options The filesystem probe, clock and the longest wait for busy devices.
 * @returns One note per intent.
 */
export async function recoverIntents(
  store: MachineStore,
  options: { fs: FsProbe; clock: Clock; busyWaitMs: number },
): Promise<RecoveryNote[]> {
  const notes: RecoveryNote[] = [];
  const intents = store.listIntents().sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.id - b.id);
  for (const intent of intents) {
    let closed = false;
    let detail: string;
    try {
      switch (intent.kind) {
        case "scratch": {
          const r = await options.fs.removeScratch(intent.path ?? "");
          closed = r.ok;
          detail = r.detail;
          break;
        }
        case "temp_mount": {
          const r = await options.fs.releaseTemp(intent.path ?? "");
          closed = r.ok;
          detail = r.detail;
          break;
        }
        case "remount":
          closed = true;
          detail = `remount of ${intent.path} was interrupted; the state is re-checked`;
          break;
        case "repair":
        case "reformat": {
          const deadline = options.clock.now() + options.busyWaitMs;
          let holders = await options.fs.holders(intent.device);
          while (holders.length && options.clock.now() < deadline) {
            await options.clock.sleep(Math.min(500, options.busyWaitMs));
            holders = await options.fs.holders(intent.device);
          }
          closed = holders.length === 0;
          detail = closed
            ? `${intent.kind} of ${intent.device} was interrupted; it runs again to completion`
            : `${intent.kind} of ${intent.device} was interrupted and process(es) ${
              holders.join(", ")
            } still use the device`;
          break;
        }
      }
    } catch (err) {
      detail = `cannot recover ${intent.kind} of ${intent.device}: ${errorMessage(err)}`;
    }
    if (closed) store.removeIntent(intent.id);
    notes.push({ intent, closed, detail: detail! });
  }
  return notes;
}
