#!/usr/bin/env bash
# `make install`: both executables side by side, man pages made from their --help, shell completions,
# the documentation and the deployment examples, and the systemd unit for `lumpini serve`.
#   scripts/install.sh BUILD_DIR DESTDIR PREFIX [SYSTEMD_UNIT_DIR]
# The site's JavaScript libraries are Debian's (/usr/share/javascript, libjs-*): `lumpini site` copies them
# from there, and its own script, style and the vocabularies are built into the executables.
set -euo pipefail
export LC_ALL=C.UTF-8
build=$1 destdir=$2 prefix=$3 unitdir=${4:-$3/lib/systemd/system}
root=$(cd "$(dirname "$0")/.." && pwd)
for binary in lumpini lumpini-engine; do
  [ -x "$build/$binary" ] || { echo "$build/$binary is missing: run make release (or give BUILD_DIR)" >&2; exit 2; }
done
command -v help2man >/dev/null || { echo "help2man is missing: make deps installs it" >&2; exit 2; }

bin=$destdir$prefix/bin share=$destdir$prefix/share
install -d "$bin" "$share/man/man1" "$share/doc/lumpini/examples" "$share/bash-completion/completions" \
  "$share/zsh/vendor-completions" "$share/fish/vendor_completions.d" "$destdir$unitdir"
# Side by side: `lumpini` finds `lumpini-engine` in its own folder (docs/ARCHITECTURE.md).
install -m 755 "$build/lumpini" "$build/lumpini-engine" "$bin/"

# One page for the command and one for each subcommand, from the help the installed binary prints.
lumpini=$bin/lumpini
subcommands=$("$lumpini" --help | awk '/^SUBCOMMANDS:/ { listing = 1; next } listing && /^  [a-z]/ { print $1 }')
[ -n "$subcommands" ] || { echo "$lumpini --help lists no subcommands" >&2; exit 3; }
version=$("$lumpini" --version | awk '{ print $2 }')
help2man --no-info --no-discard-stderr --section 1 --version-string "$version" \
  --name "clean, validated open data and its catalogue from agency files" "$lumpini" | gzip -9n > "$share/man/man1/lumpini.1.gz"
for command in $subcommands; do
  # The first sentence of the subcommand's overview names the page.
  summary=$("$lumpini" "$command" --help | awk '/^OVERVIEW: / { sub(/^OVERVIEW: /, ""); text = $0; more = 1; next }
    more && /^$/ { exit } more { text = text " " $0 } END { print text }' | sed 's/[.:] .*//; s/[.:]$//; s/ ([^)]*$//')
  help2man --no-info --no-discard-stderr --section 1 --help-option "$command --help" --version-string "$version" \
    --name "${summary:-lumpini $command}" "$lumpini" \
    | sed "s/^\.TH LUMPINI /.TH LUMPINI-${command^^} /; s/^lumpini \\\\- /lumpini-$command \\\\- /" | gzip -9n > "$share/man/man1/lumpini-$command.1.gz"
done

"$lumpini" --generate-completion-script bash > "$share/bash-completion/completions/lumpini"
"$lumpini" --generate-completion-script zsh > "$share/zsh/vendor-completions/_lumpini"
"$lumpini" --generate-completion-script fish > "$share/fish/vendor_completions.d/lumpini.fish"

install -m 644 "$root/README.md" "$share/doc/lumpini/"
install -m 644 "$root"/docs/*.md "$share/doc/lumpini/"
install -m 644 "$root/deploy/nginx-lumpini.conf" "$share/doc/lumpini/examples/"
# The unit runs the executable where it was installed.
sed "s|/usr/local/bin/lumpini|$prefix/bin/lumpini|g" "$root/deploy/lumpini-serve.service" > "$destdir$unitdir/lumpini-serve.service"
chmod 644 "$destdir$unitdir/lumpini-serve.service"
echo "installed lumpini in $destdir$prefix (unit in $destdir$unitdir)"
