/**
 * Vault access: the HTTP client and the TLS certificate pin publication.
 *
 * @module
 */
export * from "./client.ts";
export * from "./cert_pin.ts";
