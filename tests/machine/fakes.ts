/**
 * In-memory doubles for the machine's ports: a scripted filesystem probe, SMART check,
 * disk source and a manual clock.
 *
 * @module
 */
import type {
  ActionResult,
  FixResult,
  FsckResult,
  FsIdentity,
  FsProbe,
  MountView,
  WriteTestResult,
} from "../../src/health/types.ts";
import type { BlockDisk } from "../../src/inventory/model.ts";
import type { DiskSource, SmartCheck } from "../../src/machine/ports.ts";
import type { Assessment } from "../../src/smart/model.ts";

/** Builds a disk with an optional whole-disk filesystem. */
export function fakeDisk(
  name: string,
  options: {
    serial?: string;
    fsType?: string | null;
    systemReason?: string | null;
    mountpoint?: string;
  } = {},
): BlockDisk {
  const serial = options.serial ?? `SER-${name}`;
  return {
    name,
    path: `/dev/${name}`,
    devno: "7:0",
    sizeBytes: 1 << 30,
    rotational: false,
    removable: false,
    readOnly: false,
    type: "VIRTUAL",
    identity: { model: "FAKE", serial, wwn: null, byIdPath: null, key: `serial:${serial}` },
    fs: {
      type: options.fsType === undefined ? "ext4" : options.fsType,
      uuid: "0b4c1d2e-1111-2222-3333-444455556666",
      label: "data",
    },
    mounts: options.mountpoint
      ? [{
        id: 1,
        devno: "7:0",
        source: `/dev/${name}`,
        mountpoint: options.mountpoint,
        fsType: "ext4",
        options: ["rw"],
        superOptions: ["rw"],
        readOnly: false,
        mountReadOnly: false,
      }]
      : [],
    partitions: [],
    backingFile: null,
    systemReason: options.systemReason ?? null,
  };
}

/** A disk source over a mutable list. */
export class FakeDisks implements DiskSource {
  disks: BlockDisk[];
  constructor(disks: BlockDisk[]) {
    this.disks = disks;
  }
  list(): Promise<BlockDisk[]> {
    return Promise.resolve(this.disks.map((d) => structuredClone(d)));
  }
}

/** SMART verdicts by device path (default ok). */
export class FakeSmart implements SmartCheck {
  verdicts = new Map<string, Assessment>();
  verdict(disk: BlockDisk): Promise<Assessment> {
    return Promise.resolve(this.verdicts.get(disk.path) ?? { verdict: "ok", reasons: [] });
  }
}

/** Per-device scripted filesystem state. */
export interface FakeDevice {
  mounts: MountView[];
  corrupt: boolean;
  repairable: boolean;
  mountable: boolean;
  writable: boolean;
  remountable: boolean;
  fsckError?: string;
  holders?: number[];
  /** The write test is refused by the sandbox (`Deno.errors.NotCapable`). */
  sandboxRefusesWrite?: boolean;
}

/** A scripted filesystem probe that records every call. */
export class FakeFs implements FsProbe {
  devices = new Map<string, FakeDevice>();
  calls: string[] = [];
  temps = new Set<string>();
  scratches = new Set<string>();
  #n = 0;

  device(path: string, init: Partial<FakeDevice> = {}): FakeDevice {
    const d: FakeDevice = {
      mounts: [],
      corrupt: false,
      repairable: true,
      mountable: true,
      writable: true,
      remountable: true,
      ...init,
    };
    this.devices.set(path, d);
    return d;
  }
  #dev(path: string): FakeDevice {
    return this.devices.get(path) ?? this.device(path);
  }
  /** Calls that change something. */
  get mutations(): string[] {
    return this.calls.filter((c) =>
      /^(mountTemp|releaseTemp|writeTest|remount|repair|reformat)/.test(c)
    );
  }
  mounts(device: string): Promise<MountView[]> {
    return Promise.resolve(this.#dev(device).mounts.map((m) => ({ ...m })));
  }
  holders(device: string): Promise<number[]> {
    return Promise.resolve(this.#dev(device).holders ?? []);
  }
  newTempMountPath(): string {
    return `/run/bynar/mnt/t${++this.#n}`;
  }
  mountTemp(device: string, o: { fsType: string; mountpoint: string }): Promise<ActionResult> {
    this.calls.push(`mountTemp ${device}`);
    const d = this.#dev(device);
    if (!d.mountable) return Promise.resolve({ ok: false, detail: "bad superblock" });
    d.mounts.push({
      mountpoint: o.mountpoint,
      readOnly: false,
      mountReadOnly: false,
      fsType: o.fsType,
    });
    this.temps.add(o.mountpoint);
    return Promise.resolve({ ok: true, detail: "mounted" });
  }
  releaseTemp(mountpoint: string): Promise<ActionResult> {
    this.calls.push(`releaseTemp ${mountpoint}`);
    for (const d of this.devices.values()) {
      d.mounts = d.mounts.filter((m) => m.mountpoint !== mountpoint);
    }
    this.temps.delete(mountpoint);
    return Promise.resolve({ ok: true, detail: "released" });
  }
  writeTest(device: string, mountpoint: string): Promise<WriteTestResult> {
    this.calls.push(`writeTest ${device} ${mountpoint}`);
    const d = this.#dev(device);
    if (d.sandboxRefusesWrite) {
      return Promise.reject(
        new Deno.errors.NotCapable(
          `Requires write access to "${mountpoint}", run again with the --allow-write flag`,
        ),
      );
    }
    const m = d.mounts.find((m) => m.mountpoint === mountpoint);
    if (!m) return Promise.resolve({ status: "failed", detail: "no such mount" });
    if (m.readOnly || m.mountReadOnly) {
      return Promise.resolve({ status: "read_only", detail: "EROFS" });
    }
    if (!d.writable) return Promise.resolve({ status: "failed", detail: "EIO" });
    return Promise.resolve({ status: "ok", detail: "ok" });
  }
  removeScratch(scratch: string): Promise<ActionResult> {
    this.calls.push(`removeScratch ${scratch}`);
    this.scratches.delete(scratch);
    return Promise.resolve({ ok: true, detail: "removed" });
  }
  fsErrors?: (device: string) => Promise<string | null>;
  remountReadWrite(mountpoint: string): Promise<ActionResult> {
    this.calls.push(`remount ${mountpoint}`);
    for (const d of this.devices.values()) {
      for (const m of d.mounts) {
        if (m.mountpoint === mountpoint && d.remountable) {
          m.readOnly = false;
          m.mountReadOnly = false;
        }
      }
    }
    return Promise.resolve({ ok: true, detail: "remounted" });
  }
  fsck(device: string): Promise<FsckResult> {
    this.calls.push(`fsck ${device}`);
    const d = this.#dev(device);
    if (d.fsckError) return Promise.resolve({ status: "error", exitCode: 8, detail: d.fsckError });
    return Promise.resolve(
      d.corrupt
        ? { status: "corrupt", exitCode: 4, detail: "errors left" }
        : { status: "clean", exitCode: 0, detail: "clean" },
    );
  }
  repair(device: string): Promise<FixResult> {
    this.calls.push(`repair ${device}`);
    const d = this.#dev(device);
    if (!d.repairable) {
      return Promise.resolve({ status: "failed", exitCode: 4, detail: "run fsck manually" });
    }
    d.corrupt = false;
    return Promise.resolve({ status: "ok", exitCode: 1, detail: "fixed" });
  }
  reformat(device: string, fs: FsIdentity): Promise<FixResult> {
    this.calls.push(`reformat ${device} ${fs.fsType} ${fs.uuid}`);
    const d = this.#dev(device);
    d.corrupt = false;
    d.repairable = true;
    return Promise.resolve({ status: "ok", exitCode: 0, detail: "mkfs ok" });
  }
}

/** The one test clock (tests/doubles/clock.ts); this suite starts it on 2026-01-01. */
export { ManualClock } from "../doubles/clock.ts";
