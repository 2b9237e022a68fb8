/**
 * The live-device tier's guest image, built once per machine from installed Debian packages.
 *
 * Recipe: the host's Debian kernel (`linux-image-amd64`), a tiny initramfs (busybox + the
 * virtio/ext4 modules) that mounts `/dev/vda` and switches to it, and an ext4 root holding
 * busybox, smartmontools, sdparm, e2fsprogs, mount, libatasmart, libblkid, udev and kmod
 * (every file of those packages minus docs, plus the `ldd` closure of every ELF), the
 * storage modules, and a small init that starts udev and a command agent on a
 * virtio-serial port ({@linkcode AGENT_PORT}).
 *
 * The base (root directory tree + initramfs) is cached under
 * `/var/cache/bynar-live/<recipe hash>/`; the hash covers this file, the kernel version and
 * the version of every package copied, so an upgrade rebuilds it. The root image adds the
 * product tree (the unpacked .deb: launcher, runtime, bundle, /etc/bynar) on top of the base
 * and is cached per product hash next to it. Nothing here uses the network: every input is
 * already installed on the host (tools/test.sh installs the packages).
 *
 * CLI: `deno run -A tests/live/image.ts build` builds the base (install time).
 *
 * @module
 */
import { basename, dirname, join } from "node:path";

/** Where guest images are cached (one directory per recipe hash). */
export const IMAGE_CACHE: string = Deno.env.get("BYNAR_LIVE_CACHE") ?? "/var/cache/bynar-live";

/** The virtio-serial port name the guest agent listens on. */
export const AGENT_PORT = "bynar.ctl";

/** Debian packages whose files are copied into the guest root. */
export const GUEST_PACKAGES: readonly string[] = [
  "busybox-static",
  "smartmontools",
  "sdparm",
  "e2fsprogs",
  "mount",
  "libatasmart4",
  "libatasmart-bin",
  "libblkid1",
  "udev",
  "kmod",
];

/** Host packages the image and the tier need (tools/test.sh installs them). */
export const HOST_PACKAGES: readonly string[] = [
  "qemu-system-x86",
  "qemu-utils",
  "linux-image-amd64",
  "cpio",
  ...GUEST_PACKAGES,
];

/** Modules loaded by the initramfs to reach the root disk (with their dependencies). */
const ROOT_MODULES = ["virtio_pci", "virtio_blk", "ext4"];

/** Modules available in the root (loaded by the guest init or by tests). */
const GUEST_MODULES = [
  ...ROOT_MODULES,
  "virtio_console",
  "virtio_scsi",
  "ahci",
  "sd_mod",
  "sg",
  "nvme",
  "scsi_debug",
];

/** Modules the guest init loads at boot, in order (udev may load more). */
const BOOT_MODULES = ["virtio_console", "virtio_scsi", "ahci", "sd_mod", "sg", "nvme"];

/** Path prefixes of package files that are never copied. */
const SKIP_PREFIXES = [
  "/usr/share/doc",
  "/usr/share/man",
  "/usr/share/locale",
  "/usr/share/lintian",
  "/usr/share/bug",
  "/usr/share/info",
  "/etc/init.d",
  "/lib/systemd/system",
  "/usr/lib/systemd/system",
];

/** The built base of the guest. */
export interface GuestBase {
  /** Cache directory of this recipe. */
  readonly dir: string;
  /** Recipe hash. */
  readonly hash: string;
  /** The kernel image. */
  readonly kernel: string;
  /** The initramfs (gzip'd newc cpio). */
  readonly initramfs: string;
  /** The root directory tree (without the product). */
  readonly root: string;
}

/** A bootable root image with the product installed. */
export interface GuestImage extends GuestBase {
  /** The ext4 root image (raw), used with `snapshot=on`. */
  readonly rootImage: string;
}

const dec = new TextDecoder();

/**
 * Runs a program and returns its stdout; throws with stderr when it fails.
 *
 * @param cmd Program.
 * @param args Arguments.
 * @returns Standard output.
 */
export async function run(cmd: string, args: readonly string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args: [...args], stdout: "piped", stderr: "piped" })
    .output();
  if (out.code !== 0) {
    throw new Error(
      `live image: ${cmd} ${args.join(" ")} exited with ${out.code}: ${dec.decode(out.stderr)}`,
    );
  }
  return dec.decode(out.stdout);
}

/**
 * The version of the newest installed Debian kernel.
 *
 * @returns E.g. `6.1.0-57-amd64`.
 */
export async function kernelVersion(): Promise<string> {
  const versions: string[] = [];
  for await (const e of Deno.readDir("/boot")) {
    const m = /^vmlinuz-(.+)$/.exec(e.name);
    if (m && (await exists(`/lib/modules/${m[1]}/modules.dep`))) versions.push(m[1]!);
  }
  if (versions.length === 0) {
    throw new Error(
      "live image: no /boot/vmlinuz-* with modules; install linux-image-amd64 (tools/test.sh)",
    );
  }
  versions.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return versions[versions.length - 1]!;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Maps a host path to its merged-/usr location in the guest (`/bin/x` → `/usr/bin/x`). */
function mergedUsr(path: string): string {
  return /^\/(bin|sbin|lib|lib64)(\/|$)/.test(path) ? `/usr${path}` : path;
}

async function packageVersions(): Promise<string> {
  const out = await run("dpkg-query", [
    "-W",
    "-f=${Package} ${Version} ${Status}\n",
    ...HOST_PACKAGES.filter((p) => p !== "linux-image-amd64"),
  ]).catch((err) => {
    throw new Error(
      `live image: a package is missing (${(err as Error).message.trim()}); ` +
        `install ${HOST_PACKAGES.join(" ")} (tools/test.sh does)`,
    );
  });
  for (const line of out.trim().split("\n")) {
    if (!line.endsWith("install ok installed")) {
      throw new Error(
        `live image: package not installed: ${line}; install ${HOST_PACKAGES.join(" ")}`,
      );
    }
  }
  return out;
}

/**
 * The recipe hash: this file, the kernel version and the installed package versions.
 *
 * @returns A 16-hex-digit hash and the kernel version.
 */
export async function recipeHash(): Promise<{ hash: string; kernel: string }> {
  const kernel = await kernelVersion();
  const self = await Deno.readTextFile(new URL(import.meta.url).pathname);
  const text = `${self}\0${kernel}\0${await packageVersions()}`;
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
  );
  return {
    hash: Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 16),
    kernel,
  };
}

/** Copies one host path (file, symlink or directory entry) into `stage` at its merged path. */
async function copyInto(stage: string, path: string, queue: string[]): Promise<void> {
  const target = join(stage, mergedUsr(path));
  let info: Deno.FileInfo;
  try {
    info = await Deno.lstat(path);
  } catch {
    return; // diverted or removed by the admin: not needed
  }
  if (await exists(target)) return;
  await Deno.mkdir(dirname(target), { recursive: true });
  if (info.isSymlink) {
    const link = await Deno.readLink(path);
    await Deno.symlink(link, target);
    queue.push(link.startsWith("/") ? link : join(dirname(path), link));
  } else if (info.isDirectory) {
    await Deno.mkdir(target, { recursive: true });
  } else if (info.isFile) {
    await Deno.copyFile(path, target);
    await Deno.chmod(target, (info.mode ?? 0o644) & 0o7777);
  }
}

/** Copies a package tree (e.g. `dpkg -x` output) into `stage`, mapping to merged /usr. */
async function copyTree(src: string, stage: string, rel = ""): Promise<void> {
  for await (const e of Deno.readDir(join(src, rel))) {
    const r = `${rel}/${e.name}`;
    const from = join(src, r);
    const to = join(stage, mergedUsr(r));
    if (e.isDirectory) {
      await Deno.mkdir(to, { recursive: true });
      await copyTree(src, stage, r);
    } else if (e.isSymlink) {
      await Deno.remove(to).catch(() => {});
      await Deno.symlink(await Deno.readLink(from), to);
    } else {
      await Deno.copyFile(from, to);
      await Deno.chmod(to, ((await Deno.stat(from)).mode ?? 0o644) & 0o7777);
    }
  }
}

async function isElf(path: string): Promise<boolean> {
  try {
    const f = await Deno.open(path);
    try {
      const buf = new Uint8Array(4);
      const n = await f.read(buf);
      return n === 4 && buf[0] === 0x7f && buf[1] === 0x45 && buf[2] === 0x4c && buf[3] === 0x46;
    } finally {
      f.close();
    }
  } catch {
    return false;
  }
}

/**
 * The shared libraries an ELF file needs (`ldd`), as host paths.
 *
 * @param path An ELF file on the host.
 * @returns Library paths (empty for static binaries).
 */
export async function lddClosure(path: string): Promise<string[]> {
  const out = await new Deno.Command("ldd", { args: [path], stdout: "piped", stderr: "null" })
    .output();
  if (out.code !== 0) return []; // static or not a dynamic object
  const libs: string[] = [];
  for (const line of dec.decode(out.stdout).split("\n")) {
    const m = /=>\s+(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
    if (m) libs.push(m[1]!);
  }
  return libs;
}

/**
 * Copies host paths and everything they link to (symlink targets, ldd closure).
 *
 * @param stage The guest root being built.
 * @param paths Host paths.
 */
export async function copyClosure(stage: string, paths: readonly string[]): Promise<void> {
  const queue = [...paths];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    await copyInto(stage, p, queue);
    if (await isElf(p)) queue.push(...await lddClosure(p));
  }
}

async function packageFiles(pkg: string): Promise<string[]> {
  const out = await run("dpkg-query", ["-L", pkg]);
  return out.split("\n").filter((p) =>
    p.startsWith("/") && p !== "/." && !SKIP_PREFIXES.some((s) => p === s || p.startsWith(`${s}/`))
  );
}

async function moduleFiles(kernel: string, modules: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const m of modules) {
    const out = await run("modprobe", ["-S", kernel, "--show-depends", m]);
    for (const line of out.split("\n")) {
      const f = /^insmod (\S+)/.exec(line)?.[1];
      if (f && !files.includes(f)) files.push(f);
    }
  }
  return files;
}

const INITRAMFS_INIT = `#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /newroot /usr/bin /usr/sbin /sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /modules.list); do insmod "/modules/$m" || echo "bynar-live initramfs: insmod $m failed"; done
i=0
while [ ! -b /dev/vda ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
if ! mount -t ext4 -o rw /dev/vda /newroot; then
  echo "bynar-live initramfs: cannot mount the root /dev/vda"; poweroff -f
fi
umount /proc /sys
mount --move /dev /newroot/dev
exec switch_root /newroot /sbin/init
`;

const INITTAB = `::sysinit:/usr/sbin/bynar-live-init
::respawn:/usr/sbin/bynar-live-agent
`;

const GUEST_INIT = `#!/bin/sh
# Guest init: mounts, storage modules, udev. Then busybox init starts the agent.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -o remount,rw /
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs -o mode=0755 tmpfs /run
mount -t tmpfs tmpfs /tmp
hostname bynar-live
for m in ${BOOT_MODULES.join(" ")}; do modprobe "$m" || echo "bynar-live: modprobe $m failed"; done
/usr/lib/systemd/systemd-udevd --daemon
udevadm trigger --type=subsystems --action=add
udevadm trigger --type=devices --action=add
udevadm settle --timeout=120
echo "bynar-live: ready"
`;

const GUEST_AGENT = `#!/bin/sh
# Command agent on the virtio-serial port "${AGENT_PORT}". Request line: "<id> <timeout s>
# <base64 script>"; reply: "@@R <id> <exit code> b<base64 stdout> b<base64 stderr>".
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
port=
for p in /sys/class/virtio-ports/*; do
  [ "$(cat "$p/name" 2>/dev/null)" = "${AGENT_PORT}" ] && port="/dev/\${p##*/}"
done
if [ -z "$port" ]; then echo "bynar-live-agent: no ${AGENT_PORT} port" >/dev/console; sleep 5; exit 1; fi
mkdir -p /run/agent
exec 3<>"$port"
while read -r id tmo cmd <&3; do
  printf '%s' "$cmd" | base64 -d >/run/agent/cmd
  timeout -s KILL "$tmo" sh /run/agent/cmd </dev/null >/run/agent/out 2>/run/agent/err
  rc=$?
  printf '@@R %s %s b%s b%s\\n' "$id" "$rc" "$(base64 -w 0 /run/agent/out)" "$(base64 -w 0 /run/agent/err)" >&3
done
`;

const PASSWD = "root:x:0:0:root:/root:/bin/sh\n";
const GROUP = [
  "root:x:0:",
  "tty:x:5:",
  "disk:x:6:",
  "lp:x:7:",
  "kmem:x:15:",
  "dialout:x:20:",
  "cdrom:x:24:",
  "tape:x:26:",
  "audio:x:29:",
  "video:x:44:",
  "input:x:104:",
  "kvm:x:105:",
  "render:x:106:",
  "sgx:x:107:",
  "",
].join("\n");

async function buildBase(dir: string, kernel: string): Promise<void> {
  const root = join(dir, "root");
  const initrd = join(dir, "initrd");
  for (const d of ["usr/bin", "usr/sbin", "usr/lib", "usr/lib64"]) {
    await Deno.mkdir(join(root, d), { recursive: true });
  }
  for (const d of ["bin", "sbin", "lib", "lib64"]) await Deno.symlink(`usr/${d}`, join(root, d));
  const files: string[] = [];
  for (const pkg of GUEST_PACKAGES) files.push(...await packageFiles(pkg));
  await copyClosure(root, files);

  // Busybox applets for whatever the packages do not provide.
  const applets = (await run("/bin/busybox", ["--list-full"])).trim().split("\n");
  for (const a of applets) {
    const target = join(root, mergedUsr(`/${a}`));
    const name = basename(a);
    if (
      await exists(target) || await exists(join(root, "usr/bin", name)) ||
      await exists(join(root, "usr/sbin", name))
    ) continue;
    await Deno.symlink("/usr/bin/busybox", target);
  }

  // Kernel modules + depmod.
  const modDir = `/lib/modules/${kernel}`;
  const mods = await moduleFiles(kernel, GUEST_MODULES);
  await copyClosure(root, mods);
  for (const f of ["modules.builtin", "modules.builtin.modinfo", "modules.order"]) {
    await copyClosure(root, [join(modDir, f)]);
  }
  await run("depmod", ["-b", root, kernel]);

  // Base files.
  for (const d of ["proc", "sys", "dev", "run", "tmp", "root", "mnt", "srv", "var/tmp"]) {
    await Deno.mkdir(join(root, d), { recursive: true });
  }
  await Deno.mkdir(join(root, "var/lib/bynar"), { recursive: true, mode: 0o700 });
  await Deno.mkdir(join(root, "var/cache/bynar"), { recursive: true, mode: 0o700 });
  // What the package's usr/lib/tmpfiles.d/bynar.conf (or its postinst) creates on install.
  await Deno.mkdir(join(root, "var/lib/prometheus/node-exporter"), { recursive: true });
  await Deno.chmod(join(root, "tmp"), 0o1777);
  await Deno.writeTextFile(join(root, "etc/passwd"), PASSWD);
  await Deno.writeTextFile(join(root, "etc/group"), GROUP);
  await Deno.writeTextFile(join(root, "etc/hostname"), "bynar-live\n");
  await Deno.writeTextFile(join(root, "etc/hosts"), "127.0.0.1 localhost bynar-live\n");
  await Deno.writeTextFile(join(root, "etc/fstab"), "/dev/vda / ext4 rw 0 1\n");
  await Deno.writeTextFile(join(root, "etc/inittab"), INITTAB);
  await Deno.symlink("/proc/self/mounts", join(root, "etc/mtab"));
  await Deno.symlink("/usr/bin/busybox", join(root, "usr/sbin/init")).catch(() => {});
  await Deno.writeTextFile(join(root, "usr/sbin/bynar-live-init"), GUEST_INIT, { mode: 0o755 });
  await Deno.writeTextFile(join(root, "usr/sbin/bynar-live-agent"), GUEST_AGENT, {
    mode: 0o755,
  });

  // Initramfs: busybox + the modules that reach /dev/vda.
  await Deno.mkdir(join(initrd, "bin"), { recursive: true });
  await Deno.mkdir(join(initrd, "modules"), { recursive: true });
  await Deno.copyFile("/bin/busybox", join(initrd, "bin/busybox"));
  await Deno.chmod(join(initrd, "bin/busybox"), 0o755);
  const rootMods = await moduleFiles(kernel, ROOT_MODULES);
  for (const f of rootMods) await Deno.copyFile(f, join(initrd, "modules", basename(f)));
  await Deno.writeTextFile(
    join(initrd, "modules.list"),
    rootMods.map((f) => basename(f)).join("\n") + "\n",
  );
  await Deno.writeTextFile(join(initrd, "init"), INITRAMFS_INIT, { mode: 0o755 });
  await run("bash", [
    "-c",
    `set -o pipefail; cd ${initrd} && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1 > ../initramfs.gz`,
  ]);
}

let basePromise: Promise<GuestBase> | undefined;

async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const lock = await Deno.open(path, { create: true, write: true });
  try {
    await lock.lock(true);
    return await fn();
  } finally {
    lock.close();
  }
}

/**
 * Builds (or reuses) the guest base for this machine's kernel and packages.
 *
 * @returns The cached base.
 */
export function guestBase(): Promise<GuestBase> {
  basePromise ??= (async () => {
    const { hash, kernel } = await recipeHash();
    const dir = join(IMAGE_CACHE, hash);
    const result: GuestBase = {
      dir,
      hash,
      kernel: `/boot/vmlinuz-${kernel}`,
      initramfs: join(dir, "initramfs.gz"),
      root: join(dir, "root"),
    };
    await withLock(join(IMAGE_CACHE, ".lock"), async () => {
      // Other recipes' caches unused for a day are stale (an upgrade, an old checkout);
      // a recent one may belong to a concurrent run of another tree, so it stays.
      for await (const e of Deno.readDir(IMAGE_CACHE)) {
        if (!e.isDirectory || e.name === hash) continue;
        const ready = await Deno.stat(join(IMAGE_CACHE, e.name, "ready")).catch(() => null);
        if (Date.now() - (ready?.mtime?.getTime() ?? 0) > 24 * 3600_000) {
          await Deno.remove(join(IMAGE_CACHE, e.name), { recursive: true });
        }
      }
      if (await exists(join(dir, "ready"))) {
        const now = new Date();
        await Deno.utime(join(dir, "ready"), now, now);
        return;
      }
      await Deno.remove(dir, { recursive: true }).catch(() => {});
      await Deno.mkdir(dir, { recursive: true });
      await buildBase(dir, kernel);
      await Deno.writeTextFile(join(dir, "ready"), new Date().toISOString());
    });
    return result;
  })();
  return basePromise;
}

/** Options for {@linkcode guestImage}. */
export interface GuestImageOptions {
  /** The product tree to install at `/` (the unpacked .deb). */
  productTree: string;
  /** A hash naming the product tree (the image is cached per hash). */
  productHash: string;
}

/**
 * The bootable root image: the base plus the product tree, cached per product hash.
 *
 * @param options The product tree and its hash.
 * @returns The image.
 */
export async function guestImage(options: GuestImageOptions): Promise<GuestImage> {
  const base = await guestBase();
  const rootImage = join(base.dir, `root-${options.productHash}.img`);
  await withLock(join(base.dir, ".lock"), async () => {
    // Product images of other trees (≈ 170 MB each) are dropped when unused for an hour, or
    // beyond the four most recent when unused for ten minutes; a concurrent run of another
    // tree (another worktree) keeps its image, since each use touches its `.ready` file.
    const others: { hash: string; age: number }[] = [];
    for await (const e of Deno.readDir(base.dir)) {
      const m = /^root-([0-9a-f]+)\.img\.ready$/.exec(e.name);
      if (!m || m[1] === options.productHash) continue;
      const mtime = (await Deno.stat(join(base.dir, e.name))).mtime?.getTime() ?? 0;
      others.push({ hash: m[1]!, age: Date.now() - mtime });
    }
    others.sort((a, b) => a.age - b.age);
    for (const [rank, o] of others.entries()) {
      if (o.age > 3600_000 || (rank >= 4 && o.age > 600_000)) {
        await Deno.remove(join(base.dir, `root-${o.hash}.img.ready`));
        await Deno.remove(join(base.dir, `root-${o.hash}.img`)).catch(() => {});
      }
    }
    if (await exists(`${rootImage}.ready`)) {
      const now = new Date();
      await Deno.utime(`${rootImage}.ready`, now, now);
      return;
    }
    const stage = join(base.dir, `stage-${options.productHash}`);
    await Deno.remove(stage, { recursive: true }).catch(() => {});
    try {
      await run("cp", ["-a", base.root, stage]);
      await copyTree(options.productTree, stage);
      const elves: string[] = [];
      for await (const e of Deno.readDir(join(options.productTree, "usr/lib/bynar"))) {
        const p = join(options.productTree, "usr/lib/bynar", e.name);
        if (e.isFile && await isElf(p)) elves.push(p);
      }
      const libs: string[] = [];
      for (const e of elves) libs.push(...await lddClosure(e));
      await copyClosure(stage, libs);
      await Deno.remove(rootImage).catch(() => {});
      await run("truncate", ["-s", "1536M", rootImage]);
      await run("mkfs.ext4", [
        "-q",
        "-F",
        "-L",
        "bynar-root",
        "-E",
        "root_owner=0:0,lazy_itable_init=0,lazy_journal_init=0",
        "-d",
        stage,
        rootImage,
      ]);
      await Deno.writeTextFile(`${rootImage}.ready`, new Date().toISOString());
    } finally {
      await Deno.remove(stage, { recursive: true }).catch(() => {});
    }
  });
  return { ...base, rootImage };
}

if (import.meta.main) {
  const cmd = Deno.args[0] ?? "build";
  if (cmd !== "build") {
    console.error("usage: deno run -A tests/live/image.ts build");
    Deno.exit(64);
  }
  const t0 = performance.now();
  const base = await guestBase();
  console.log(
    `live image base ${base.hash} ready in ${base.dir} (${
      ((performance.now() - t0) / 1000).toFixed(1)
    } s)`,
  );
}
