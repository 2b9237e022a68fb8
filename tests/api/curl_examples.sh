#!/usr/bin/env bash
# The README's curl examples for the disk-manager API, run for real by
# tests/api/tls_curl_test.ts. Inputs (environment):
#   VAULT_ADDR, VAULT_TOKEN  Vault and a Vault token whose entity may use the role
#   VAULT_CACERT             CA certificate of Vault's TLS (a private CA)
#   BYNAR_URL                https://<host>:5555
#   BYNAR_CA                 CA certificate that signed the disk-manager's certificate
#   DISK, DISK_ID            a device path and its serial/WWN (see the disk list)
#   METRICS_URL              http://127.0.0.1:9477
set -euo pipefail

# 1. Get an identity token from Vault (role bynar-client).
TOKEN=$(curl -sf --cacert "$VAULT_CACERT" -H "X-Vault-Token: $VAULT_TOKEN" \
  "$VAULT_ADDR/v1/identity/oidc/token/bynar-client" | jq -r .data.token)
test -n "$TOKEN" || { echo "no token from Vault" >&2; exit 1; }

# 2. List the disks (identity, type, state, cluster role).
curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" "$BYNAR_URL/v1/disks" \
  | jq -c '.disk[] | {dev_path, type, key: .identity.key, state, role}'

# 3. Is it safe to remove?
curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"disk\":\"$DISK\"}" \
  "$BYNAR_URL/v1/disks/safe-to-remove"; echo

# 4. Plan a removal without doing anything (simulate).
curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"disk\":\"$DISK\",\"disk_identity\":\"$DISK_ID\",\"simulate\":true}" \
  "$BYNAR_URL/v1/disks/remove" | jq -c '{result, outcome, plan: [.plan[].name]}'

# 5. Remove it for real: 202 Accepted with the operation to poll.
OP=$(curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"disk\":\"$DISK\",\"disk_identity\":\"$DISK_ID\"}" \
  "$BYNAR_URL/v1/disks/remove" | jq -r .id)

# 6. Poll the operation until it has finished.
until curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  "$BYNAR_URL/v1/operations/$OP" | jq -e '.state == "SUCCEEDED" or .state == "FAILED"' >/dev/null; do
  sleep 1
done
curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  "$BYNAR_URL/v1/operations/$OP" | jq -c '{state, outcome: .result.outcome, osd_id: .result.osd_id}'

# 7. Add the replacement back with the same OSD id, and wait.
OP=$(curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"disk\":\"$DISK\",\"disk_identity\":\"$DISK_ID\",\"osd_id\":${OSD_ID:-1}}" \
  "$BYNAR_URL/v1/disks/add" | jq -r .id)
until curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  "$BYNAR_URL/v1/operations/$OP" | jq -e '.state == "SUCCEEDED" or .state == "FAILED"' >/dev/null; do
  sleep 1
done
curl -sf --cacert "$BYNAR_CA" -H "Authorization: Bearer $TOKEN" \
  "$BYNAR_URL/v1/operations/$OP" | jq -c '{state, outcome: .result.outcome, osd_id: .result.osd_id}'

# 8. Health and metrics (no token, loopback listener).
curl -sf "$METRICS_URL/healthz"; echo
curl -sf "$METRICS_URL/metrics" | grep -c '^bynar_api_requests_total'
