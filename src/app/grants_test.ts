import assert from "node:assert/strict";
import { BynarConfigSchema, DiskManagerConfigSchema } from "../config/schema.ts";
import { ConfigError } from "../errors.ts";
import { assertGranted, requiredGrants } from "./grants.ts";

const config = (bynar: Record<string, unknown>, dm: Record<string, unknown> = {}) => ({
  bynar: BynarConfigSchema.parse(bynar),
  diskManager: DiskManagerConfigSchema.parse(dm),
});

Deno.test("requiredGrants: the detector's endpoints, ticket program and files, by field", () => {
  const grants = requiredGrants(
    config({
      manager_host: "dm.example.com",
      manager_port: 5555,
      jira_host: "https://jira.example.com",
      vault_endpoint: "https://vault.example.com:8200",
      ticket_backend: "command",
      ticket_command: ["/usr/local/bin/open-ticket", "--json"],
      manager_ca_file: "/srv/ca.pem",
      database_path: "/srv/bynar/bynar.db",
    }),
    "detect",
  );
  const by = (field: string) => grants.find((g) => g.field === field);
  assert.deepEqual(by("manager_host"), {
    kind: "net",
    value: "dm.example.com:5555",
    file: "bynar.json",
    field: "manager_host",
  });
  assert.equal(by("jira_host")?.value, "jira.example.com:443");
  assert.equal(by("vault_endpoint")?.value, "vault.example.com:8200");
  assert.deepEqual([by("ticket_command")?.kind, by("ticket_command")?.value], [
    "run",
    "/usr/local/bin/open-ticket",
  ]);
  assert.equal(by("manager_ca_file")?.kind, "read");
  assert.deepEqual([by("database_path")?.kind, by("database_path")?.value], [
    "write",
    "/srv/bynar",
  ]);
});

Deno.test("requiredGrants: the disk-manager's listener, Vault, TLS files and audit log", () => {
  const grants = requiredGrants(
    config({}, {
      listen_address: "10.0.0.5",
      port: 8443,
      vault_endpoint: "https://vault:8200",
      audit_log: "/var/log/bynar/audit.jsonl",
    }),
    "disk-manager",
  );
  const fields = grants.map((g) => `${g.kind} ${g.field} ${g.value}`);
  assert.ok(fields.includes("net listen_address 10.0.0.5:8443"), fields.join("\n"));
  assert.ok(fields.includes("net vault_endpoint vault:8200"));
  assert.ok(fields.includes("read tls_cert /etc/bynar/tls/disk-manager.crt"));
  assert.ok(fields.includes("write audit_log /var/log/bynar"));
});

Deno.test("assertGranted: one error naming every field and the variable to change", () => {
  const grants = requiredGrants(
    config({
      jira_host: "https://jira.example.com",
      ticket_backend: "command",
      ticket_command: ["/usr/local/bin/open-ticket"],
      manager_token_file: "/root/token",
    }),
    "detect",
  );
  const allowed = new Set(["localhost:5555"]);
  const err = (() => {
    try {
      assertGranted(grants, (g) => allowed.has(g.value) || g.value.startsWith("/etc/bynar"));
      return null;
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof ConfigError);
  assert.equal(err.field, "jira_host");
  assert.match(
    err.message,
    /bynar\.json jira_host: network access to jira\.example\.com:443 .*BYNAR_ALLOW_NET in \/etc\/default\/bynar/,
  );
  assert.match(
    err.message,
    /bynar\.json ticket_command: running \/usr\/local\/bin\/open-ticket .*BYNAR_ALLOW_RUN/,
  );
  assert.match(
    err.message,
    /bynar\.json manager_token_file: reading \/root\/token .*under\s+\/etc\/bynar/,
  );
  assert.doesNotThrow(() => assertGranted(grants, () => true));
});
