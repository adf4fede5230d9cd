#!/usr/bin/env bash
# Creates every topic of topics.txt ("<name> <partitions> <key=value,…>"), once; run by compose's
# kafka-topics service before any service starts, since the broker creates none on the fly.
set -euo pipefail
while read -r name partitions config; do
  case "$name" in ''|'#'*) continue ;; esac
  args=()
  IFS=',' read -ra pairs <<< "$config"
  for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 "${args[@]}"
done < "$1"
