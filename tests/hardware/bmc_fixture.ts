/**
 * Test setup shared by the hardware tests: a PKI made with openssl, the BMC double over
 * HTTPS on loopback, and a Redfish client trusting the test CA.
 *
 * @module
 */
import { makeTestPki, type TestPki } from "../api/pki.ts";
import { type BmcDouble, startBmcDouble } from "../doubles/bmc.ts";
import { RedfishClient, type RedfishClientOptions } from "../../src/hardware/redfish/client.ts";

/** A running BMC double with its PKI. */
export interface BmcFixture {
  /** The double. */
  bmc: BmcDouble;
  /** The PKI (CA, server cert, fingerprint). */
  pki: TestPki;
  /** Scratch directory. */
  dir: string;
  /** A client trusting the CA (options override). */
  client(options?: Partial<RedfishClientOptions>): RedfishClient;
  /** Stops the double and removes the directory. */
  close(): Promise<void>;
}

/**
 * Starts the BMC double with a fresh PKI.
 *
 * @param options Where to keep the PKI (default: a temp dir) and the mockup.
 * @returns The fixture.
 */
export async function bmcFixture(
  options: { dir?: string; mockup?: string } = {},
): Promise<BmcFixture> {
  const dir = options.dir ?? await Deno.makeTempDir({ prefix: "bynar-bmc-" });
  const pki = await makeTestPki(dir);
  const bmc = await startBmcDouble({
    certPem: await Deno.readTextFile(pki.certPath),
    keyPem: await Deno.readTextFile(pki.keyPath),
    ...(options.mockup ? { mockup: options.mockup } : {}),
  });
  const caCert = await Deno.readTextFile(pki.caPath);
  return {
    bmc,
    pki,
    dir,
    client: (o = {}) =>
      new RedfishClient(bmc.url, {
        credentials: { username: bmc.username, password: bmc.password },
        caCert,
        ...o,
      }),
    close: async () => {
      await bmc.close();
      if (!options.dir) await Deno.remove(dir, { recursive: true });
    },
  };
}
