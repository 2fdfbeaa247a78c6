#!/bin/sh
# The container's command, also run by scripts/check-image on the unpacked server package: one script, so the
# check starts the server exactly as the image does.
#
# Any uid works: Hugging Face Spaces runs the container as uid 1000, OpenShift as an arbitrary uid in group 0.
# Everything the server writes lives under SEMA_HOME's wlp/usr/servers/sema (logs, workarea; group 0, group-
# writable) and SEMA_DATA_DIR (the Hub cache and other state: mount a volume there).
set -eu
SEMA_HOME=$(cd "$(dirname "$0")" && pwd)
: "${SEMA_DATA_DIR:=/data}"
: "${HF_HOME:=$SEMA_DATA_DIR/huggingface}"
export SEMA_DATA_DIR HF_HOME
mkdir -p "$HF_HOME"
# `server run` keeps Liberty in the foreground as this shell's replacement, so SIGTERM from the runtime reaches the
# JVM, whose shutdown stops the server gracefully.
exec "$SEMA_HOME/wlp/bin/server" run sema
