#!/bin/sh
# Builds the postgres image's bundle from Debian packages:
#
#   examples/postgres/build.sh OUT        (then: trellis image import OUT/postgres.tar)
#
# OUT/postgres/ becomes the image folder: this script's image/ (manifest and
# start script) plus root/, the files of PostgreSQL 15 and of every library
# its programs link to except glibc's, extracted from the .debs of the
# machine's apt sources (apt-get download; dpkg-deb -x; nothing is installed).
# OUT/postgres.tar is that folder as a tar with its symlinks kept (a folder
# given to `trellis image import` has its links followed, which would store
# every library twice). The manifest's version is stamped here:
# <PostgreSQL version>-<REVISION>, e.g. 15.20-1.
#
# Needs apt-get, dpkg-deb, ldd and tar (a Debian or Ubuntu machine of the
# nodes' architecture; packages named for Debian 12 "bookworm").
# DEBS=DIR keeps the downloaded .debs there, to build again offline.
set -eu

# Bump when image/ changes and PostgreSQL does not: the grid refuses a second
# bundle under a version it already holds.
REVISION=1

# PostgreSQL's server and tools, nss_wrapper (a passwd entry for a user that
# has none, see start.sh), and the libraries their programs link to, as ldd
# lists them, less glibc (libc6: libc, libm, libresolv, the loader), which
# comes from the node. The check at the end fails, naming the library, when
# a program needs one that is not here.
PACKAGES="postgresql-15 libnss-wrapper
  libpq5 libicu72 libssl3 libxml2 libxslt1.1 libldap-2.5-0 libsasl2-2 libgssapi-krb5-2 libkrb5-3
  libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1 libpam0g libaudit1 libcap-ng0 libsystemd0
  libcap2 libgcrypt20 libgpg-error0 liblz4-1 liblzma5 libzstd1 zlib1g libuuid1 libselinux1
  libpcre2-8-0 libgnutls30 libp11-kit0 libffi8 libidn2-0 libunistring2 libtasn1-6 libnettle8
  libhogweed6 libgmp10 libstdc++6 libgcc-s1"

# glibc's own libraries: the only ones a bundle takes from the node.
GLIBC='^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libresolv\.so\.2|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|ld-linux[-a-z0-9_]*\.so\.[0-9])$'

here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
debs=${DEBS:-$out/debs}
image=$out/postgres
mkdir -p "$debs"

# 1. Download the .debs (the versions apt would install now), unless DEBS has them.
missing=
for p in $PACKAGES; do
  ls "$debs/${p}_"*.deb >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  # apt drops to its _apt user to download unless it may write there; as root, say root may.
  sandbox=$( [ "$(id -u)" = 0 ] && echo -o APT::Sandbox::User=root || true)
  # Package lists that are missing or older than the mirror (a point release
  # replaces the files) fail the download: root refreshes them once and retries.
  if ! (cd "$debs" && apt-get download -q $sandbox $missing); then
    [ "$(id -u)" = 0 ] || { echo "apt-get download failed: run apt-get update as root, then again" >&2; exit 1; }
    apt-get update -q
    (cd "$debs" && apt-get download -q $sandbox $missing)
  fi
fi

# 2. Extract them into a fresh root/, merged the way Debian merges /lib into /usr/lib.
rm -rf "$image" "$out/postgres.tar"
mkdir -p "$image/root"
for p in $PACKAGES; do
  deb=$(ls "$debs/${p}_"*.deb | sort | tail -n 1)
  dpkg-deb -x "$deb" "$image/root"
done
root=$image/root
if [ -d "$root/lib" ]; then
  cp -a "$root/lib/." "$root/usr/lib/"
  rm -rf "$root/lib"
fi

# 3. Drop what an appliance never reads: documentation, translations, /etc
# (an empty directory for the node's Kerberos configuration), and the JIT
# (24 MB, and it would need LLVM, 107 MB more; start.sh turns jit off).
rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/lintian" "$root/usr/share/locale" \
  "$root/usr/share/bug" "$root/etc" "$root/usr/lib/systemd" "$root/usr/share/postgresql-common" \
  "$root/usr/lib/postgresql/15/lib/bitcode" "$root/usr/lib/postgresql/15/lib/llvmjit"*
# A link that now leads nowhere, or out of the bundle, cannot be imported.
find "$root" -type l | while read -r link; do
  case $(readlink "$link") in /*) rm -f "$link"; continue ;; esac
  [ -e "$link" ] || rm -f "$link"
done

# 4. Every program and module must find its libraries inside the bundle, or in glibc.
multiarch=$(cd "$root/usr/lib" && ls -d *-linux-gnu* | head -n 1)
libs=$root/usr/lib/$multiarch
for f in "$root/usr/lib/postgresql/15/bin/"* "$root/usr/lib/postgresql/15/lib/"*.so "$libs/libnss_wrapper.so"; do
  echo "== $f"
  LD_LIBRARY_PATH=$libs ldd "$f" 2>/dev/null || true
done | awk -v root="$root/" -v glibc="$GLIBC" '
  /^== / { file = substr($0, 4); sub(/.*\//, "", file); next }
  $2 != "=>" { next }
  { name = $1; sub(/.*\//, "", name) }
  name ~ glibc { next }
  $3 == "not" { print file " needs " $1 ", found nowhere"; next }
  index($3, root) != 1 { print file " needs " $1 ", which only the build machine has (" $3 ")" }
' > "$out/ldd-check.txt"
if [ -s "$out/ldd-check.txt" ]; then
  cat "$out/ldd-check.txt" >&2
  echo "add the Debian package that holds each library above to PACKAGES in $0" >&2
  exit 1
fi

# 5. The image folder: the manifest, stamped with the version, and the start script.
pgversion=$(dpkg-deb -f "$(ls "$debs/postgresql-15_"*.deb | sort | tail -n 1)" Version)
upstream=${pgversion%%-*}
version=$upstream-$REVISION
sed "s/^version: .*/version: \"$version\"/" "$here/image/manifest.yaml" > "$image/manifest.yaml"
cp "$here/image/start.sh" "$image/start.sh"
chmod 0755 "$image/start.sh"

# 6. The bundle: entries relative to the folder, symlinks kept.
tar -C "$image" -cf "$out/postgres.tar" .
size=$(du -sk "$image" | cut -f1)
echo "postgres@$version: $out/postgres.tar ($((size / 1024)) MiB unpacked; PostgreSQL $pgversion from Debian)"
