/**
 * Host identity for tickets and metrics: hostname, FQDN, primary IP, kernel, arch and
 * DMI product name/serial. Hosts without DMI (VMs such as this one) get nulls (fix B-03).
 *
 * @module
 */
import { isHostFsFailure, readTextSync } from "../hostfs/mod.ts";
import { DEFAULT_ROOTS, type HostInfo, type Roots } from "./model.ts";
import { readAttr } from "./sysfs.ts";

/** Options for {@linkcode hostInfo}; every source can be replaced in tests. */
export interface HostInfoOptions {
  /**
   * Host roots (`sys` for DMI, `proc` for the routing table).
   * @default DEFAULT_ROOTS
   */
  roots?: Roots;
  /**
   * The hosts file used to find the FQDN.
   * @default "/etc/hosts"
   */
  hostsPath?: string;
  /**
   * The hostname source.
   * @default Deno.hostname
   */
  hostname?: () => string;
  /**
   * The network interface source.
   * @default Deno.networkInterfaces
   */
  networkInterfaces?: () => Deno.NetworkInterfaceInfo[];
  /**
   * The kernel release source.
   * @default Deno.osRelease
   */
  osRelease?: () => string;
}

function readText(path: string): string | null {
  try {
    return readTextSync(path);
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return null;
  }
}

/**
 * Finds the FQDN of `hostname` in hosts-file text: the canonical (first) name of a line
 * listing the host, when it is a dotted name starting with the short hostname.
 *
 * @param hosts The hosts file's content.
 * @param hostname The short hostname.
 * @returns The FQDN, or null.
 */
export function fqdnFromHosts(hosts: string, hostname: string): string | null {
  const short = hostname.split(".")[0]!;
  for (const raw of hosts.split("\n")) {
    const names = raw.replace(/#.*/, "").trim().split(/\s+/).slice(1);
    if (!names.includes(hostname) && !names.includes(short)) continue;
    const dotted = names.find((n) => n.includes(".") && n.split(".")[0] === short);
    if (dotted) return dotted;
  }
  return null;
}

/**
 * Finds the interfaces of the default routes in `/proc/net/route` text, lowest metric
 * first.
 *
 * @param text The routing table.
 * @returns Interface names.
 */
export function defaultRouteInterfaces(text: string): string[] {
  const routes: { iface: string; metric: number }[] = [];
  for (const line of text.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    if (f[1] === "00000000" && f[7] === "00000000") {
      routes.push({ iface: f[0]!, metric: Number(f[6]) || 0 });
    }
  }
  return routes.sort((a, b) => a.metric - b.metric).map((r) => r.iface);
}

/**
 * Picks the primary address: the first IPv4 (else global IPv6) address of the first
 * default-route interface that has one; without a default route, the first non-loopback
 * IPv4 address.
 *
 * @param ifaces Interfaces with the default route, in order of preference.
 * @param addrs All addresses of the host.
 * @returns The address, or null.
 */
export function primaryAddress(
  ifaces: string[],
  addrs: Deno.NetworkInterfaceInfo[],
): string | null {
  const usable = (a: Deno.NetworkInterfaceInfo): boolean =>
    a.family === "IPv4" ? !a.address.startsWith("127.") : !/^(::1$|fe80:)/i.test(a.address);
  for (const iface of ifaces) {
    const mine = addrs.filter((a) => a.name === iface && usable(a));
    const pick = mine.find((a) => a.family === "IPv4") ?? mine[0];
    if (pick) return pick.address;
  }
  return addrs.find((a) => a.family === "IPv4" && usable(a))?.address ?? null;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Deno.errors.NotCapable) throw err;
    return fallback;
  }
}

/**
 * Collects the host identity. Every field is best effort: a missing DMI tree, an
 * unreadable product serial or no default route give null, never an error.
 *
 * @param options Sources (replaceable in tests).
 * @returns The host identity.
 * @throws {Deno.errors.NotCapable} Without the Deno permissions to read sys/proc/etc.
 */
export function hostInfo(options: HostInfoOptions = {}): Promise<HostInfo> {
  const roots = options.roots ?? DEFAULT_ROOTS;
  const hostname = safe(options.hostname ?? Deno.hostname, "localhost");
  const hosts = readText(options.hostsPath ?? "/etc/hosts");
  const fqdn = hostname.includes(".")
    ? hostname
    : (hosts === null ? null : fqdnFromHosts(hosts, hostname)) ?? hostname;
  const route = readText(`${roots.proc}/net/route`) ?? "";
  const addrs = safe(options.networkInterfaces ?? Deno.networkInterfaces, []);
  const dmi = `${roots.sys}/class/dmi/id`;
  return Promise.resolve({
    hostname: hostname.split(".")[0]!,
    fqdn,
    ip: primaryAddress(defaultRouteInterfaces(route), addrs),
    kernel: safe(options.osRelease ?? Deno.osRelease, "unknown"),
    arch: Deno.build.arch,
    productName: readAttr(`${dmi}/product_name`),
    productSerial: readAttr(`${dmi}/product_serial`),
  });
}
