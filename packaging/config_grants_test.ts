import assert from "node:assert/strict";
import { BynarConfigSchema, DiskManagerConfigSchema } from "../src/config/schema.ts";
import { netHostsFromConfig, programsFromConfig, urlHostPort } from "./config_grants.ts";

Deno.test("urlHostPort: default ports by scheme, explicit ports and IPv6", () => {
  assert.equal(urlHostPort("https://jira.example.com/rest"), "jira.example.com:443");
  assert.equal(urlHostPort("http://proxy.example.com"), "proxy.example.com:80");
  assert.equal(urlHostPort("https://vault.example.com:8200/"), "vault.example.com:8200");
  assert.equal(urlHostPort("https://[2001:db8::1]:8443/x"), "[2001:db8::1]:8443");
});

Deno.test("netHostsFromConfig: defaults name only loopback, so nothing extra", () => {
  const hosts = netHostsFromConfig({
    bynar: BynarConfigSchema.parse({}),
    diskManager: DiskManagerConfigSchema.parse({}),
  });
  assert.deepEqual(hosts, []);
});

Deno.test("netHostsFromConfig: every configured destination, sorted and unique", () => {
  const hosts = netHostsFromConfig({
    bynar: BynarConfigSchema.parse({
      manager_host: "dm.example.com",
      manager_port: 5555,
      vault_endpoint: "https://vault.example.com:8200",
      jira_host: "https://jira.example.com",
      slack_webhook_file: "/etc/bynar/slack",
      proxy: "http://proxy.example.com:3128",
      redfish_ip: "10.0.0.9",
    }),
    diskManager: DiskManagerConfigSchema.parse({
      listen_address: "0.0.0.0",
      port: 5555,
      vault_endpoint: "https://vault.example.com:8200",
    }),
  });
  assert.deepEqual(hosts, [
    "0.0.0.0:5555",
    "10.0.0.9:443",
    "dm.example.com:5555",
    "hooks.slack.com:443",
    "jira.example.com:443",
    "proxy.example.com:3128",
    "vault.example.com:8200",
  ]);
});

Deno.test("programsFromConfig: the ticket_command program, absolute paths only", () => {
  assert.deepEqual(programsFromConfig(BynarConfigSchema.parse({})), []);
  assert.deepEqual(
    programsFromConfig(BynarConfigSchema.parse({
      ticket_backend: "command",
      ticket_command: ["/usr/local/bin/open-ticket", "--queue", "dc"],
    })),
    ["/usr/local/bin/open-ticket"],
  );
  assert.throws(
    () =>
      programsFromConfig(BynarConfigSchema.parse({
        ticket_backend: "command",
        ticket_command: ["open-ticket"],
      })),
    RangeError,
  );
});

Deno.test("netHostsFromConfig: the BMC from hardware.endpoint, redfish_ip, or none when off", () => {
  const dm = DiskManagerConfigSchema.parse({});
  const hosts = (b: Record<string, unknown>) =>
    netHostsFromConfig({ bynar: BynarConfigSchema.parse(b), diskManager: dm });
  assert.deepEqual(hosts({ hardware: { endpoint: "https://bmc-17.mgmt.example:8443" } }), [
    "bmc-17.mgmt.example:8443",
  ]);
  assert.deepEqual(hosts({ hardware: { endpoint: "https://bmc-17.mgmt.example" } }), [
    "bmc-17.mgmt.example:443",
  ]);
  assert.deepEqual(hosts({ redfish_ip: "fd00::17", redfish_port: 8443 }), ["[fd00::17]:8443"]);
  assert.deepEqual(hosts({ redfish_ip: "10.0.0.9", hardware: { enabled: false } }), []);
});
