/**
 * A throw-away PKI made with openssl at test time: a CA and a server certificate for
 * 127.0.0.1 / localhost.
 *
 * @module
 */
import { runCommand } from "../../src/process/run.ts";

/** Files of the test PKI. */
export interface TestPki {
  /** CA certificate path. */
  caPath: string;
  /** Server certificate path. */
  certPath: string;
  /** Server key path. */
  keyPath: string;
  /** SHA-256 fingerprint of the server certificate (lower-case hex), from openssl. */
  fingerprint: string;
}

async function openssl(args: string[]): Promise<string> {
  const r = await runCommand("openssl", args, { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * Creates a CA and a server certificate (EC P-256) in `dir`.
 *
 * @param dir A temp directory owned by the test.
 * @returns The files.
 */
export async function makeTestPki(dir: string): Promise<TestPki> {
  const ca = `${dir}/ca`;
  const srv = `${dir}/server`;
  await openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", `${ca}.key`]);
  await openssl([
    "req",
    "-x509",
    "-new",
    "-key",
    `${ca}.key`,
    "-sha256",
    "-days",
    "2",
    "-subj",
    "/CN=bynar-test-ca",
    "-out",
    `${ca}.pem`,
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign",
  ]);
  await openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", `${srv}.key.ec`]);
  await openssl(["pkcs8", "-topk8", "-nocrypt", "-in", `${srv}.key.ec`, "-out", `${srv}.key`]);
  await openssl([
    "req",
    "-new",
    "-key",
    `${srv}.key`,
    "-subj",
    "/CN=localhost",
    "-out",
    `${srv}.csr`,
  ]);
  await Deno.writeTextFile(
    `${srv}.ext`,
    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n" +
      "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n",
  );
  await openssl([
    "x509",
    "-req",
    "-in",
    `${srv}.csr`,
    "-CA",
    `${ca}.pem`,
    "-CAkey",
    `${ca}.key`,
    "-CAcreateserial",
    "-days",
    "2",
    "-sha256",
    "-extfile",
    `${srv}.ext`,
    "-out",
    `${srv}.pem`,
  ]);
  const fp = await openssl(["x509", "-in", `${srv}.pem`, "-noout", "-fingerprint", "-sha256"]);
  const fingerprint = fp.trim().split("=")[1]!.replace(/:/g, "").toLowerCase();
  return { caPath: `${ca}.pem`, certPath: `${srv}.pem`, keyPath: `${srv}.key`, fingerprint };
}
