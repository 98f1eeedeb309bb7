// The search page's files, compiled into the binary (see embed_page.cmake).
#ifndef BYLINE_SERVER_PAGE_ASSETS_H
#define BYLINE_SERVER_PAGE_ASSETS_H

#include <string_view>
#include <vector>

namespace byline::server {

struct PageAsset {
  std::string_view path;          // "/index.html"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view body;
};

const std::vector<PageAsset>& page_assets();

}  // namespace byline::server

#endif  // BYLINE_SERVER_PAGE_ASSETS_H
