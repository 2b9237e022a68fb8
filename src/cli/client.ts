/**
 * `bynar client`: calls a host's disk-manager API (protobuf on the wire) and prints a
 * table or JSON: `list`, `safe-to-remove`, `remove`, `add`, `tickets`, `operation`.
 *
 * The bearer token comes from `--token-file`, `BYNAR_TOKEN`, or Vault
 * (`--vault-role`, with `BYNAR_VAULT_TOKEN`). The server is verified with `--ca` and/or a
 * pinned certificate fingerprint (`--pin`, or `--pin-from-vault` which reads the pin the
 * disk-manager published in Vault KV v2).
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import type { ApiClient, MutationReply } from "../api/client.ts";
import type { DiskMsg, OperationStatusMsg, OpOutcomeResultMsg } from "../api/codec/messages.ts";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { BynarError, errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../api/client.ts when a command runs (not for `--help`). */
const loadApiClient = () => import("../api/client.ts");

/** Loads ../app/client.ts when a command runs (not for `--help`). */
const loadAppClient = () => import("../app/client.ts");

/** Global options of `bynar client`. */
interface ClientOptions {
  host: string;
  port: string;
  ca?: string;
  pin?: string;
  pinFromVault?: true;
  insecureHttp?: true;
  tokenFile?: string;
  vaultRole?: string;
  vaultEndpoint?: string;
  vaultTokenFile?: string;
  vaultCa?: string;
  vaultKvMount: string;
  format: string;
  configDir: string;
}

async function buildClient(o: ClientOptions): Promise<ApiClient> {
  try {
    return await (await loadAppClient()).connectClient(o);
  } catch (err) {
    if (err instanceof BynarError && (err.code === "usage" || err.code === "no_pin")) {
      throw new ExitRequest(err.code === "usage" ? EXIT.USAGE : EXIT.FAILURE, err.message);
    }
    throw err;
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}

/**
 * Formats disks as a table.
 *
 * @param disks The disks.
 * @returns Table text.
 */
export function formatDisks(disks: DiskMsg[]): string {
  const rows = [["DEVICE", "TYPE", "IDENTITY", "STATE", "ROLE"]];
  for (const d of disks) {
    const r = d.role;
    const role = !r
      ? ""
      : r.kind === "osd"
      ? `osd.${r.osd_id}${r.up ? " up" : " down"}${r.is_in ? " in" : " out"}${
        r.destroyed ? " destroyed, awaiting a replacement" : ""
      }`
      : r.kind;
    rows.push([d.dev_path, d.type, d.identity?.key ?? "", d.state ?? "", role]);
  }
  return table(rows);
}

function osdOption(value: string | undefined): { osdId?: number } {
  if (value === undefined) return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new ExitRequest(EXIT.USAGE, `Cannot use --osd-id "${value}": give a whole number`);
  }
  return { osdId: n };
}

function formatResult(r: OpOutcomeResultMsg): string {
  const lines = [
    `${r.result} ${r.outcome ?? ""}${r.value === undefined ? "" : ` value=${r.value}`}`.trim(),
  ];
  if (r.message) lines.push(r.message);
  if (r.error_msg) lines.push(r.error_msg);
  for (const s of r.plan ?? []) {
    lines.push(`  - ${s.name}: ${s.description ?? ""}`);
    for (const c of s.commands ?? []) lines.push(`      ${c}`);
  }
  return lines.join("\n");
}

function formatOperation(s: OperationStatusMsg): string {
  const head = `operation ${s.id}: ${s.op} ${s.disk} ${s.state}` +
    (s.percent !== undefined ? ` ${s.percent}%` : "") + (s.step ? ` (${s.step})` : "");
  return s.result ? `${head}\n${formatResult(s.result)}` : head;
}

async function run(
  o: ClientOptions,
  fn: (c: ApiClient) => Promise<unknown>,
  text: (v: never) => string,
): Promise<void> {
  const c = await buildClient(o);
  try {
    const v = await fn(c);
    console.log(o.format === "json" ? JSON.stringify(v, null, 2) : text(v as never));
    const failed = (v as { state?: string; result?: { result?: string } })?.state === "FAILED" ||
      (v as { result?: { result?: string } })?.result?.result === "ERR";
    if (failed) throw new ExitRequest(EXIT.FAILURE);
  } catch (err) {
    if (err instanceof ExitRequest) throw err;
    if (err instanceof (await loadApiClient()).ApiClientError) {
      throw new ExitRequest(
        EXIT.FAILURE,
        `bynar client: ${err.message} (${err.status} ${err.code})`,
      );
    }
    throw new ExitRequest(EXIT.FAILURE, `bynar client: ${errorMessage(err)}`);
  } finally {
    c.close();
  }
}

/**
 * One progress line of a running operation, or null when there is nothing new to say (the
 * same step and message as the line printed before, or neither step nor message: never a
 * bare "…"). Pure.
 *
 * @param s The operation's state.
 * @param previous The line printed before (null at first).
 * @returns The line, or null.
 */
export function progressLine(
  s: Pick<OperationStatusMsg, "state" | "step" | "message">,
  previous: string | null,
): string | null {
  if (s.state !== "RUNNING") return null;
  const text = [s.step, s.message].map((x) => (x ?? "").trim()).filter(Boolean).join(": ");
  if (!text) return null;
  const line = `… ${text}`;
  return line === previous ? null : line;
}

async function mutation(
  c: ApiClient,
  reply: MutationReply,
  wait: boolean,
): Promise<OperationStatusMsg | OpOutcomeResultMsg> {
  if (reply.operation) {
    if (!wait) return reply.operation;
    let last: string | null = null;
    return await c.waitOperation(reply.operation.id, {
      onUpdate: (s) => {
        const line = progressLine(s, last);
        if (line !== null) console.error(line);
        last = line ?? last;
      },
    });
  }
  return reply.result!;
}

function mutationText(v: OperationStatusMsg | OpOutcomeResultMsg): string {
  return "id" in v ? formatOperation(v) : formatResult(v);
}

/**
 * Builds the `client` subcommand.
 *
 * @returns The command.
 */
export function clientCommand(): Command {
  const client = new Command("client")
    .description("Call a host's disk-manager API")
    .option("--host <host>", "disk-manager host", "127.0.0.1")
    .option("-p, --port <port>", "disk-manager port", "5555")
    .option("--ca <file>", "CA certificate (PEM) that signed the disk-manager's certificate")
    .option("--pin <sha256>", "expected SHA-256 fingerprint of the disk-manager's certificate")
    .option("--pin-from-vault", "read the pin the disk-manager published in Vault KV v2")
    .option(
      "--insecure-http",
      "plain HTTP to a loopback disk-manager with insecure_http (try-it mode, development)",
    )
    .option("--token-file <file>", "bearer token file (else BYNAR_TOKEN)")
    .option("--vault-role <role>", "get the token from Vault's identity OIDC role")
    .option("--vault-endpoint <url>", "Vault address (default: disk-manager.json vault_endpoint)")
    .option("--vault-token-file <file>", "Vault token file (else BYNAR_VAULT_TOKEN)")
    .option("--vault-ca <file>", "CA certificate of Vault's TLS (default: vault_ca_file)")
    .option("--vault-kv-mount <mount>", "KV v2 mount of the certificate pins", "secret")
    .option("--format <format>", "table or json", "table")
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR);
  const g = (): ClientOptions => client.opts() as ClientOptions;

  client.command("list").description("List the host's disks").action(async () => {
    await run(g(), (c) => c.listDisks(), formatDisks);
  });
  client.command("safe-to-remove").description("Ask whether a disk can be removed now")
    .argument("<disk>", "device path, e.g. /dev/sdb")
    .option(
      "--identity <id>",
      "serial/WWN of the disk (checked when given; needed when it is gone)",
    )
    .option("--osd-id <n>", "the OSD the disk carried (finds the OSD of a disk that is gone)")
    .action(async (disk, o) => {
      await run(g(), (c) => c.safeToRemove(disk, o.identity, osdOption(o.osdId)), formatResult);
    });
  client.command("remove").description("Remove a disk from the cluster (OSD id kept)")
    .argument("<disk>", "device path")
    .requiredOption("--identity <id>", "serial/WWN (or key) of the disk; a mismatch is refused")
    .option("--osd-id <n>", "the OSD the disk carried (finds the OSD of a disk that is gone)")
    .option("--simulate", "show the plan, change nothing")
    .option("--no-wait", "return the operation id at once instead of polling")
    .action(async (disk, o) => {
      const opts = { simulate: !!o.simulate, ...osdOption(o.osdId) };
      await run(
        g(),
        async (c) => mutation(c, await c.remove(disk, o.identity, opts), o.wait),
        mutationText,
      );
    });
  client.command("add").description("Add a (replacement) disk to the cluster")
    .argument("<disk>", "device path")
    .requiredOption("--identity <id>", "serial/WWN (or key) of the disk; a mismatch is refused")
    .option("--osd-id <n>", "reuse this OSD id")
    .option("--simulate", "show the plan, change nothing")
    .option("--no-wait", "return the operation id at once instead of polling")
    .action(async (disk, o) => {
      const osd = o.osdId === undefined ? {} : { osdId: Number(o.osdId) };
      await run(
        g(),
        async (c) =>
          mutation(c, await c.add(disk, o.identity, { simulate: !!o.simulate, ...osd }), o.wait),
        mutationText,
      );
    });
  client.command("tickets").description("List open tickets created by Bynar").action(async () => {
    await run(
      g(),
      (c) => c.tickets(),
      (t: { ticket_id: string; server_name: string }[]) =>
        table([["TICKET", "HOST"], ...t.map((x) => [x.ticket_id, x.server_name])]),
    );
  });
  client.command("operations").description("List the disk-manager's operations, newest first")
    .action(async () => {
      await run(g(), (c) => c.operations(), (ops: OperationStatusMsg[]) =>
        table([
          ["ID", "OP", "DISK", "STATE", "STEP", "CREATED"],
          ...ops.map((x) => [x.id, x.op, x.disk, x.state, x.step ?? "", x.created_at ?? ""]),
        ]));
    });
  client.command("operation").description("Show (or --wait for) an operation's progress")
    .argument("<id>", "operation id")
    .option("--wait", "poll until it finishes")
    .action(async (id, o) => {
      await run(g(), (c) => o.wait ? c.waitOperation(id) : c.operation(id), formatOperation);
    });
  return client as unknown as Command;
}
