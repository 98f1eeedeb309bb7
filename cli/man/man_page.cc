#include "man_page.h"

#include <cctype>

#include "roff.h"

namespace byline::cli {
namespace {

const CommandOutline* find_command(const CommandOutline& app, const std::string& path) {
  const CommandOutline* at = &app;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find(' ', start);
    if (end == std::string::npos) end = path.size();
    std::string name = path.substr(start, end - start);
    const CommandOutline* next = nullptr;
    for (const CommandOutline& sub : at->subcommands)
      if (sub.name == name) next = &sub;
    if (next == nullptr) return nullptr;
    at = next;
    start = end + 1;
  }
  return at;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// "\fB\-n\fR, \fB\-\-limit\fR \fIINT\fR"
std::string option_tag(const OptionOutline& o) {
  if (o.positional) return "\\fI" + roff_escaped(o.names.front()) + "\\fR" + (o.several ? "..." : "");
  std::string out;
  for (const std::string& name : o.names) out += (out.empty() ? "" : ", ") + ("\\fB" + roff_escaped(name) + "\\fR");
  if (!o.value.empty()) out += " \\fI" + roff_escaped(o.value) + "\\fR";
  return out;
}

std::string option_text(const OptionOutline& o) {
  std::string out = roff_escaped(o.description);
  if (!out.empty() && out.back() != '.') out += '.';
  if (!o.choices.empty()) {
    out += " One of:";
    for (std::size_t i = 0; i < o.choices.size(); ++i)
      out += (i ? ", " : " ") + ("\\fB" + roff_escaped(o.choices[i]) + "\\fR");
    out += '.';
  }
  if (!o.default_value.empty()) out += " Default: \\fB" + roff_escaped(o.default_value) + "\\fR.";
  if (o.required) out += " Required.";
  return out;
}

std::string options_section(const CommandOutline& command, const std::string& title) {
  std::string out = ".SH " + title + "\n";
  for (const OptionOutline& o : command.options) out += ".TP\n" + option_tag(o) + "\n" + option_text(o) + "\n";
  return out;
}

std::string synopsis(const CommandOutline& command, const std::string& path) {
  std::string out = ".B byline" + (path.empty() ? std::string() : " " + path) + "\n";
  if (!path.empty()) out += "[\\fIGLOBAL OPTIONS\\fR] ";
  out += "[\\fIOPTIONS\\fR]";
  if (!command.subcommands.empty()) out += " \\fICOMMAND\\fR";
  for (const OptionOutline& o : command.options) {
    if (!o.positional) continue;
    std::string word = "\\fI" + roff_escaped(o.names.front()) + "\\fR" + (o.several ? "..." : "");
    out += " " + (o.required ? word : "[" + word + "]");
  }
  return out + "\n";
}

// Every exit status, the same for every subcommand (cli/command.h).
std::string exit_status_section() {
  return ".SH EXIT STATUS\n"
         ".TP\n.B 0\nSuccess. A search that matches nothing is a success too, unless \\fB\\-\\-exit\\-status\\fR "
         "is given.\n"
         ".TP\n.B 1\nPartial failure: some inputs could not be read, a document to show does not exist, output "
         "could not be written, a \\fB\\-\\-partial\\fR search lacks some shards, or (\\fBbyline search "
         "\\-\\-exit\\-status\\fR) nothing matched.\n"
         ".TP\n.B 2\nBad usage: an unknown option or value, a query that cannot be understood, or a config file "
         "that cannot be read.\n"
         ".TP\n.B 3\nThe index is locked by another writer, damaged, missing or otherwise unusable.\n";
}

std::string subcommands_section(const CommandOutline& command, const std::string& path) {
  std::string out = ".SH COMMANDS\n";
  for (const CommandOutline& sub : command.subcommands) {
    std::string sub_path = path.empty() ? sub.name : path + " " + sub.name;
    out += ".TP\n";
    if (path.empty())
      out += ".BR " + man_page_name(sub_path) + " (1)\n";
    else
      out += "\\fBbyline " + roff_escaped(sub_path) + "\\fR\n";
    out += roff_escaped(sub.description) + "\n";
    if (!path.empty())
      for (const OptionOutline& o : sub.options)
        out += ".RS\n.TP\n" + option_tag(o) + "\n" + option_text(o) + "\n.RE\n";
  }
  return out;
}

std::string see_also(const CommandOutline& app, const std::string& path) {
  std::string out = ".SH SEE ALSO\n";
  std::string list;
  if (!path.empty()) list = ".BR byline (1)";
  for (const CommandOutline& sub : app.subcommands) {
    if (sub.name == path) continue;
    list += std::string(list.empty() ? "" : ",\n") + ".BR " + man_page_name(sub.name) + " (1)";
  }
  return out + list + "\n";
}

// Replaces the line `marker` of `text` by `with`, or appends `with`.
std::string placed(const std::string& text, const std::string& marker, const std::string& with) {
  std::string line = marker + "\n";
  std::size_t at = text.find(line);
  if (at == std::string::npos) return text + with;
  return text.substr(0, at) + with + text.substr(at + line.size());
}

}  // namespace

std::string man_page_name(const std::string& path) {
  std::string out = "byline";
  if (!path.empty()) out += "-" + path;
  for (char& c : out)
    if (c == ' ') c = '-';
  return out;
}

std::string man_page(const CommandOutline& app, const std::string& path, const std::string& prose,
                     const std::string& version) {
  const CommandOutline* command = find_command(app, path);
  if (command == nullptr) return "";
  std::string name = man_page_name(path);
  std::string out =
      ".\\\" Generated by byline_man from the byline command line and " + name + ".roff: edit those, not this file.\n";
  out += ".TH " + upper(roff_escaped(name)) + " 1 \"\" \"byline " + version + "\" \"Byline Manual\"\n";
  out += ".nh\n";  // no hyphenation: option and command names stay whole
  out += ".SH NAME\n" + roff_escaped(name) + " \\- " + roff_escaped(command->description) + "\n";
  out += ".SH SYNOPSIS\n" + synopsis(*command, path);
  std::string body = prose;
  if (body.empty()) {
    body = ".SH DESCRIPTION\n" + roff_escaped(command->description) + ".\n";
    if (!command->footer.empty()) body += ".PP\n" + roff_escaped(command->footer) + "\n";
  }
  std::string options = options_section(*command, path.empty() ? "GLOBAL OPTIONS" : "OPTIONS");
  if (!path.empty()) {
    options +=
        ".PP\nThe global options of\n.BR byline (1)\n(\\fB\\-\\-db\\fR, \\fB\\-\\-config\\fR, "
        "\\fB\\-\\-color\\fR, \\fB\\-\\-no\\-pager\\fR) can be given before or after the command.\n";
  }
  if (!command->subcommands.empty()) options += subcommands_section(*command, path);
  body = placed(body, "@OPTIONS@", options);
  body = placed(body, "@EXIT STATUS@", exit_status_section());
  out += body;
  out += see_also(app, path.substr(0, path.find(' ')));
  return out;
}

}  // namespace byline::cli
