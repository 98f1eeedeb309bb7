# Every dependency is a Debian package (scripts/install-deps.sh installs them).
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)

# Xapian's CMake config only sets variables; wrap them in an imported target.
find_package(xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET byline_xapian)
  add_library(byline_xapian INTERFACE IMPORTED)
  set_target_properties(byline_xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

# libstemmer (Snowball) ships neither a CMake config nor a .pc file.
find_path(SNOWBALL_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(SNOWBALL_LIBRARY stemmer REQUIRED)
if(NOT TARGET byline_snowball)
  add_library(byline_snowball INTERFACE IMPORTED)
  set_target_properties(byline_snowball PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${SNOWBALL_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${SNOWBALL_LIBRARY}")
endif()

find_package(nlohmann_json 3 REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
find_package(CLI11 2 REQUIRED CONFIG)
# ICU: the canonical decomposition that folds accents (word_tokenizer.h).
find_package(ICU 60 REQUIRED COMPONENTS uc)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)  # HTML pages: an HTML5 parser (README: Input formats)
find_package(ZLIB REQUIRED)                              # .gz pages and .warc.gz archives
# The HTTP server of `byline serve` (Debian ships it as a compiled library).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# Private dependencies of the library's internals, linked by every OBJECT library.
add_library(byline_deps INTERFACE)
target_link_libraries(byline_deps INTERFACE
  byline_xapian byline_snowball nlohmann_json::nlohmann_json PkgConfig::XXHASH PkgConfig::GUMBO ZLIB::ZLIB
  ICU::uc Threads::Threads)

# The versions `byline --version` reports: Xapian's from its CMake package;
# libstemmer has no version in its header or library, so Snowball's is the
# Debian package's (the one the headers came from), when dpkg knows it.
set(BYLINE_XAPIAN_VERSION "${xapian_VERSION}")
set(BYLINE_SNOWBALL_VERSION "unknown")
find_program(BYLINE_DPKG_QUERY dpkg-query)
if(BYLINE_DPKG_QUERY)
  execute_process(COMMAND ${BYLINE_DPKG_QUERY} -W "-f=\${Version}" libstemmer-dev
    OUTPUT_VARIABLE _snowball RESULT_VARIABLE _snowball_rc ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_snowball_rc EQUAL 0 AND _snowball)
    string(REGEX REPLACE "^[0-9]+:" "" _snowball "${_snowball}")   # epoch
    string(REGEX REPLACE "-[^-]*$" "" _snowball "${_snowball}")    # Debian revision
    set(BYLINE_SNOWBALL_VERSION "${_snowball}")
  endif()
endif()

# The generated version header.
configure_file(${PROJECT_SOURCE_DIR}/cmake/version.h.in ${PROJECT_BINARY_DIR}/include/byline/version.h @ONLY)

# Helper to declare one folder's OBJECT library.
function(byline_object_library name)
  add_library(${name} OBJECT ${ARGN})
  target_include_directories(${name}
    PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
           $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/common/src)
  target_link_libraries(${name} PUBLIC byline_deps)
  target_compile_options(${name} PRIVATE ${BYLINE_WARNINGS})
  # Only what the public headers mark BYLINE_EXPORT leaves libbyline.so.
  set_target_properties(${name} PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
endfunction()
