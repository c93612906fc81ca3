#!/usr/bin/env bash
# Checks a package that `make deb` built: its files and control fields (dpkg-deb -c, -I, -f), and with
# --install (CI, as root on a throw-away machine) that apt-get installs it with its dependencies, that
# the installed executables run, that postinst made the `lumpini` user, and that it removes cleanly.
#   scripts/check-deb.sh PACKAGE.deb [--install]
set -euo pipefail
deb=$1 mode=${2:-}
fail() { echo "check-deb: $deb: $*" >&2; exit 1; }

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/lumpini ./usr/bin/lumpini-engine ./lib/systemd/system/lumpini-serve.service \
  ./usr/share/man/man1/lumpini.1.gz ./usr/share/man/man1/lumpini-serve.1.gz ./usr/share/man/man1/lumpini-release.1.gz \
  ./usr/share/bash-completion/completions/lumpini ./usr/share/zsh/vendor-completions/_lumpini \
  ./usr/share/doc/lumpini/serve.md ./usr/share/doc/lumpini/copyright ./usr/share/doc/lumpini/examples/nginx-lumpini.conf; do
  grep -q " $path\$" <<< "$contents" || fail "has no $path"
done
grep -q " root/root .* ./usr/bin/lumpini$" <<< "$contents" || fail "its files should belong to root"

[ "$(dpkg-deb -f "$deb" Package)" = lumpini ] || fail "is not the lumpini package"
depends=$(dpkg-deb -f "$deb" Depends)
names=$(sed 's/ ([^)]*)//g; s/, /\n/g' <<< "$depends")
for package in libgdal32 libgeos-c1v5 libsqlite3-0 libc6 libstdc++6 libjs-leaflet libjs-leaflet.markercluster libjs-chart.js passwd; do
  grep -qxF "$package" <<< "$names" || fail "Depends lacks $package: $depends"
done
dpkg-deb -I "$deb" postinst | grep -q "useradd --system" || fail "postinst does not create the lumpini user"
unit=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./lib/systemd/system/lumpini-serve.service)
grep -q "^ExecStart=/usr/bin/lumpini serve " <<< "$unit" || fail "the unit does not run /usr/bin/lumpini"
grep -q "^User=lumpini$" <<< "$unit" || fail "the unit does not run as lumpini"
echo "check-deb: $deb: files, Depends ($depends), postinst and unit as expected"

[ "$mode" = --install ] || exit 0
[ "$(id -u)" = 0 ] || fail "--install needs root"
apt-get install -y -qq "$(realpath "$deb")" >/dev/null || fail "apt-get could not install it"
/usr/bin/lumpini --version | grep -q "GDAL" || fail "the installed lumpini does not run"
getent passwd lumpini >/dev/null || fail "installing it did not create the lumpini user"
tree=$(mktemp -d)
/usr/bin/lumpini catalog build --public "$tree" >/dev/null || fail "the installed lumpini cannot build a catalogue"
rm -rf "$tree"
apt-get remove -y -qq lumpini >/dev/null || fail "it does not remove cleanly"
[ ! -e /usr/bin/lumpini-engine ] || fail "removing it left /usr/bin/lumpini-engine"
echo "check-deb: $deb: installed with its dependencies, ran, made the lumpini user, removed"
