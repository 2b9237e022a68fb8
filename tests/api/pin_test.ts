/**
 * Pinning a CA-signed disk-manager certificate, as shipped: the pin may be the SHA-256 of
 * the certificate or of its public key (SPKI), and the chain is verified too — with `--ca`
 * it works; without it a private CA is refused with a message naming the issuer and `--ca`.
 */
import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { setupShippedDm, startShippedDm } from "./shipped_dm.ts";

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

Deno.test("pin: CA-signed certificate pinned by SPKI or certificate hash, chain verified too (as shipped)", async () => {
  const s = await setupShippedDm(await shippedScratchDir("pin"));
  const x = new X509Certificate(await Deno.readTextFile(s.pki.certPath));
  const spkiPin = await sha256(
    new Uint8Array(x.publicKey.export({ type: "spki", format: "der" })),
  );
  await Deno.writeTextFile(`${s.dir}/token`, await s.token());
  const dm = await startShippedDm(s);
  try {
    const cli = (args: string[]) =>
      runShipped([
        "client",
        "--host",
        "localhost",
        "-p",
        String(dm.port),
        "--token-file",
        `${s.dir}/token`,
        "--config-dir",
        `${s.dir}/none`,
        ...args,
        "list",
      ]);
    for (const pin of [spkiPin, s.pki.fingerprint]) {
      const r = await cli(["--pin", pin, "--ca", s.pki.caPath]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /\/dev\/sdb\s+ROTATIONAL\s+serial:SIM-sdb/);
    }
    // Pin alone: the leaf matches, but the private CA cannot verify the chain.
    let r = await cli(["--pin", spkiPin]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /matches the pin but is signed by "CN=bynar-test-ca".*give --ca/);
    r = await cli(["--pin", "ab".repeat(32), "--ca", s.pki.caPath]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /differs from the pin/);
  } finally {
    assert.equal((await dm.stop()).code, 0);
  }
});
