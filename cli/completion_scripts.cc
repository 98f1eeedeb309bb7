#include "completion_scripts.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace byline::cli {
namespace {

// Options whose value is a path (the rest complete their choices, or nothing).
bool value_is_folder(const std::string& name) { return name == "--db"; }
bool value_is_file(const std::string& name) { return name == "--config"; }

std::string joined(const std::vector<std::string>& words, const std::string& separator = " ") {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

bool takes_value(const OptionOutline& option) { return !option.positional && !option.value.empty(); }

std::vector<std::string> option_names(const std::vector<OptionOutline>& options) {
  std::vector<std::string> out;
  for (const OptionOutline& o : options)
    if (!o.positional) out.insert(out.end(), o.names.begin(), o.names.end());
  return out;
}

std::vector<std::string> subcommand_names(const CommandOutline& command) {
  std::vector<std::string> out;
  for (const CommandOutline& sub : command.subcommands) out.push_back(sub.name);
  return out;
}

// What a bare word completes to in a command without subcommands: query
// fields in a search, shells for `completion`, paths for a positional that
// takes files ("paths", "files"), nothing otherwise.
enum class Words { Query, Shells, Files, Nothing };
Words words_of(const std::string& path, const CommandOutline& command) {
  if (path == "search" || path == "authors" || path == "tags") return Words::Query;
  if (path == "completion") return Words::Shells;
  for (const OptionOutline& o : command.options)
    if (o.positional && (o.names.front() == "paths" || o.names.front() == "files")) return Words::Files;
  return Words::Nothing;
}

// Every command with its path ("", "search", "shards add"), depth first.
void each_command(const CommandOutline& command, const std::string& path,
                  const std::function<void(const std::string&, const CommandOutline&)>& visit) {
  visit(path, command);
  for (const CommandOutline& sub : command.subcommands)
    each_command(sub, path.empty() ? sub.name : path + " " + sub.name, visit);
}

std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// zsh _arguments: "[description]" and ":message:action" parts.
std::string zsh_description(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string fish_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The global options a subcommand takes too (main.cc uses fallthrough),
// without the help and version flags every command has its own of.
std::vector<OptionOutline> inherited_options(const CommandOutline& app) {
  std::vector<OptionOutline> out;
  for (const OptionOutline& o : app.options)
    if (main_name(o) != "--help" && main_name(o) != "--version") out.push_back(o);
  return out;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

// ---- bash ----------------------------------------------------------------

std::string bash_completion(const CommandOutline& app) {
  std::set<std::string> value_options;  // any level: options that take the next word as their value
  each_command(app, "", [&](const std::string&, const CommandOutline& c) {
    for (const OptionOutline& o : c.options)
      if (takes_value(o)) value_options.insert(o.names.begin(), o.names.end());
  });
  std::vector<std::string> root_options = option_names(app.options);

  std::string s;
  s += "# bash completion for byline, written by `byline completion bash` from the\n"
       "# same definition as `byline --help`. Load it with:\n"
       "#   source <(byline completion bash)\n"
       "_byline_complete() {\n"
       "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
       "  local path='' word i skip=0\n"
       "  COMPREPLY=()\n"
       "  # The subcommand typed so far ('search', 'shards add'), skipping option values.\n"
       "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
       "    word=${COMP_WORDS[i]}\n"
       "    if ((skip)); then skip=0; continue; fi\n"
       "    case $word in\n"
       "      " +
       joined(std::vector<std::string>(value_options.begin(), value_options.end()), "|") +
       ") skip=1; continue ;;\n"
       "    esac\n"
       "    case \"$path/$word\" in\n";
  each_command(app, "", [&](const std::string& path, const CommandOutline& c) {
    for (const CommandOutline& sub : c.subcommands)
      s += "      " + single_quoted(path + "/" + sub.name) +
           ") path=" + single_quoted(path.empty() ? sub.name : path + " " + sub.name) + " ;;\n";
  });
  s += "    esac\n"
       "  done\n"
       "  # The value of the option before the cursor.\n"
       "  case $prev in\n";
  // Option name -> "pattern) reply ;;" for each command that has it.
  std::map<std::string, std::string> value_cases;
  std::vector<std::string> value_order;
  each_command(app, "", [&](const std::string& path, const CommandOutline& c) {
    for (const OptionOutline& o : c.options) {
      if (!takes_value(o)) continue;
      std::string pattern = path.empty() ? "*" : single_quoted(path);
      for (const std::string& name : o.names) {
        std::string reply;
        if (value_is_folder(name))
          reply = "COMPREPLY=($(compgen -d -- \"$cur\"))";
        else if (value_is_file(name))
          reply = "COMPREPLY=($(compgen -f -- \"$cur\"))";
        else if (!o.choices.empty())
          reply = "COMPREPLY=($(compgen -W " + single_quoted(joined(o.choices)) + " -- \"$cur\"))";
        else
          reply = ":";  // a number or a name: nothing to offer
        if (!value_cases.count(name)) value_order.push_back(name);
        value_cases[name] += " " + pattern + ") " + reply + "; return 0 ;;";
      }
    }
  });
  for (const std::string& name : value_order) s += "    " + name + ") case $path in" + value_cases[name] + " esac ;;\n";
  s += "  esac\n"
       "  if [[ $cur == -* ]]; then\n"
       "    case $path in\n";
  each_command(app, "", [&](const std::string& path, const CommandOutline& c) {
    std::vector<std::string> names = option_names(c.options);
    if (!path.empty())
      for (const std::string& name : root_options)
        if (std::find(names.begin(), names.end(), name) == names.end() && name != "--version") names.push_back(name);
    s += "      " + (path.empty() ? std::string("''") : single_quoted(path)) + ") COMPREPLY=($(compgen -W " +
         single_quoted(joined(names)) + " -- \"$cur\")) ;;\n";
  });
  s += "    esac\n"
       "    return 0\n"
       "  fi\n"
       "  case $path in\n";
  each_command(app, "", [&](const std::string& path, const CommandOutline& c) {
    std::string key = path.empty() ? std::string("''") : single_quoted(path);
    if (!c.subcommands.empty()) {
      s += "    " + key + ") COMPREPLY=($(compgen -W " + single_quoted(joined(subcommand_names(c))) +
           " -- \"$cur\")) ;;\n";
      return;
    }
    switch (words_of(path, c)) {
      case Words::Query:
        // Field names; with ':' in COMP_WORDBREAKS, "type:ar" arrives as "type" ":" "ar".
        s += "    " + key +
             ")\n"
             "      if [[ $cur == : && $prev == type ]]; then COMPREPLY=(article comment)\n"
             "      elif [[ $prev == : && ${COMP_WORDS[COMP_CWORD-2]} == type ]]; then\n"
             "        COMPREPLY=($(compgen -W 'article comment' -- \"$cur\"))\n"
             "      else\n"
             "        COMPREPLY=($(compgen -W " +
             single_quoted(joined(kQueryFieldWords)) +
             " -- \"$cur\"))\n"
             "        [[ ${COMPREPLY[0]} == *: ]] && compopt -o nospace 2>/dev/null\n"
             "      fi ;;\n";
        break;
      case Words::Shells:
        s += "    " + key + ") COMPREPLY=($(compgen -W " + single_quoted(joined(kShellNames)) + " -- \"$cur\")) ;;\n";
        break;
      case Words::Files:
        s += "    " + key + ") COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n";
        break;
      case Words::Nothing:
        break;
    }
  });
  s += "  esac\n"
       "  return 0\n"
       "}\n"
       "complete -F _byline_complete byline\n";
  return s;
}

// ---- zsh -----------------------------------------------------------------

namespace {

std::string zsh_option_specs(const std::vector<OptionOutline>& options, const std::string& indent) {
  std::string s;
  for (const OptionOutline& o : options) {
    if (o.positional) continue;
    for (const std::string& name : o.names) {
      std::string spec = name + "[" + zsh_description(first_line(o.description)) + "]";
      if (takes_value(o)) {
        std::string action;
        if (value_is_folder(name))
          action = "_files -/";
        else if (value_is_file(name))
          action = "_files";
        else if (!o.choices.empty())
          action = "(" + joined(o.choices) + ")";
        else
          action = " ";
        spec += ":" + zsh_description(o.value.empty() ? "value" : o.value) + ":" + action;
      }
      s += indent + single_quoted(spec) + " \\\n";
    }
  }
  return s;
}

// "_byline", "_byline_search", "_byline_shards_add".
std::string zsh_function_name(const std::string& path) {
  std::string out = "_byline";
  for (char c : path) out += (c == ' ' || c == '-') ? '_' : c;
  return out;
}

}  // namespace

std::string zsh_completion(const CommandOutline& app) {
  std::string s =
      "#compdef byline\n"
      "# zsh completion for byline, written by `byline completion zsh` from the\n"
      "# same definition as `byline --help`. Put it on $fpath as _byline, or:\n"
      "#   source <(byline completion zsh)\n"
      "_byline_query_words() {\n"
      "  local -a words\n"
      "  words=(" +
      joined(kQueryFieldWords) +
      ")\n"
      "  compadd -S '' -- $words\n"
      "}\n";
  each_command(app, "", [&](const std::string& path, const CommandOutline& c) {
    std::string name = zsh_function_name(path.empty() ? "" : "_" + path);
    s += name + "() {\n";
    s += "  local curcontext=$curcontext state line\n";
    s += "  _arguments -C \\\n";
    s += zsh_option_specs(c.options, "    ");
    if (!path.empty()) s += zsh_option_specs(inherited_options(app), "    ");
    if (!c.subcommands.empty()) {
      // '1:command:((name\:"description" ...))'
      std::string items;
      for (const CommandOutline& sub : c.subcommands) {
        std::string description;
        for (char ch : zsh_description(first_line(sub.description)))
          description += ch == '\'' ? std::string("'\\''") : ch == '"' ? std::string("\\\"") : std::string(1, ch);
        items += (items.empty() ? "" : " ") + sub.name + "\\:\"" + description + "\"";
      }
      s += "    '1:command:((" + items + "))' \\\n";
      s += "    '*:: :->rest'\n";
      s += "  case $state in\n    rest)\n      case $words[1] in\n";
      for (const CommandOutline& sub : c.subcommands)
        s += "        " + sub.name + ") " + zsh_function_name("_" + (path.empty() ? sub.name : path + " " + sub.name)) +
             " ;;\n";
      s += "      esac ;;\n  esac\n";
    } else {
      switch (words_of(path, c)) {
        case Words::Query:
          s += "    '*:query:_byline_query_words'\n";
          break;
        case Words::Shells:
          s += "    '1:shell:(" + joined(kShellNames) + ")'\n";
          break;
        case Words::Files:
          s += "    '*:file:_files'\n";
          break;
        case Words::Nothing:
          s += "    '*: :'\n";
          break;
      }
    }
    s += "}\n";
  });
  s += "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
       "  _byline \"$@\"\n"
       "else\n"
       "  compdef _byline byline\n"
       "fi\n";
  return s;
}

// ---- fish ----------------------------------------------------------------

std::string fish_completion(const CommandOutline& app) {
  std::string s =
      "# fish completion for byline, written by `byline completion fish` from the\n"
      "# same definition as `byline --help`. Load it with:\n"
      "#   byline completion fish | source\n"
      "complete -c byline -f\n";
  auto option_lines = [&](const std::string& condition, const std::vector<OptionOutline>& options) {
    for (const OptionOutline& o : options) {
      if (o.positional) continue;
      std::string line = "complete -c byline";
      if (!condition.empty()) line += " -n " + fish_quoted(condition);
      for (const std::string& name : o.names)
        line += name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1);
      if (takes_value(o)) {
        const std::string& main = main_name(o);
        if (value_is_folder(main))
          line += " -r -a '(__fish_complete_directories)'";
        else if (value_is_file(main))
          line += " -r -F";
        else if (!o.choices.empty())
          line += " -x -a " + fish_quoted(joined(o.choices));
        else
          line += " -x";
      }
      line += " -d " + fish_quoted(first_line(o.description));
      s += line + "\n";
    }
  };
  option_lines("", app.options);
  each_command(app, "", [&](const std::string& path, const CommandOutline& c) {
    std::string here;  // the condition "this command is the one being typed"
    if (path.empty()) {
      here = "__fish_use_subcommand";
    } else {
      std::string last = path.substr(path.rfind(' ') == std::string::npos ? 0 : path.rfind(' ') + 1);
      here = "__fish_seen_subcommand_from " + last;
      if (!c.subcommands.empty()) here += "; and not __fish_seen_subcommand_from " + joined(subcommand_names(c));
    }
    if (!path.empty())
      option_lines(
          "__fish_seen_subcommand_from " + path.substr(path.rfind(' ') == std::string::npos ? 0 : path.rfind(' ') + 1),
          c.options);
    for (const CommandOutline& sub : c.subcommands)
      s += "complete -c byline -n " + fish_quoted(here) + " -a " + sub.name + " -d " +
           fish_quoted(first_line(sub.description)) + "\n";
    if (!c.subcommands.empty() || path.empty()) return;
    switch (words_of(path, c)) {
      case Words::Query:
        s += "complete -c byline -n " + fish_quoted(here) + " -a " + fish_quoted(joined(kQueryFieldWords)) + "\n";
        break;
      case Words::Shells:
        s += "complete -c byline -n " + fish_quoted(here) + " -a " + fish_quoted(joined(kShellNames)) + "\n";
        break;
      case Words::Files:
        s += "complete -c byline -n " + fish_quoted(here) + " -F\n";
        break;
      case Words::Nothing:
        break;
    }
  });
  return s;
}

}  // namespace byline::cli
