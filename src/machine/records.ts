/**
 * What the disk-health machine remembers: per-disk state, transition history and the
 * intent journal written before every side effect. Owned by the machine; the store
 * (`store/machine_repo.ts`) persists them.
 *
 * @module
 */
import type { DiskState } from "./states.ts";

/** A disk as the machine remembers it. */
export interface MachineDiskRecord {
  /** DiskIdentity.key. */
  diskKey: string;
  /** Last seen device path (the slot). */
  path: string;
  /** Serial, when known. */
  serial: string | null;
  /** Current state. */
  state: DiskState;
  /** Why the disk is in this state, or what holds it there. */
  reason: string;
  /** Last known filesystem type. */
  fsType: string | null;
  /** Last known filesystem UUID. */
  fsUuid: string | null;
  /** Last known filesystem label. */
  fsLabel: string | null;
  /** Last SMART verdict. */
  smartVerdict: string | null;
  /** Gone from the host. */
  vanished: boolean;
  /** Key of the disk that replaced this one. */
  replacedBy: string | null;
  /** Consecutive passes that ended on hold. */
  holds: number;
  /** Last change (ISO). */
  updatedAt: string;
}

/** One stored transition. */
export interface TransitionRecord {
  /** Disk key. */
  diskKey: string;
  /** When it finished (ISO). */
  at: string;
  /** Source state. */
  from: DiskState;
  /** Target state. */
  to: DiskState;
  /** The step that produced it (`vanished` and `budget` for runner decisions). */
  step: string;
  /** Why. */
  reason: string;
  /** How long the step took. */
  durationMs: number;
  /** The pass it belongs to. */
  passId: string;
}

/** Kinds of journalled side effects. */
export type IntentKind = "temp_mount" | "scratch" | "remount" | "repair" | "reformat";

/** A side effect announced before it starts. */
export interface IntentRecord {
  /** Row id. */
  id: number;
  /** Disk key. */
  diskKey: string;
  /** What is about to happen. */
  kind: IntentKind;
  /** The device. */
  device: string;
  /** Mount point or scratch directory, when there is one. */
  path: string | null;
  /** Extra facts (JSON), e.g. the filesystem identity for a reformat. */
  detail: string;
  /** Process that wrote it. */
  pid: number;
  /** When (ISO). */
  createdAt: string;
}
