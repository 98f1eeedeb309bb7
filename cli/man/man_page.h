// Man pages written from the app's outline (app_outline.h) and hand-written
// prose: byline(1) for the command and its global options, byline-NAME(1)
// for each subcommand. The generated parts (NAME, SYNOPSIS, OPTIONS, EXIT
// STATUS, SEE ALSO) come from the same definition as --help; the prose says
// what --help cannot (the query language, examples).
#ifndef BYLINE_CLI_MAN_PAGE_H
#define BYLINE_CLI_MAN_PAGE_H

#include <string>

#include "app_outline.h"

namespace byline::cli {

// The page of `command` ("byline" itself when path is empty), for `version`.
// `prose` is roff: its line "@OPTIONS@" becomes the OPTIONS section and
// "@EXIT STATUS@" the exit statuses (each is appended at the end when the
// prose has no such line); empty prose gives a DESCRIPTION from the
// command's own description and footer.
std::string man_page(const CommandOutline& app, const std::string& path, const std::string& prose,
                     const std::string& version);

// "byline" or "byline-search": the page's name.
std::string man_page_name(const std::string& path);

}  // namespace byline::cli

#endif  // BYLINE_CLI_MAN_PAGE_H
