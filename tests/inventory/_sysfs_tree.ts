/**
 * Builds synthetic sysfs/procfs/dev/udev trees under a temp dir for inventory tests.
 *
 * @module
 */
import type { Roots } from "../../src/inventory/model.ts";

/** A partition of a synthetic disk. */
export interface FakePartition {
  /** Kernel name. */
  name: string;
  /** major:minor. */
  devno: string;
  /** Partition number. */
  number: number;
  /** Start sector. */
  start: number;
  /** Size in sectors. */
  size: number;
  /** Holder names. */
  holders?: string[];
}

/** A synthetic /sys/block entry. */
export interface FakeDisk {
  /** Kernel name. */
  name: string;
  /** major:minor. */
  devno: string;
  /** Size in sectors. */
  size: number;
  /** queue/rotational. */
  rotational?: 0 | 1;
  /** device/* attribute files (vendor, model, serial, wwid), written as given. */
  device?: Record<string, string | Uint8Array>;
  /** Top-level attribute files (serial, wwid, removable, ro). */
  attrs?: Record<string, string>;
  /** Partitions. */
  partitions?: FakePartition[];
  /** holders/ names. */
  holders?: string[];
  /** slaves/ names. */
  slaves?: string[];
  /** loop/backing_file. */
  backingFile?: string;
}

/** A synthetic host. */
export interface FakeHost {
  /** /sys/block entries. */
  disks: FakeDisk[];
  /** /proc/self/mountinfo text. */
  mountinfo: string;
  /** /proc/swaps text. */
  swaps?: string;
  /** udev data files by devno. */
  udev?: Record<string, string>;
  /** /dev/disk/by-id links: name → target relative to by-id (e.g. `../../sda`). */
  byId?: Record<string, string>;
}

/**
 * Writes the tree under `dir` and returns Roots pointing at it.
 *
 * @param dir A fresh temp directory.
 * @param host The synthetic host.
 * @returns Roots for the tree.
 */
export function buildTree(dir: string, host: FakeHost): Roots {
  const roots: Roots = {
    sys: `${dir}/sys`,
    proc: `${dir}/proc`,
    dev: `${dir}/dev`,
    udevData: `${dir}/udev`,
  };
  for (
    const p of [
      `${roots.sys}/block`,
      `${roots.proc}/self`,
      `${roots.dev}/disk/by-id`,
      roots.udevData,
    ]
  ) {
    Deno.mkdirSync(p, { recursive: true });
  }
  const w = (path: string, v: string | Uint8Array): void => {
    Deno.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    if (typeof v === "string") Deno.writeTextFileSync(path, v + "\n");
    else Deno.writeFileSync(path, v);
  };
  const dirList = (path: string, names: string[] = []): void => {
    Deno.mkdirSync(path, { recursive: true });
    for (const n of names) Deno.writeTextFileSync(`${path}/${n}`, "");
  };
  for (const d of host.disks) {
    const b = `${roots.sys}/block/${d.name}`;
    w(`${b}/dev`, d.devno);
    w(`${b}/size`, String(d.size));
    w(`${b}/removable`, d.attrs?.removable ?? "0");
    w(`${b}/ro`, d.attrs?.ro ?? "0");
    if (d.rotational !== undefined) w(`${b}/queue/rotational`, String(d.rotational));
    for (const [k, v] of Object.entries(d.attrs ?? {})) w(`${b}/${k}`, v);
    for (const [k, v] of Object.entries(d.device ?? {})) w(`${b}/device/${k}`, v);
    dirList(`${b}/holders`, d.holders);
    dirList(`${b}/slaves`, d.slaves);
    if (d.backingFile !== undefined) w(`${b}/loop/backing_file`, d.backingFile);
    Deno.writeTextFileSync(`${roots.dev}/${d.name}`, "");
    for (const p of d.partitions ?? []) {
      const pd = `${b}/${p.name}`;
      w(`${pd}/dev`, p.devno);
      w(`${pd}/partition`, String(p.number));
      w(`${pd}/start`, String(p.start));
      w(`${pd}/size`, String(p.size));
      dirList(`${pd}/holders`, p.holders);
      Deno.writeTextFileSync(`${roots.dev}/${p.name}`, "");
    }
  }
  w(`${roots.proc}/self/mountinfo`, host.mountinfo);
  if (host.swaps !== undefined) w(`${roots.proc}/swaps`, host.swaps);
  for (const [devno, text] of Object.entries(host.udev ?? {})) {
    w(`${roots.udevData}/b${devno}`, text);
  }
  for (const [name, target] of Object.entries(host.byId ?? {})) {
    Deno.symlinkSync(target, `${roots.dev}/disk/by-id/${name}`);
  }
  return roots;
}
