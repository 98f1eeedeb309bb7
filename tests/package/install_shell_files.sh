#!/usr/bin/env bash
# `cmake --install` puts the man pages and the completion scripts where man
# and each shell look under the prefix: man finds byline-search(1) through
# MANPATH and renders it without a warning, and the installed bash script
# completes subcommands.
#   install_shell_files.sh BUILD_DIR
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build_dir" --prefix "$prefix" >/dev/null
fail() { echo "install-shell-files: $*" >&2; exit 1; }

for page in byline byline-search byline-index byline-show byline-completion; do
  [ -f "$prefix/share/man/man1/$page.1" ] || fail "no $page.1 in share/man/man1"
done
found=$(MANPATH="$prefix/share/man" man -w byline-search) || fail "man -w byline-search found nothing"
[ "$found" = "$prefix/share/man/man1/byline-search.1" ] || fail "man found $found"
warnings=$(MANPATH="$prefix/share/man" MANWIDTH=80 man --warnings=all byline 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man byline: $warnings"

bash_dir=$(pkg-config --variable=completionsdir bash-completion)
bash_dir=${bash_dir#"$(pkg-config --variable=prefix bash-completion)"/}
[ -f "$prefix/$bash_dir/byline" ] || fail "no bash completion in $bash_dir"
# Not a /usr prefix: site-functions (vendor-completions is for /usr, Debian's fpath).
[ -f "$prefix/share/zsh/site-functions/_byline" ] || fail "no zsh completion (_byline) in share/zsh/site-functions"
[ -f "$prefix/share/fish/vendor_completions.d/byline.fish" ] || fail "no fish completion in vendor_completions.d"

reply=$(bash --norc --noprofile -c "source '$prefix/$bash_dir/byline'; COMP_WORDS=(byline sea); COMP_CWORD=1;
  _byline_complete; echo \"\${COMPREPLY[*]}\"")
[ "$reply" = "search" ] || fail "installed bash completion offered '$reply' for 'byline sea'"
echo "install-shell-files: OK"
