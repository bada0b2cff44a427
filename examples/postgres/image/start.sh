#!/bin/sh
# Starts PostgreSQL from the files this bundle carries (root/, see build.sh)
# as the instance's own user, with its cluster on the volume "data".
# Everything it needs comes from the environment the node gives
# (docs/image-manifest.md#the-environment-contract).
set -eu

: "${TRELLIS_VOLUME_DATA:?the component needs its volume data}"
: "${TRELLIS_IN_PG:?no address for the input terminal pg}"
: "${TRELLIS_PROP_PASSWORD:?the app must give the property password}"
root=$PWD/root
bin=$root/usr/lib/postgresql/15/bin
libs=$(echo "$root"/usr/lib/*-linux-gnu)
data=$TRELLIS_VOLUME_DATA/pgdata
db=${TRELLIS_PROP_DATABASE:-app}
case $db in
  '' | [!a-z_]* | *[!a-z0-9_]*) echo "property database: \"$db\" is not a plain name (a-z, 0-9, _)" >&2; exit 2 ;;
esac

# The instance's uid has no passwd entry. initdb looks itself up (getpwuid)
# and stops when it finds nothing, as do ssh and other tools an
# archive_command may run. nss_wrapper, preloaded, answers those lookups from
# these files, for PostgreSQL's process tree only.
printf 'postgres:x:%s:%s:PostgreSQL:%s:/bin/false\n' "$(id -u)" "$(id -g)" "$HOME" > "$HOME/passwd"
printf 'postgres:x:%s:\n' "$(id -g)" > "$HOME/group"
export NSS_WRAPPER_PASSWD="$HOME/passwd" NSS_WRAPPER_GROUP="$HOME/group"

# PostgreSQL's programs load the bundle's libraries before the node's (only
# glibc comes from the node) and nss_wrapper. The node's own tools this
# script runs (id, sync, mv) keep the node's libraries.
bundled () {
  env LD_LIBRARY_PATH="$libs" LD_PRELOAD="$libs/libnss_wrapper.so" "$@"
}

# First start (the volume is empty): make the cluster beside its final place
# and rename it there once whole and on disk, so a start cut short begins
# again cleanly. initdb would fsync each of its 1,300 files in turn, each a
# round trip to the volume's replicas; one syncfs of the volume flushes them all.
if [ ! -f "$data/PG_VERSION" ]; then
  init=$TRELLIS_VOLUME_DATA/pgdata.init
  rm -rf "$init"
  pwfile=$TMPDIR/pwfile
  (umask 077 && printf '%s\n' "$TRELLIS_PROP_PASSWORD" > "$pwfile")
  # ICU collation from the bundle: text sorts, and its indexes stay valid,
  # whichever node's glibc the cluster moves to.
  bundled "$bin/initdb" -D "$init" -U postgres --pwfile="$pwfile" --auth-host=scram-sha-256 --auth-local=peer \
    --encoding=UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=und --no-sync > /dev/null
  rm -f "$pwfile"
  echo "CREATE DATABASE $db" | bundled "$bin/postgres" --single -D "$init" -c jit=off -c fsync=off postgres > /dev/null
  sync -f "$init"
  mv "$init" "$data"
  sync "$TRELLIS_VOLUME_DATA"
  echo "start.sh: made a new cluster in $data, with the database $db" >&2
fi
unset TRELLIS_PROP_PASSWORD

# What the grid decides is given on the command line, where ALTER SYSTEM
# cannot override it; everything else is the cluster's postgresql.conf.
# No Unix socket: every client comes through the terminal. exec: postgres
# must be the instance's main process, the one the stop signal goes to.
exec env LD_LIBRARY_PATH="$libs" LD_PRELOAD="$libs/libnss_wrapper.so" "$bin/postgres" -D "$data" \
  -c listen_addresses="${TRELLIS_IN_PG%:*}" -c port="${TRELLIS_IN_PG##*:}" -c unix_socket_directories= \
  -c max_connections="${TRELLIS_PROP_MAXCONNECTIONS:-50}" -c shared_buffers="${TRELLIS_PROP_SHAREDBUFFERS:-32MB}" \
  -c jit=off
