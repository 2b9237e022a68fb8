/**
 * In-memory doubles of the detector's ports (of OUR interfaces): a disk-manager that
 * counts removals and adds, a host whose disks the test changes between passes, a
 * recording notifier and a manual clock.
 *
 * @module
 */
import type { Notifier, NotifyEvent } from "../../src/notify/types.ts";
import type {
  AttachedDisk,
  DiskManagerPort,
  HostPort,
  HostScan,
  ManagedDisk,
  ObservedDisk,
  OpStart,
  OpState,
  SafetyAnswer,
  SlotSmart,
} from "../../src/detect/types.ts";
import type { Clock } from "../../src/shared/clock.ts";

/** The one test clock (tests/doubles/clock.ts). */
export { ManualClock } from "../doubles/clock.ts";

/** Records notifications. */
export class RecordingNotifier implements Notifier {
  readonly events: NotifyEvent[] = [];
  /** @inheritdoc */
  notify(event: NotifyEvent): void {
    this.events.push(event);
  }
  /** @inheritdoc */
  flush(): Promise<boolean> {
    return Promise.resolve(true);
  }
  /** @inheritdoc */
  close(): void {}
  /**
   * Kinds sent, in order.
   *
   * @returns The kinds.
   */
  kinds(): string[] {
    return this.events.map((e) => e.kind);
  }
}

interface FakeOp {
  id: string;
  kind: "Remove" | "Add";
  path: string;
  createdAt: string;
  pollsLeft: number;
  osdId: number;
}

/** A disk-manager in memory: one OSD per path; removals and adds are counted. */
export class FakeDiskManager implements DiskManagerPort {
  /** OSD id by device path (destroyed ids are kept in `destroyed`). */
  readonly osds = new Map<string, number>();
  /** Destroyed OSD ids (kept for a replacement). */
  readonly destroyed = new Set<number>();
  /** Effective removals (an OSD actually destroyed). */
  removals = 0;
  /** Effective adds. */
  adds = 0;
  /** Every request, in order. */
  readonly calls: string[] = [];
  /** Safe-to-remove answer override. */
  safe: ((d: ManagedDisk) => Omit<SafetyAnswer, "passId">) | null = null;
  /** Polls an operation stays RUNNING. */
  opPolls = 0;
  /** Throw after carrying out the next mutating request (an ambiguous failure). */
  failAfterNext = false;
  /** Throw before the next request of this kind. */
  refuseNext: "remove" | "add" | "safe" | null = null;
  readonly ops = new Map<string, FakeOp>();
  #clock: Clock;
  #n = 0;

  /**
   * @param clock Clock for operation times.
   */
  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** @inheritdoc */
  safeToRemove(d: ManagedDisk): Promise<Omit<SafetyAnswer, "passId">> {
    this.calls.push(`safe ${d.path}`);
    if (this.refuseNext === "safe") {
      this.refuseNext = null;
      return Promise.reject(new Error("Cannot reach the disk-manager: connection refused"));
    }
    if (this.safe) return Promise.resolve(this.safe(d));
    const id = this.osds.get(d.path) ?? d.osdId ?? null;
    if (id === null) {
      return Promise.resolve({
        outcome: "Skipped",
        safe: false,
        reason: "not an OSD",
        osdId: null,
      });
    }
    if (this.destroyed.has(id)) {
      return Promise.resolve({
        outcome: "SkipRepeat",
        safe: true,
        reason: `osd.${id} already destroyed`,
        osdId: id,
      });
    }
    return Promise.resolve({ outcome: "Success", safe: true, reason: "ok", osdId: id });
  }

  #start(kind: "Remove" | "Add", d: ManagedDisk): Promise<OpStart> {
    this.calls.push(`${kind} ${d.path} ${d.identity}`);
    if (this.refuseNext === kind.toLowerCase()) {
      this.refuseNext = null;
      return Promise.reject(Object.assign(new Error("409 disk busy"), { status: 409 }));
    }
    const id = kind === "Remove" ? (this.osds.get(d.path) ?? d.osdId ?? -1) : (d.osdId ?? -1);
    if (kind === "Remove" && this.destroyed.has(id)) {
      return Promise.resolve({
        kind: "done",
        outcome: "SkipRepeat",
        message: `osd.${id} already destroyed`,
        osdId: id,
      });
    }
    if (kind === "Add" && !this.destroyed.has(id) && this.osds.get(d.path) === id) {
      return Promise.resolve({
        kind: "done",
        outcome: "SkipRepeat",
        message: `osd.${id} already up`,
        osdId: id,
      });
    }
    const op: FakeOp = {
      id: `op-${++this.#n}`,
      kind,
      path: d.path,
      createdAt: new Date(this.#clock.now()).toISOString(),
      pollsLeft: this.opPolls,
      osdId: id,
    };
    this.ops.set(op.id, op);
    if (op.pollsLeft === 0) this.#finish(op);
    if (this.failAfterNext) {
      this.failAfterNext = false;
      return Promise.reject(new Error("connection reset after sending"));
    }
    return Promise.resolve({ kind: "started", opId: op.id });
  }

  #finish(op: FakeOp): void {
    if (op.kind === "Remove") {
      this.destroyed.add(op.osdId);
      this.removals++;
    } else {
      this.destroyed.delete(op.osdId);
      this.osds.set(op.path, op.osdId);
      this.adds++;
    }
    op.pollsLeft = -1;
  }

  /** @inheritdoc */
  remove(d: ManagedDisk): Promise<OpStart> {
    return this.#start("Remove", d);
  }

  /** @inheritdoc */
  add(d: ManagedDisk): Promise<OpStart> {
    return this.#start("Add", d);
  }

  /** @inheritdoc */
  operation(opId: string): Promise<OpState> {
    this.calls.push(`poll ${opId}`);
    const op = this.ops.get(opId);
    if (!op) return Promise.resolve({ state: "MISSING", message: "unknown", osdId: null });
    if (op.pollsLeft > 0) {
      op.pollsLeft--;
      if (op.pollsLeft === 0) this.#finish(op);
      return Promise.resolve({ state: "RUNNING", message: "draining", osdId: null });
    }
    return Promise.resolve({
      state: "SUCCEEDED",
      message: `${op.kind} osd.${op.osdId}`,
      osdId: op.osdId,
      outcome: "Success",
    });
  }

  /** @inheritdoc */
  findOperation(
    kind: "Remove" | "Add",
    o: { path: string; since: string },
  ): Promise<string | null> {
    const found = [...this.ops.values()].find((op) =>
      op.kind === kind && op.path === o.path && op.createdAt >= o.since
    );
    return Promise.resolve(found?.id ?? null);
  }
}

/** A disk on the fake host. */
export interface FakeDisk extends AttachedDisk {
  /** Machine state. */
  state: string;
  /** Reason. */
  reason: string;
  /** SMART of the disk when it is a replacement candidate. */
  smart?: SlotSmart;
}

/** A host whose disks and machine states the test sets. */
export class FakeHost implements HostPort {
  readonly hostname = "ceph1";
  /** Attached disks. */
  attached: FakeDisk[] = [];
  /** Disks the machine remembers but that are gone. */
  gone: ObservedDisk[] = [];
  /** When each key entered waiting_for_replacement. */
  readonly entered = new Map<string, string>();
  scans = 0;
  #clock: Clock;

  /**
   * @param clock Clock for state-entry times.
   */
  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Sets a disk's machine state (recording when it entered waiting_for_replacement).
   *
   * @param key The disk.
   * @param state The state.
   * @param reason Why.
   */
  setState(key: string, state: string, reason = ""): void {
    const d = this.attached.find((a) => a.key === key);
    if (d) {
      d.state = state;
      d.reason = reason;
    }
    const g = this.gone.find((a) => a.key === key);
    if (g) g.state = state;
    if (state === "waiting_for_replacement") {
      this.entered.set(key, new Date(this.#clock.now()).toISOString());
    }
  }

  /**
   * Pulls a disk out (the machine marks it vanished, still waiting for replacement).
   *
   * @param key The disk.
   */
  pull(key: string): void {
    const d = this.attached.find((a) => a.key === key);
    if (!d) return;
    this.attached = this.attached.filter((a) => a !== d);
    if (!this.entered.has(key)) this.entered.set(key, new Date(this.#clock.now()).toISOString());
    this.gone.push({
      key: d.key,
      path: d.path,
      serial: d.serial,
      wwn: d.wwn,
      model: d.model,
      state: "waiting_for_replacement",
      reason: `vanished from the host (last seen at ${d.path})`,
      vanished: true,
      enteredWfrAt: null,
    });
  }

  /** @inheritdoc */
  scan(): Promise<HostScan> {
    this.scans++;
    const disks: ObservedDisk[] = [
      ...this.attached.map((d) => ({
        key: d.key,
        path: d.path,
        serial: d.serial,
        wwn: d.wwn,
        model: d.model,
        state: d.state,
        reason: d.reason,
        vanished: false,
        enteredWfrAt: null,
      })),
      ...this.gone,
    ].map((d) => ({ ...d, enteredWfrAt: this.entered.get(d.key) ?? null }));
    return Promise.resolve({ disks, attached: this.attached.map((d) => ({ ...d })) });
  }

  /** @inheritdoc */
  smart(disk: AttachedDisk): Promise<SlotSmart> {
    const d = this.attached.find((a) => a.key === disk.key);
    return Promise.resolve(d?.smart ?? { verdict: "ok", available: true, reasons: [] });
  }
}
