/**
 * Pure identity bookkeeping between passes: which known disks vanished, which came back
 * (same serial/WWN key) and which were replaced (a new key in the same slot).
 *
 * @module
 */

/** What the machine remembers about a disk, for reconciliation. */
export interface KnownSlot {
  /** Identity key. */
  diskKey: string;
  /** Last seen path (the slot). */
  path: string;
  /** Already marked vanished. */
  vanished: boolean;
  /** Already replaced. */
  replaced: boolean;
}

/** A disk attached now. */
export interface PresentSlot {
  /** Identity key. */
  diskKey: string;
  /** Path. */
  path: string;
}

/** The result of {@linkcode reconcile}. */
export interface Reconciliation {
  /** Keys that are gone now and were not marked vanished before. */
  vanished: string[];
  /** Known disks that are gone and whose slot now holds a never-seen disk. */
  replaced: { oldKey: string; newKey: string; path: string }[];
  /** Keys that were vanished and are attached again (same disk back, maybe another slot). */
  back: string[];
}

/**
 * Compares the known disks with the attached ones.
 *
 * @param known The machine's records (replaced ones are ignored).
 * @param present The disks attached now.
 * @param options `inScope(slot)`: only known disks in scope can vanish (a `--device`
 *   run must not declare every other disk gone).
 * @returns Vanished, replaced and returning disks.
 */
export function reconcile(
  known: readonly KnownSlot[],
  present: readonly PresentSlot[],
  options: { inScope?: (slot: KnownSlot) => boolean } = {},
): Reconciliation {
  const inScope = options.inScope ?? (() => true);
  const presentKeys = new Set(present.map((p) => p.diskKey));
  const knownKeys = new Set(known.map((k) => k.diskKey));
  const out: Reconciliation = { vanished: [], replaced: [], back: [] };
  for (const k of known) {
    if (k.replaced) continue;
    if (presentKeys.has(k.diskKey)) {
      if (k.vanished) out.back.push(k.diskKey);
      continue;
    }
    if (!inScope(k)) continue;
    if (!k.vanished) out.vanished.push(k.diskKey);
    const newcomer = present.find((p) => p.path === k.path && !knownKeys.has(p.diskKey));
    if (newcomer) out.replaced.push({ oldKey: k.diskKey, newKey: newcomer.diskKey, path: k.path });
  }
  return out;
}
