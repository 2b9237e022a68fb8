import assert from "node:assert/strict";
import { BynarConfigSchema } from "../config/schema.ts";
import { ConfigError } from "../errors.ts";
import { CommandTickets } from "./command/plugin.ts";
import { createTicketPlugin } from "./factory.ts";
import { JiraTickets } from "./jira/plugin.ts";

const JIRA = {
  jira_host: "https://example.atlassian.net",
  jira_user: "ops@example.com",
  jira_password: "tok",
  jira_project_id: "OPS",
  jira_issue_type: "10001",
};

Deno.test("factory: jira by default, named by flavour", () => {
  const p = createTicketPlugin(BynarConfigSchema.parse({ ...JIRA, jira_flavor: "cloud" }));
  assert.ok(p instanceof JiraTickets);
  assert.equal(p.name, "jira-cloud");
  p.dispose();
  p.dispose();
});

Deno.test("factory: a missing field is a ConfigError naming it (not the secret)", () => {
  assert.throws(
    () => createTicketPlugin(BynarConfigSchema.parse({ ...JIRA, jira_password: undefined })),
    (e: unknown) =>
      e instanceof ConfigError && e.field === "jira_password" &&
      /BYNAR_JIRA_PASSWORD/.test(e.message),
  );
  assert.throws(
    () => createTicketPlugin(BynarConfigSchema.parse({ ...JIRA, jira_user: undefined })),
    (e: unknown) => e instanceof ConfigError && e.field === "jira_user",
  );
  // Bearer (DC personal access token) needs no user.
  const p = createTicketPlugin(
    BynarConfigSchema.parse({ ...JIRA, jira_user: undefined, jira_auth: "bearer" }),
  );
  assert.equal(p.name, "jira-datacenter");
});

Deno.test("factory: command backend needs ticket_command", () => {
  assert.throws(
    () => createTicketPlugin(BynarConfigSchema.parse({ ticket_backend: "command" })),
    (e: unknown) => e instanceof ConfigError && e.field === "ticket_command",
  );
  const p = createTicketPlugin(
    BynarConfigSchema.parse({ ticket_backend: "command", ticket_command: ["/usr/local/bin/t"] }),
  );
  assert.ok(p instanceof CommandTickets);
});
