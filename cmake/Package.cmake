# Debian packages of the install components (cmake/Install.cmake), made by
# `cpack -G DEB` in the build folder (scripts/package.sh builds and runs it):
#   byline_<version>_<arch>.deb          runtime: the program, libbyline.so.N,
#                                        and every install rule that names no
#                                        component (man pages, completions)
#   libbyline-dev_<version>_<arch>.deb   dev: headers, byline.pc, CMake package
#   python3-byline_<version>_<arch>.deb  python: the `byline` Python module
# Depends are computed by dpkg-shlibdeps from the libraries each package's
# ELF files link (libxapian30, libstemmer0d, libicu72, ...).
set(CPACK_PACKAGE_NAME byline)
set(CPACK_PACKAGE_VENDOR "The Byline authors")
set(CPACK_PACKAGE_CONTACT "Byline maintainers <byline@localhost>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
if(TARGET byline_python)
  list(APPEND CPACK_COMPONENTS_ALL python)
endif()
# <name>_<version>_<arch>.deb (no Debian revision: none is set).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps runs in each component's staging folder: the Python module's
# libbyline is in the runtime component's (its Depends names byline itself).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ../runtime${CPACK_PACKAGING_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://localhost/byline")

set(_byline_exact "byline (= ${PROJECT_VERSION})")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME byline)
# Each package's Description: the project's description as its synopsis
# (CPack puts it first), then these lines.
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "Indexes news pages (text, HTML, WARC, JSON Lines) into a Xapian index, each
page split into its article and its comments, and searches it with a query
language of fields and date ranges: the byline command and libbyline.")
# A shlibs file for libbyline.so.N, so that packages built against it depend on byline.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libbyline-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${_byline_exact}")
set(CPACK_DEBIAN_DEV_DESCRIPTION "C++ development files: the headers of libbyline (<byline/byline.h>),
byline.pc and the CMake package (find_package(byline) gives byline::byline).")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-byline)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
if(TARGET byline_python)
  # The module is built for one Python minor version (its ABI tag), as
  # Debian's ${python3:Depends} would say.
  string(REPLACE "." ";" _python_version "${BYLINE_PYTHON_VERSION}")
  list(GET _python_version 0 _python_major)
  list(GET _python_version 1 _python_minor)
  math(EXPR _python_next "${_python_minor} + 1")
  set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS
    "${_byline_exact}, python3 (>= ${BYLINE_PYTHON_VERSION}), python3 (<< ${_python_major}.${_python_next})")
endif()
set(CPACK_DEBIAN_PYTHON_DESCRIPTION "The Python 3 module: import byline; byline.Index(path).add(paths) indexes,
byline.Searcher(path).search(query) searches, through libbyline.")

include(CPack)
