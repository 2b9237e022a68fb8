import assert from "node:assert/strict";
import { ParseError } from "../errors.ts";
import { certFingerprint, certPinPath, normalisePin } from "./cert_pin.ts";

Deno.test("normalisePin accepts openssl, sha256: and bare hex forms", () => {
  const hex = "ab".repeat(32);
  assert.equal(normalisePin(hex.toUpperCase()), hex);
  assert.equal(normalisePin(`sha256:${hex}`), hex);
  assert.equal(normalisePin(Array(32).fill("AB").join(":")), hex);
  assert.throws(() => normalisePin("abcd"), TypeError);
});

Deno.test("certFingerprint hashes the DER of the first certificate", async () => {
  const der = new Uint8Array([1, 2, 3, 4]);
  const pem = `-----BEGIN CERTIFICATE-----\n${
    btoa(String.fromCharCode(...der))
  }\n-----END CERTIFICATE-----\n`;
  const want = [...new Uint8Array(await crypto.subtle.digest("SHA-256", der))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  assert.equal(await certFingerprint(pem), want);
  await assert.rejects(certFingerprint("nothing"), ParseError);
  assert.equal(certPinPath("host-1.example"), "bynar/hosts/host-1.example/tls");
});
