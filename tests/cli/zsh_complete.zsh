#!/usr/bin/env zsh
# Asks zsh's completion system what it offers at the end of a command line,
# as a person pressing Tab would get it: `zsh -f zsh_complete.zsh SCRIPT LINE
# [DUMP]` prints one candidate per line (SCRIPT: the output of `byline
# completion zsh`; DUMP: compinit's dump file, kept between calls, since a
# compinit without one takes most of a second). An interactive zsh runs on a pseudo-terminal (zsh/zpty), compinit
# loads SCRIPT, and Tab runs the real completion widget with compadd wrapped
# to record what it adds (the harness of unix.stackexchange.com/a/668827).
if [[ $1 == --inner ]]; then
  # In the interactive shell on the pseudo-terminal.
  PROMPT=''
  unsetopt zle_bracketed_paste 2>/dev/null
  autoload -Uz compinit
  if [[ -n $3 ]]; then compinit -u -d $3; else compinit -u -D; fi
  source $2
  comptest () {
    typeset -aU completions=()
    compadd () {
      builtin compadd -O reply "$@"
      completions+=("$reply[@]")
      builtin compadd "$@"
    }
    bindkey '^I' complete-word
    zle -C {,,}complete-word
    complete-word () {
      unset 'compstate[vared]'
      _main_complete "$@"
      print -r -- '<BEGIN-CANDIDATES>'
      print -rl -- $completions
      print -r -- '<END-CANDIDATES>'
      exit
    }
    vared -c tmp
  }
  return 0
fi

script=$1 line=$2 dump=${3:+${3:A}}
zmodload zsh/zpty || { print -u2 'zsh_complete.zsh: no zsh/zpty module'; exit 2 }
zpty comptest zsh -f -i
zpty -w comptest "source ${(q)${0:A}} --inner ${(q)${script:A}} ${(q)dump}"
zpty -w comptest 'comptest'
zpty -w -n comptest "$line"$'\t'
out=''
while zpty -r comptest chunk; do
  out+=$chunk
  [[ $out == *'<END-CANDIDATES>'* ]] && break
done
zpty -d comptest
[[ $out == *'<BEGIN-CANDIDATES>'*'<END-CANDIDATES>'* ]] || { print -u2 "zsh_complete.zsh: no answer: $out"; exit 1 }
out=${${out##*<BEGIN-CANDIDATES>}%%<END-CANDIDATES>*}
for candidate in ${(f)${out//$'\r'/}}; do
  [[ -n $candidate ]] && print -r -- $candidate
done
