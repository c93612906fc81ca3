#!/usr/bin/env bash
# `make deb`: a Debian package of the release build, with dpkg-deb.
#   scripts/make-deb.sh BUILD_DIR OUTPUT.deb VERSION MAINTAINER
# Files as `make install` puts them with PREFIX=/usr, the unit in /lib/systemd/system. Depends lists the
# package of each shared library the two executables load directly (their NEEDED entries, found with ldd
# and `dpkg -S`), at least the version installed here, plus Debian's JavaScript libraries the site copies
# and `passwd` for the `lumpini` system user that postinst creates.
set -euo pipefail
build=$1 output=$2 version=$3 maintainer=$4
root=$(cd "$(dirname "$0")/.." && pwd)
architecture=$(dpkg --print-architecture)
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
package=$staging/lumpini

"$root/scripts/install.sh" "$build" "$package" /usr /lib/systemd/system >/dev/null
# Debug information is most of a release executable's size; the symbols stay, for backtraces.
strip --strip-debug "$package/usr/bin/lumpini" "$package/usr/bin/lumpini-engine"
install -d "$package/usr/share/doc/lumpini"
printf 'Lumpini %s, built from its source repository.\n' "$version" > "$package/usr/share/doc/lumpini/copyright"

owner() {  # the package that installed a library file (usrmerge: /lib and /usr/lib are the same files)
  local path=$1 alternative
  case $path in /usr/lib/*) alternative=${path#/usr} ;; /lib/*) alternative=/usr$path ;; *) alternative=$path ;; esac
  { dpkg -S "$path" 2>/dev/null || dpkg -S "$alternative" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null; } | head -n1 | cut -d: -f1
}
declare -A depends=()
for binary in "$build/lumpini" "$build/lumpini-engine"; do
  libraries=$(ldd "$binary")
  for needed in $(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }'); do
    path=$(awk -v name="$needed" '$1 == name && $3 ~ /^\// { print $3 }' <<< "$libraries")
    [ -z "$path" ] && [[ $needed == ld-linux* ]] && continue  # the loader itself: libc6's
    [ -n "$path" ] || { echo "$binary needs $needed, which ldd does not find" >&2; exit 2; }
    name=$(owner "$path")
    [ -n "$name" ] || { echo "$path ($needed) belongs to no Debian package: build with make release" >&2; exit 2; }
    depends[$name]=1
  done
done
list=""
for name in $(printf '%s\n' "${!depends[@]}" | sort) libjs-leaflet libjs-leaflet.markercluster libjs-chart.js passwd; do
  installed=$(dpkg-query -W -f='${Version}' "$name" 2>/dev/null || true)
  list+="${list:+, }$name${installed:+ (>= $installed)}"
done

install -d "$package/DEBIAN"
cat > "$package/DEBIAN/control" <<CONTROL
Package: lumpini
Version: $version
Architecture: $architecture
Maintainer: $maintainer
Section: science
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$package" | cut -f1)
Depends: $list
Suggests: nginx, postgresql-15-postgis-3
Homepage: https://data.bangkok.go.th/
Description: clean, validated open data and its catalogue from agency files
 Lumpini turns the files a city's agencies hand over (Thai CSV and Excel,
 shapefiles, KML) into validated open data: GeoJSON, CSV, Frictionless data
 packages and a catalogue (DCAT, CKAN, data.json), published atomically, and
 serves them over HTTP with lumpini serve (OGC API - Features, the CKAN
 Action API).
CONTROL
cat > "$package/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  # The system user the lumpini-serve unit runs as: no login, no home of its own.
  if ! getent passwd lumpini >/dev/null; then
    useradd --system --user-group --home-dir /srv/lumpini --no-create-home --shell /usr/sbin/nologin lumpini
  fi
  if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
fi
POSTINST
cat > "$package/DEBIAN/postrm" <<'POSTRM'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
POSTRM
chmod 755 "$package/DEBIAN/postinst" "$package/DEBIAN/postrm"
mkdir -p "$(dirname "$output")"
dpkg-deb --root-owner-group -Zxz --build "$package" "$output" >/dev/null
echo "built $output"
