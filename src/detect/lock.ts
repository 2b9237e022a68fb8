/**
 * One detector per host: an exclusive `flock` on a lock file (released by the kernel
 * when the process dies, even by kill -9), holding the owner's pid for people.
 *
 * @module
 */
import { BynarError } from "../errors.ts";

/** A held instance lock. */
export interface InstanceLock {
  /** The lock file. */
  readonly path: string;
  /** Releases the lock (idempotent). */
  release(): void;
}

/**
 * Takes the instance lock without waiting.
 *
 * @param path The lock file (e.g. `/run/bynar/detect.lock`, or next to the database).
 * @returns The lock.
 * @throws {BynarError} `already_running` naming the holder's pid when another instance
 *   holds it; `lock_failed` when the file cannot be opened.
 */
export function acquireInstanceLock(path: string): InstanceLock {
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path, { read: true, write: true, create: true, mode: 0o640 });
  } catch (err) {
    throw new BynarError(
      "lock_failed",
      `Cannot open the lock file "${path}": ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  if (!file.tryLockSync(true)) {
    let holder = "another process";
    try {
      const pid = Deno.readTextFileSync(path).trim();
      if (/^\d+$/.test(pid)) holder = `pid ${pid}`;
    } catch { /* unreadable: keep the generic name */ }
    file.close();
    throw new BynarError(
      "already_running",
      `Cannot start the detector: ${holder} holds "${path}" (one instance per host)`,
    );
  }
  file.truncateSync(0);
  file.writeSync(new TextEncoder().encode(`${Deno.pid}\n`));
  let held = true;
  return {
    path,
    release(): void {
      if (!held) return;
      held = false;
      try {
        file.truncateSync(0);
        file.unlockSync();
      } finally {
        file.close();
      }
    },
  };
}
