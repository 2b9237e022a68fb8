/**
 * The README's host set-up recipes (`<!-- recipe:NAME -->` blocks), run verbatim with bash:
 * the disk-manager certificate (it must name manager_host), local tokens, the Vault role
 * template (against the Vault double's HTTP API), and the detector + disk-manager on a fresh
 * host — `bynar` being the packaged launcher (packaged permission flags), `ETC` a scratch
 * directory inside its allow-list, `ceph.json` pointing at the real test cluster.
 *
 * Run alone: `deno test -A tests/ceph/readme_recipes_test.ts` (serialised by the cluster lock).
 *
 * @module
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { decodeJwt } from "jose";
import { shippedArgv, shippedScratchDir } from "../builders/shipped.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { startVaultDouble } from "../doubles/vault.ts";
import { withCluster } from "./cluster.ts";

const README = new URL("../../README.md", import.meta.url);

/**
 * The shell of one README recipe.
 *
 * @param readme The README text.
 * @param name The recipe name.
 * @returns The script.
 */
function recipe(readme: string, name: string): string {
  const m = new RegExp(`<!-- recipe:${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert(m, `README has recipe ${name}`);
  return m[1]!;
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

Deno.test({
  name:
    "README recipes run verbatim: certificate, local tokens, Vault role, detector + disk-manager",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    const readme = await Deno.readTextFile(README);
    const etc = await shippedScratchDir("recipes");
    const bin = `${etc}/bin`;
    await Deno.mkdir(bin);
    const defaults = `${etc}/defaults`;
    await Deno.writeTextFile(defaults, "");
    const pids = `${etc}/pids`;
    const [launcher] = await shippedArgv([]);
    // `bynar` as installed: the launcher with a clean environment; its pid is recorded (exec
    // keeps it) so the test stops exactly the processes it started.
    // A daemon started in the background (`bynar disk-manager … &`) logs to a file, so it does
    // not hold the recipe's output pipes open.
    await Deno.writeTextFile(
      `${bin}/bynar`,
      `#!/bin/sh\necho $$ >> "${pids}"\n` +
        `if [ "$1" = disk-manager ]; then exec >>"${etc}/disk-manager.log" 2>&1; fi\n` +
        `exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root ` +
        `NO_COLOR=1 BYNAR_DEFAULTS="${defaults}" "${launcher}" "$@"\n`,
      { mode: 0o755 },
    );
    await Deno.writeTextFile(
      `${etc}/ceph.json`,
      JSON.stringify({
        config_file: c.confPath,
        user_id: "admin",
        pool_name: c.pool,
        allow_loop_devices: true,
        client_mount_timeout: 10,
      }),
    );
    const jira = new JiraDouble({ flavor: "datacenter" });
    const vault = await startVaultDouble();
    vault.tokens.set("s.admin", { entityId: "admin" });
    vault.tokens.set("s.ceph1", { entityId: "entity-ceph1", metadata: { bynar_host: "ceph1" } });
    const env = {
      PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`,
      HOME: "/root",
      ETC: etc,
      MANAGER_PORT: String(freePort()),
      METRICS_PORT: String(freePort()),
      JIRA_URL: jira.start(),
      JIRA_USER: jira.user,
      JIRA_PASSWORD: jira.password,
      VAULT_ADDR: vault.url,
      VAULT_TOKEN: "s.admin",
    };
    const run = async (name: string): Promise<{ code: number; out: string; err: string }> => {
      const out = await new Deno.Command("bash", {
        args: ["-euo", "pipefail", "-c", recipe(readme, name)],
        clearEnv: true,
        env,
        cwd: etc,
        stdout: "piped",
        stderr: "piped",
        signal: AbortSignal.timeout(180_000),
      }).output();
      const dec = new TextDecoder();
      return { code: out.code, out: dec.decode(out.stdout), err: dec.decode(out.stderr) };
    };
    try {
      const cert = await run("cert");
      assertEquals(cert.code, 0, cert.err);
      assert(cert.out.includes("disk-manager.pem: OK"), cert.out);
      const san = await new Deno.Command("openssl", {
        args: ["x509", "-in", `${etc}/disk-manager.pem`, "-noout", "-ext", "subjectAltName"],
        stdout: "piped",
      }).output();
      assert(new TextDecoder().decode(san.stdout).includes("DNS:localhost"), "names manager_host");

      const tokens = await run("tokens");
      assertEquals(tokens.code, 0, tokens.err);
      const op = decodeJwt((await Deno.readTextFile(`${etc}/operator.token`)).trim());
      assertEquals([op.scope, (op.exp ?? 0) - (op.iat ?? 0)], ["disks:read disks:write", 3600]);

      const role = await run("vault-role");
      assertEquals(role.code, 0, role.err);
      const got = await fetch(`${vault.url}/v1/identity/oidc/token/bynar-detect`, {
        headers: { "x-vault-token": "s.ceph1" },
      });
      const claims = decodeJwt(((await got.json()) as { data: { token: string } }).data.token);
      assertEquals(
        [claims.aud, claims.scope, claims.bynar_hosts, (claims.exp ?? 0) - (claims.iat ?? 0)],
        ["bynar-disk-manager", "disks:read disks:write", ["ceph1"], 3600],
      );

      const fresh = await run("run");
      const dmLog = await Deno.readTextFile(`${etc}/disk-manager.log`).catch(() => "");
      assertEquals(fresh.code, 0, `${fresh.out}\n${fresh.err}\n--- disk-manager\n${dmLog}`);
      // The disk-manager answered over TLS (its certificate names manager_host) with the
      // operator's token: the host's disks (a fresh host without loop devices: the system disk).
      assert(/DEVICE\s+TYPE\s+IDENTITY/.test(fresh.out), `bynar client list:\n${fresh.out}`);
      assert(/\bsystem\b/.test(fresh.out), fresh.out);
      assert(!/\b401\b|unauthori[sz]ed/i.test(fresh.out + fresh.err), fresh.err);
      assert(/pass .*0 failing/.test(fresh.err), `one detector pass ran:\n${fresh.err}`);
    } finally {
      const started = (await Deno.readTextFile(pids).catch(() => "")).split("\n").filter(Boolean);
      for (const pid of started) {
        try {
          Deno.kill(Number(pid), "SIGTERM");
        } catch { /* already ended */ }
      }
      await new Promise((r) => setTimeout(r, 1000));
      await jira.close();
      await vault.close();
    }
  });
});
