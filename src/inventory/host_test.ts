import assert from "node:assert/strict";
import { defaultRouteInterfaces, fqdnFromHosts, hostInfo, primaryAddress } from "./host.ts";

const ROUTE =
  "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n" +
  "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n" +
  "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n" +
  "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";

function iface(name: string, family: "IPv4" | "IPv6", address: string): Deno.NetworkInterfaceInfo {
  return {
    name,
    family,
    address,
    netmask: "",
    scopeid: null,
    cidr: `${address}/24`,
    mac: "00:00:00:00:00:00",
  };
}

Deno.test("defaultRouteInterfaces orders default routes by metric", () => {
  assert.deepEqual(defaultRouteInterfaces(ROUTE), ["eth0", "wlan0"]);
  assert.deepEqual(defaultRouteInterfaces("Iface\tDestination\n"), []);
});

Deno.test("primaryAddress takes the default interface's IPv4, else IPv6, else any IPv4", () => {
  const addrs = [
    iface("lo", "IPv4", "127.0.0.1"),
    iface("eth0", "IPv6", "fe80::1"),
    iface("eth0", "IPv6", "2001:db8::5"),
    iface("eth0", "IPv4", "192.0.2.2"),
    iface("wlan0", "IPv4", "192.168.1.9"),
  ];
  assert.equal(primaryAddress(["eth0"], addrs), "192.0.2.2");
  assert.equal(primaryAddress(["eth0"], addrs.filter((a) => a.family === "IPv6")), "2001:db8::5");
  assert.equal(primaryAddress([], addrs), "192.0.2.2");
  assert.equal(primaryAddress([], [iface("lo", "IPv4", "127.0.0.1")]), null);
});

Deno.test("fqdnFromHosts finds the canonical dotted name", () => {
  const hosts = "127.0.0.1 localhost\n10.0.0.5 ceph01.dc1.example.com ceph01 # osd host\n";
  assert.equal(fqdnFromHosts(hosts, "ceph01"), "ceph01.dc1.example.com");
  assert.equal(fqdnFromHosts("127.0.0.1 localhost\n127.0.0.1 vm\n", "vm"), null);
});

Deno.test("hostInfo works without DMI (B-03) and reads it when present", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-host-" });
  try {
    const roots = {
      sys: `${dir}/sys`,
      proc: `${dir}/proc`,
      dev: `${dir}/dev`,
      udevData: `${dir}/u`,
    };
    await Deno.mkdir(`${dir}/proc/net`, { recursive: true });
    await Deno.writeTextFile(`${dir}/proc/net/route`, ROUTE);
    await Deno.writeTextFile(`${dir}/hosts`, "10.1.1.1 ceph01.example.com ceph01\n");
    const base = {
      roots,
      hostsPath: `${dir}/hosts`,
      hostname: () => "ceph01",
      osRelease: () => "6.1.0-test",
      networkInterfaces: () => [iface("eth0", "IPv4", "10.1.1.1")],
    };
    const noDmi = await hostInfo(base);
    assert.deepEqual(noDmi, {
      hostname: "ceph01",
      fqdn: "ceph01.example.com",
      ip: "10.1.1.1",
      kernel: "6.1.0-test",
      arch: Deno.build.arch,
      productName: null,
      productSerial: null,
    });
    await Deno.mkdir(`${dir}/sys/class/dmi/id`, { recursive: true });
    await Deno.writeTextFile(`${dir}/sys/class/dmi/id/product_name`, "PowerEdge R740xd\n");
    await Deno.writeTextFile(`${dir}/sys/class/dmi/id/product_serial`, "ABC1234\n");
    const withDmi = await hostInfo(base);
    assert.equal(withDmi.productName, "PowerEdge R740xd");
    assert.equal(withDmi.productSerial, "ABC1234");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("hostInfo on this host: real hostname and kernel, no DMI needed", async () => {
  const h = await hostInfo();
  assert.equal(h.hostname, Deno.hostname().split(".")[0]);
  assert.equal(h.kernel, Deno.osRelease());
  assert.ok(h.fqdn.startsWith(h.hostname));
});
