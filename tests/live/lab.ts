/**
 * The live-device lab: boots a QEMU guest (TCG; KVM is unusable on this machine kind) with
 * the Debian kernel, emulated disks and the packaged Bynar, and drives it.
 *
 * - {@linkcode boot}`(instance, { disks })` starts QEMU and waits for the guest agent.
 *   Everything of one guest lives in `/tmp/bynar-live/<instance>/` (QMP and agent sockets,
 *   console log, disk images, QEMU's snapshot overlay), so several guests (e.g. another
 *   helper's) can run side by side with distinct instance names.
 * - {@linkcode Guest.exec} runs a shell script in the guest over a virtio-serial port and
 *   returns its exit code, stdout and stderr.
 * - {@linkcode Guest.qmp} / {@linkcode Guest.hmp} / {@linkcode Guest.waitEvent} talk to
 *   QEMU's monitor (faults: `qom-set`, `device_del`, `qemu-io`…).
 * - {@linkcode Guest.shutdown} kills QEMU and removes the instance directory; it also runs
 *   when the test process unloads, so no QEMU outlives its test.
 *
 * The guest's root is the product image ({@linkcode guestImage}) on a virtio-blk "system
 * disk" mounted at `/` (serial {@linkcode SYSTEM_SERIAL}), opened with `snapshot=on`.
 *
 * @example
 * ```ts
 * const guest = await boot("example", {
 *   disks: [{ kind: "nvme", id: "nvme0", serial: "NVME-1", addr: "0x10" }],
 * });
 * try {
 *   const r = await guest.exec("bynar --check");
 * } finally {
 *   await guest.shutdown();
 * }
 * ```
 *
 * @module
 */
import { join } from "node:path";
import { guestImage, run } from "./image.ts";
import { shippedProduct } from "../builders/shipped.ts";

/** Parent of every instance directory. */
export const INSTANCE_ROOT = "/tmp/bynar-live";

/** Serial of the virtio-blk system disk (the guest's root, `/dev/vda`). */
export const SYSTEM_SERIAL = "BYNAR-LIVE-SYS";

/** Properties every emulated disk has. */
interface DiskCommon {
  /** qdev id of the device (also the block node name), e.g. `nvme0`. */
  id: string;
  /** Serial number the guest sees. */
  serial: string;
  /**
   * Size in MiB.
   * @default 256
   */
  sizeMiB?: number;
  /**
   * Make the image an ext4 filesystem (on the host, before boot) with this label.
   * Made with lazy init off, so the kernel never issues write-zeroes on its own.
   */
  ext4Label?: string;
  /**
   * Put the disk on `blkdebug`: I/O errors (EIO) on every read and write once armed with
   * {@linkcode Guest.armIoErrors}.
   */
  blkdebug?: boolean;
}

/** An AHCI SATA disk (`ide-hd` on `ich9-ahci`). */
export interface SataDisk extends DiskCommon {
  /** Kind. */
  kind: "sata";
  /** Model string. */
  model?: string;
  /** WWN, e.g. `0x5000c500a1b2c3d4`. */
  wwn?: string;
  /** 1 = SSD, 7200 = HDD. */
  rotationRate?: number;
}

/** An NVMe controller with one namespace. */
export interface NvmeDisk extends DiskCommon {
  /** Kind. */
  kind: "nvme";
  /** PCI slot (e.g. `0x10`) — needed to plug a replacement into the same slot. */
  addr?: string;
  /**
   * Give the controller a persistent memory region (1 MiB, file-backed in the instance
   * directory): QEMU accepts the critical-warning bit 0x20 (PMR unreliable) only then.
   */
  pmr?: boolean;
}

/** A virtio-scsi `scsi-hd`. */
export interface ScsiDisk extends DiskCommon {
  /** Kind. */
  kind: "scsi";
  /** Vendor. */
  vendor?: string;
  /** Product. */
  product?: string;
  /** WWN. */
  wwn?: string;
}

/** A virtio-blk disk. */
export interface VirtioDisk extends DiskCommon {
  /** Kind. */
  kind: "virtio";
}

/** One emulated disk. */
export type DiskSpec = SataDisk | NvmeDisk | ScsiDisk | VirtioDisk;

/** Options for {@linkcode boot}. */
export interface BootOptions {
  /** The disks besides the system disk. */
  disks?: readonly DiskSpec[];
  /**
   * Guest memory in MiB.
   * @default 1536
   */
  memoryMiB?: number;
  /**
   * Guest CPUs (TCG threads).
   * @default 1
   */
  cpus?: number;
  /**
   * How long to wait for the guest agent.
   * @default 240000
   */
  bootTimeoutMs?: number;
}

/** What a command in the guest returned. */
export interface ExecResult {
  /** Exit code (137 when the guest-side timeout killed it). */
  readonly code: number;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
  /** Wall time in milliseconds. */
  readonly ms: number;
}

/** Options for {@linkcode Guest.exec}. */
export interface ExecOptions {
  /**
   * Kill the command after this many milliseconds (guest side).
   * @default 300000
   */
  timeoutMs?: number;
}

/** A QMP event. */
export interface QmpEvent {
  /** Event name, e.g. `DEVICE_DELETED`. */
  readonly event: string;
  /** Event data. */
  readonly data: Record<string, unknown>;
}

/** Options for {@linkcode Guest.plugDisk}. */
export interface PlugOptions {
  /**
   * Reuse an existing block node (a disk that was unplugged) instead of a new image.
   */
  reuseNode?: boolean;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function b64encode(text: string): string {
  const bytes = enc.encode(text);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

function b64decode(text: string): string {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return dec.decode(bytes);
}

/** Splits a byte stream into lines. */
class LineReader {
  #buf = "";
  #conn: Deno.Conn;
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #decoder = new TextDecoder();

  constructor(conn: Deno.Conn) {
    this.#conn = conn;
    this.#reader = conn.readable.getReader();
  }

  /** The next line, or null at end of stream. */
  async next(): Promise<string | null> {
    for (;;) {
      const nl = this.#buf.indexOf("\n");
      if (nl >= 0) {
        const line = this.#buf.slice(0, nl);
        this.#buf = this.#buf.slice(nl + 1);
        return line;
      }
      const { value, done } = await this.#reader.read();
      if (done) return null;
      this.#buf += this.#decoder.decode(value, { stream: true });
    }
  }

  async write(text: string): Promise<void> {
    const data = enc.encode(text);
    let off = 0;
    while (off < data.length) off += await this.#conn.write(data.subarray(off));
  }

  close(): void {
    try {
      this.#conn.close();
    } catch {
      // already closed
    }
  }
}

async function connectUnix(path: string, deadline: number): Promise<Deno.Conn> {
  for (;;) {
    try {
      return await Deno.connect({ transport: "unix", path });
    } catch (err) {
      if (Date.now() > deadline) {
        throw new Error(`live lab: cannot connect to ${path}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Every running guest of this process (killed on unload). */
const running = new Set<Guest>();

globalThis.addEventListener("unload", () => {
  for (const g of running) g.killSync();
});

/** On SIGINT/SIGTERM (Ctrl-C, a CI timeout) kill the guests, then end as the signal would. */
const onSignal: Record<"SIGINT" | "SIGTERM", () => void> = {
  SIGINT: () => killAllAndExit(130),
  SIGTERM: () => killAllAndExit(143),
};
let signalsWatched = false;

function killAllAndExit(code: number): void {
  for (const g of running) g.killSync();
  Deno.exit(code);
}

function watchSignals(on: boolean): void {
  if (on === signalsWatched) return;
  signalsWatched = on;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    if (on) Deno.addSignalListener(sig, onSignal[sig]);
    else Deno.removeSignalListener(sig, onSignal[sig]);
  }
}

function deviceArgs(d: DiskSpec): string[] {
  const common = `drive=${d.id},id=${d.id},serial=${d.serial}`;
  switch (d.kind) {
    case "sata":
      return [
        `ide-hd,${common},bus=ahci.${sataPort(d)}` +
        (d.model ? `,model=${d.model}` : "") + (d.wwn ? `,wwn=${d.wwn}` : "") +
        (d.rotationRate !== undefined ? `,rotation_rate=${d.rotationRate}` : "") +
        ",rerror=report,werror=report",
      ];
    case "nvme":
      return [
        `nvme,${common}` + (d.addr ? `,addr=${d.addr}` : "") + (d.pmr ? `,pmrdev=${d.id}-pmr` : ""),
      ];
    case "scsi":
      return [
        `scsi-hd,${common},bus=scsi0.0` + (d.vendor ? `,vendor=${d.vendor}` : "") +
        (d.product ? `,product=${d.product}` : "") + (d.wwn ? `,wwn=${d.wwn}` : "") +
        ",rerror=report,werror=report",
      ];
    case "virtio":
      return [`virtio-blk-pci,${common},rerror=report,werror=report`];
  }
}

const sataPorts = new WeakMap<SataDisk, number>();
function sataPort(d: SataDisk): number {
  return sataPorts.get(d) ?? 0;
}

/** blkdebug rules: EIO on every read/write once `pwritev_zero` moved the state to 2. */
const BLKDEBUG_CONFIG = `[set-state]
state = "1"
event = "pwritev_zero"
new_state = "2"

[inject-error]
state = "2"
event = "read_aio"
errno = "5"
immediately = "off"

[inject-error]
state = "2"
event = "write_aio"
errno = "5"
immediately = "off"
`;

/** A running guest. */
export class Guest {
  /** Instance name. */
  readonly instance: string;
  /** Instance directory. */
  readonly dir: string;
  /** The disks it was booted with. */
  readonly disks: readonly DiskSpec[];
  /** Boot wall time in milliseconds (QEMU start → agent answers). */
  bootMs = 0;
  #child: Deno.ChildProcess;
  #agent?: LineReader;
  #qmp?: LineReader;
  #nextId = 1;
  #pending = new Map<string, (msg: Record<string, unknown>) => void>();
  #events: QmpEvent[] = [];
  #eventWaiters = new Set<() => void>();
  #execChain: Promise<unknown> = Promise.resolve();
  #exited: Promise<Deno.CommandStatus>;
  #exitStatus?: Deno.CommandStatus;
  #closed = false;

  /** @internal use {@linkcode boot}. */
  constructor(
    instance: string,
    dir: string,
    disks: readonly DiskSpec[],
    child: Deno.ChildProcess,
  ) {
    this.instance = instance;
    this.dir = dir;
    this.disks = disks;
    this.#child = child;
    this.#exited = child.status.then((s) => {
      this.#exitStatus = s;
      return s;
    });
  }

  /** The console log so far (kernel and init messages). */
  async console(): Promise<string> {
    return await Deno.readTextFile(join(this.dir, "console.log")).catch(() => "");
  }

  async #consoleTail(): Promise<string> {
    const lines = (await this.console()).split("\n");
    return lines.slice(-40).join("\n");
  }

  /** @internal connects the agent and QMP sockets and waits for the agent. */
  async connect(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    this.#qmp = new LineReader(await connectUnix(join(this.dir, "qmp.sock"), deadline));
    const greeting = await this.#qmp.next();
    if (!greeting?.includes("QMP")) throw new Error(`live lab: no QMP greeting: ${greeting}`);
    this.#readQmp();
    await this.qmp("qmp_capabilities");
    this.#agent = new LineReader(await connectUnix(join(this.dir, "ctl.sock"), deadline));
    this.#readAgent();
    const ready = await this.exec("echo ready", {
      timeoutMs: Math.max(1000, deadline - Date.now()),
    });
    if (ready.stdout.trim() !== "ready") {
      throw new Error(`live lab: agent answered ${JSON.stringify(ready)}`);
    }
  }

  async #readQmp(): Promise<void> {
    for (;;) {
      const line = await this.#qmp!.next().catch(() => null);
      if (line === null) break;
      if (!line.trim()) continue;
      const msg = JSON.parse(line) as Record<string, unknown>;
      if (typeof msg.event === "string") {
        this.#events.push({
          event: msg.event,
          data: (msg.data ?? {}) as Record<string, unknown>,
        });
        for (const w of this.#eventWaiters) w();
      } else if (msg.id !== undefined) {
        const cb = this.#pending.get(String(msg.id));
        this.#pending.delete(String(msg.id));
        cb?.(msg);
      }
    }
    for (const [, cb] of this.#pending) cb({ error: { desc: "QMP connection closed" } });
    this.#pending.clear();
  }

  async #readAgent(): Promise<void> {
    for (;;) {
      const line = await this.#agent!.next().catch(() => null);
      if (line === null) break;
      const m = /^@@R (\S+) (\d+) b(\S*) b(\S*)\s*$/.exec(line);
      if (!m) continue;
      const cb = this.#pending.get(`a${m[1]}`);
      this.#pending.delete(`a${m[1]}`);
      cb?.({ code: Number(m[2]), stdout: b64decode(m[3]!), stderr: b64decode(m[4]!) });
    }
    for (const [id, cb] of this.#pending) {
      if (id.startsWith("a")) cb({ lost: true });
    }
  }

  /**
   * Runs a shell script in the guest (busybox sh, root, PATH=/usr/sbin:/usr/bin:/sbin:/bin).
   * Commands run one at a time, in call order.
   *
   * @param script The script.
   * @param options Timeout.
   * @returns Exit code, stdout, stderr and wall time.
   */
  exec(script: string, options: ExecOptions = {}): Promise<ExecResult> {
    const next = this.#execChain.then(() => this.#execNow(script, options));
    this.#execChain = next.catch(() => {});
    return next;
  }

  async #execNow(script: string, options: ExecOptions): Promise<ExecResult> {
    if (!this.#agent) throw new Error("live lab: the guest agent is not connected");
    const timeoutMs = options.timeoutMs ?? 300_000;
    const id = String(this.#nextId++);
    const t0 = performance.now();
    const reply = new Promise<Record<string, unknown>>((resolve) => {
      this.#pending.set(`a${id}`, resolve);
    });
    await this.#agent.write(
      `${id} ${Math.ceil(timeoutMs / 1000)} ${b64encode(script)}\n`,
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`live lab: no answer from the guest agent in ${timeoutMs + 30_000} ms`),
          ),
        timeoutMs + 30_000,
      );
    });
    const died = this.#exited.then(async (s) => {
      throw new Error(
        `live lab: QEMU exited (code ${s.code}) during exec; console:\n${await this
          .#consoleTail()}`,
      );
    });
    try {
      const msg = await Promise.race([reply, guard, died]);
      if (msg.lost) throw new Error("live lab: the agent connection closed during exec");
      return {
        code: msg.code as number,
        stdout: msg.stdout as string,
        stderr: msg.stderr as string,
        ms: Math.round(performance.now() - t0),
      };
    } finally {
      clearTimeout(timer);
      this.#pending.delete(`a${id}`);
    }
  }

  /**
   * Runs a QMP command.
   *
   * @param execute Command name.
   * @param args Arguments.
   * @returns The `return` value.
   * @throws {Error} With QEMU's error description.
   */
  async qmp(execute: string, args?: Record<string, unknown>): Promise<unknown> {
    if (!this.#qmp) throw new Error("live lab: QMP is not connected");
    if (this.#exitStatus !== undefined) {
      throw new Error(
        `live lab: QEMU exited (code ${this.#exitStatus.code}, signal ${this.#exitStatus.signal}) ` +
          `before QMP ${execute}; console:\n${await this.#consoleTail()}`,
      );
    }
    const id = `q${this.#nextId++}`;
    const reply = new Promise<Record<string, unknown>>((resolve) => {
      this.#pending.set(id, resolve);
    });
    await this.#qmp.write(
      JSON.stringify(args ? { execute, arguments: args, id } : { execute, id }) + "\n",
    );
    const msg = await reply;
    if (msg.error) {
      const e = msg.error as { desc?: string };
      throw new Error(`live lab: QMP ${execute} failed: ${e.desc ?? JSON.stringify(e)}`);
    }
    return msg.return;
  }

  /**
   * Runs an HMP (human monitor) command through QMP.
   *
   * @param commandLine E.g. `qemu-io -d vdb "write -z 0 512"`.
   * @returns Its text output.
   */
  async hmp(commandLine: string): Promise<string> {
    return String(await this.qmp("human-monitor-command", { "command-line": commandLine }));
  }

  /**
   * Waits for a QMP event that arrived since boot and was not taken before.
   *
   * @param event Event name.
   * @param options Predicate on the event data and a timeout (default 60 s).
   * @returns The event (removed from the queue).
   */
  async waitEvent(
    event: string,
    options: { match?: (data: Record<string, unknown>) => boolean; timeoutMs?: number } = {},
  ): Promise<QmpEvent> {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      const i = this.#events.findIndex((e) =>
        e.event === event && (options.match?.(e.data) ?? true)
      );
      if (i >= 0) return this.#events.splice(i, 1)[0]!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`live lab: no QMP event ${event} in time`);
      await new Promise<void>((resolve) => {
        const waiters = this.#eventWaiters;
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        waiters.add(done);
      });
    }
  }

  /**
   * Arms a blkdebug disk: every following read and write of it fails with EIO.
   *
   * @param id The disk's id (booted with `blkdebug: true`).
   */
  async armIoErrors(id: string): Promise<void> {
    const d = this.disks.find((x) => x.id === id);
    if (!d?.blkdebug) throw new Error(`live lab: disk ${id} is not on blkdebug`);
    // A zero-write at offset 0 (ext4 leaves the first 1 KiB unused) fires pwritev_zero.
    const out = await this.hmp(`qemu-io ${id} "write -z 0 512"`);
    // Success prints nothing through QMP; a refusal prints the reason.
    if (out.trim() !== "" && !/^wrote /m.test(out)) {
      throw new Error(`live lab: arming ${id} failed: ${out}`);
    }
  }

  /**
   * Hot-unplugs a PCI/SCSI disk (`device_del`) and waits for `DEVICE_DELETED`.
   *
   * @param id The device id.
   */
  async unplugDisk(id: string): Promise<void> {
    await this.qmp("device_del", { id });
    await this.waitEvent("DEVICE_DELETED", { match: (d) => d.device === id, timeoutMs: 60_000 });
  }

  /**
   * Hot-plugs an NVMe disk: a new sparse image (or an existing node) and `device_add`.
   *
   * @param disk The disk (id = qdev id; `addr` = slot).
   * @param options Reuse the block node of a disk unplugged earlier.
   */
  async plugDisk(disk: NvmeDisk, options: PlugOptions = {}): Promise<void> {
    const node = disk.id;
    if (!options.reuseNode) {
      const img = join(this.dir, `${node}.img`);
      await makeImage(img, disk);
      await this.qmp("blockdev-add", {
        driver: "raw",
        "node-name": node,
        file: { driver: "file", filename: img },
      });
    }
    await this.qmp("device_add", {
      driver: "nvme",
      id: disk.id,
      drive: node,
      serial: disk.serial,
      ...(disk.addr ? { addr: disk.addr } : {}),
    });
  }

  /** Kills QEMU at once and removes the instance directory (synchronous, for unload). */
  killSync(): void {
    running.delete(this);
    if (running.size === 0) watchSignals(false);
    this.#closed = true;
    this.#agent?.close();
    this.#qmp?.close();
    if (this.#exitStatus === undefined) {
      try {
        Deno.kill(this.#child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    try {
      Deno.removeSync(this.dir, { recursive: true });
    } catch {
      // already gone
    }
  }

  /** Stops QEMU (QMP `quit`, then SIGKILL) and removes the instance directory. */
  async shutdown(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    running.delete(this);
    if (running.size === 0) watchSignals(false);
    if (this.#exitStatus === undefined) {
      await Promise.race([
        this.qmp("quit").catch(() => {}),
        new Promise((r) => setTimeout(r, 5000)),
      ]);
      const t = setTimeout(() => {
        try {
          Deno.kill(this.#child.pid, "SIGKILL");
        } catch {
          // gone
        }
      }, 5000);
      await this.#exited;
      clearTimeout(t);
    }
    this.#agent?.close();
    this.#qmp?.close();
    // The console log outlives the instance, for a failure's post-mortem.
    await Deno.copyFile(join(this.dir, "console.log"), `${this.dir}.console.log`).catch(() => {});
    await Deno.remove(this.dir, { recursive: true }).catch(() => {});
  }
}

async function makeImage(path: string, d: DiskSpec): Promise<void> {
  await run("truncate", ["-s", `${d.sizeMiB ?? 256}M`, path]);
  if (d.ext4Label) {
    await run("mkfs.ext4", [
      "-q",
      "-F",
      "-L",
      d.ext4Label,
      "-E",
      "lazy_itable_init=0,lazy_journal_init=0,nodiscard",
      path,
    ]);
  }
}

/** Kills a QEMU left by an earlier crashed run of the same instance (only if it is ours). */
async function reapStale(dir: string): Promise<void> {
  const pid = Number((await Deno.readTextFile(join(dir, "qemu.pid")).catch(() => "")).trim());
  if (pid > 0) {
    const cmdline = await Deno.readTextFile(`/proc/${pid}/cmdline`).catch(() => "");
    if (cmdline.includes(join(dir, "qmp.sock"))) {
      try {
        Deno.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
      for (let i = 0; i < 50 && await Deno.stat(`/proc/${pid}`).catch(() => null); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  await Deno.remove(dir, { recursive: true }).catch(() => {});
}

/**
 * Boots a guest with the packaged Bynar from the tree under test and the given disks.
 *
 * @param instance Instance name (`[a-z0-9-]`, ≤ 32): names the directory, sockets and QEMU.
 * @param options Disks, memory, CPUs, boot timeout.
 * @returns The running guest (call {@linkcode Guest.shutdown} in a finally).
 */
export async function boot(instance: string, options: BootOptions = {}): Promise<Guest> {
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(instance)) {
    throw new RangeError(`live lab: instance "${instance}" must match [a-z0-9-]{1,32}`);
  }
  const product = await shippedProduct();
  const image = await guestImage({ productTree: product.tree, productHash: product.hash });
  const dir = join(INSTANCE_ROOT, instance);
  await reapStale(dir);
  await Deno.mkdir(dir, { recursive: true, mode: 0o700 });

  const disks = options.disks ?? [];
  const args = [
    "-name",
    `bynar-live-${instance}`,
    "-machine",
    "pc,accel=tcg",
    "-cpu",
    "max",
    "-smp",
    String(options.cpus ?? 1),
    "-m",
    String(options.memoryMiB ?? 1536),
    "-nodefaults",
    "-no-user-config",
    "-display",
    "none",
    "-nic",
    "none",
    "-no-reboot",
    "-pidfile",
    join(dir, "qemu.pid"),
    "-kernel",
    image.kernel,
    "-initrd",
    image.initramfs,
    "-append",
    "console=ttyS0 panic=-1 rw",
    "-chardev",
    `file,id=con,path=${join(dir, "console.log")}`,
    "-serial",
    "chardev:con",
    "-qmp",
    `unix:${join(dir, "qmp.sock")},server=on,wait=off`,
    "-device",
    "virtio-serial-pci,id=vser",
    "-chardev",
    `socket,id=ctl,path=${join(dir, "ctl.sock")},server=on,wait=off`,
    "-device",
    "virtserialport,chardev=ctl,name=bynar.ctl",
    "-drive",
    `if=none,id=sys,file=${image.rootImage},format=raw,snapshot=on`,
    "-device",
    `virtio-blk-pci,drive=sys,id=sys,serial=${SYSTEM_SERIAL}`,
  ];
  if (disks.some((d) => d.kind === "sata")) args.push("-device", "ich9-ahci,id=ahci");
  if (disks.some((d) => d.kind === "scsi")) args.push("-device", "virtio-scsi-pci,id=scsi0");
  let port = 0;
  for (const d of disks) {
    if (d.kind === "sata") sataPorts.set(d, port++);
    if (d.kind === "nvme" && d.pmr) {
      args.push(
        "-object",
        `memory-backend-file,id=${d.id}-pmr,share=on,mem-path=${join(dir, `${d.id}.pmr`)},size=1M`,
      );
    }
    const img = join(dir, `${d.id}.img`);
    await makeImage(img, d);
    if (d.blkdebug) {
      const conf = join(dir, `${d.id}.blkdebug`);
      await Deno.writeTextFile(conf, BLKDEBUG_CONFIG);
      args.push(
        "-blockdev",
        JSON.stringify({
          driver: "raw",
          "node-name": d.id,
          file: { driver: "blkdebug", config: conf, image: { driver: "file", filename: img } },
        }),
      );
    } else {
      args.push(
        "-blockdev",
        JSON.stringify({
          driver: "raw",
          "node-name": d.id,
          file: { driver: "file", filename: img },
        }),
      );
    }
    // share-rw: HMP qemu-io may then write to the node while the device uses it.
    args.push("-device", deviceArgs(d).join("") + (d.blkdebug ? ",share-rw=on" : ""));
  }

  const t0 = performance.now();
  const child = new Deno.Command("qemu-system-x86_64", {
    args,
    env: { TMPDIR: dir },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const stderrText = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let qemuErr = "";
  (async () => {
    for (;;) {
      const { value, done } = await stderrText.read().catch(() => ({ value: "", done: true }));
      if (done) break;
      qemuErr += value;
    }
  })();
  const guest = new Guest(instance, dir, disks, child);
  running.add(guest);
  watchSignals(true);
  try {
    await Promise.race([
      guest.connect(options.bootTimeoutMs ?? 240_000),
      child.status.then(async (s) => {
        await new Promise((r) => setTimeout(r, 100));
        throw new Error(
          `live lab: QEMU exited with ${s.code} during boot: ${qemuErr.trim()}\n${await guest
            .console()}`,
        );
      }),
    ]);
  } catch (err) {
    const log = await guest.console();
    await guest.shutdown();
    throw new Error(
      `${(err as Error).message}\n--- console (last lines) ---\n${
        log.split("\n").slice(-40).join("\n")
      }`,
    );
  }
  guest.bootMs = Math.round(performance.now() - t0);
  return guest;
}
