#!/bin/sh
# Sets up Mosquitto's dynamic-security plugin for Osteon (POSIX sh: runs in the
# eclipse-mosquitto image, on Debian and in tests alike).
#
#   dynsec-setup.sh init FILE      create the plugin's state FILE with the operator's admin
#                                  account, unless FILE exists (run before the broker starts)
#   dynsec-setup.sh accounts       create or update Osteon's two accounts on a running broker
#                                  (idempotent: run it after every start or password change)
#
# Environment:
#   MQTT_ADMIN_USER, MQTT_ADMIN_PASSWORD             the operator's admin account (init, accounts)
#   OSTEON_INGEST_USER, OSTEON_INGEST_PASSWORD       Osteon's ingest account (accounts)
#   OSTEON_PROVISIONER_USER, OSTEON_PROVISIONER_PASSWORD
#                                                    Osteon's provisioning account (accounts)
#   MQTT_HOST (127.0.0.1), MQTT_PORT (1883)          where the broker listens (accounts)
#   MQTT_CTRL_OPTS                                   more mosquitto_ctrl options, e.g. "--cafile ca.pem"
#   OSTEON_TOPIC_ROOT (osteon/v1/devices)            must match osteon.ingest.topic-root
#
# Osteon's ingest account may only take device batches (also through shared subscriptions)
# and send receipts and progress; the provisioning account may only use the dynamic-security
# API, through which Osteon gives each device a role of its own at registration. Devices get
# nothing else: the plugin denies publishing and subscribing unless a role allows it.
set -eu

ROOT=${OSTEON_TOPIC_ROOT:-osteon/v1/devices}

die() { echo "dynsec-setup: $*" >&2; exit 1; }

need() { eval "[ -n \"\${$1:-}\" ]" || die "$1 is not set"; }

# Runs one dynsec command; an error in the tolerated list (e.g. "already exists") is fine.
ctrl() {
  tolerated=$1; shift
  # shellcheck disable=SC2086
  out=$(mosquitto_ctrl -h "${MQTT_HOST:-127.0.0.1}" -p "${MQTT_PORT:-1883}" ${MQTT_CTRL_OPTS:-} \
        -u "$MQTT_ADMIN_USER" -P "$MQTT_ADMIN_PASSWORD" dynsec "$@" 2>&1) || die "$1 failed: $out"
  err=$(printf '%s\n' "$out" | sed -n 's/^.*Error: //p')
  if [ -n "$err" ] && [ "$err" != "$tolerated" ]; then die "$1 $2: $err"; fi
}

role() {
  name=$1; shift
  ctrl "Role already exists" createRole "$name"
  while [ $# -gt 0 ]; do
    ctrl "ACL with this topic already exists" addRoleACL "$name" "$1" "$2" allow
    shift 2
  done
}

client() {
  ctrl "Client already exists" createClient "$1" -p "$2"
  # An existing client gets the password given now, so that rotating it is re-running this.
  ctrl "" setClientPassword "$1" "$2"
  ctrl "" enableClient "$1"
  ctrl "Client is already in this role" addClientRole "$1" "$3"
}

cmd_init() {
  file=${1:?usage: dynsec-setup.sh init FILE}
  if [ -f "$file" ]; then
    echo "dynsec-setup: $file exists; keeping it"
    return
  fi
  need MQTT_ADMIN_USER; need MQTT_ADMIN_PASSWORD
  mkdir -p "$(dirname "$file")"
  mosquitto_ctrl dynsec init "$file" "$MQTT_ADMIN_USER" "$MQTT_ADMIN_PASSWORD" >/dev/null
  # The broker rewrites the file on every change and may run as another user.
  chmod 0600 "$file"
  if id mosquitto >/dev/null 2>&1; then chown mosquitto "$file" 2>/dev/null || true; fi
  echo "dynsec-setup: created $file with admin account $MQTT_ADMIN_USER"
}

cmd_accounts() {
  for v in MQTT_ADMIN_USER MQTT_ADMIN_PASSWORD OSTEON_INGEST_USER OSTEON_INGEST_PASSWORD \
           OSTEON_PROVISIONER_USER OSTEON_PROVISIONER_PASSWORD; do need "$v"; done
  # Shared subscriptions are checked with their $share/<group>/ prefix, so both forms are granted.
  role osteon-ingest \
    subscribePattern "$ROOT/+/accel" subscribePattern "$ROOT/+/load" \
    subscribePattern "\$share/+/$ROOT/+/accel" subscribePattern "\$share/+/$ROOT/+/load" \
    publishClientReceive "$ROOT/+/accel" publishClientReceive "$ROOT/+/load" \
    publishClientSend "$ROOT/+/receipts" publishClientSend "$ROOT/+/progress"
  role osteon-provisioner \
    publishClientSend '$CONTROL/dynamic-security/#' \
    subscribeLiteral '$CONTROL/dynamic-security/v1/response' \
    publishClientReceive '$CONTROL/dynamic-security/v1/response'
  client "$OSTEON_INGEST_USER" "$OSTEON_INGEST_PASSWORD" osteon-ingest
  client "$OSTEON_PROVISIONER_USER" "$OSTEON_PROVISIONER_PASSWORD" osteon-provisioner
  echo "dynsec-setup: accounts $OSTEON_INGEST_USER and $OSTEON_PROVISIONER_USER are set up"
}

case "${1:-}" in
  init) shift; cmd_init "$@" ;;
  accounts) shift; cmd_accounts "$@" ;;
  *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
