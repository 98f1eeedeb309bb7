# Installs the `byline` binary, libbyline, its public headers, a CMake
# package (find_package(byline CONFIG) -> byline::byline) and byline.pc.
# Components (cmake/Package.cmake makes one Debian package of each): the
# program and the shared library are "runtime" (the default component, see
# CMakeLists.txt), what a C++ consumer builds with is "dev".
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(BYLINE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/byline)

install(TARGETS byline_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS byline EXPORT bylineTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)

install(EXPORT bylineTargets NAMESPACE byline:: DESTINATION ${BYLINE_CMAKE_DIR} COMPONENT dev)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/bylineConfig.cmake.in
  ${PROJECT_BINARY_DIR}/bylineConfig.cmake INSTALL_DESTINATION ${BYLINE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/bylineConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/bylineConfig.cmake ${PROJECT_BINARY_DIR}/bylineConfigVersion.cmake
  DESTINATION ${BYLINE_CMAKE_DIR} COMPONENT dev)

# byline.pc finds the prefix relative to itself, so an install anywhere works.
file(RELATIVE_PATH BYLINE_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(${PROJECT_SOURCE_DIR}/cmake/byline.pc.in ${PROJECT_BINARY_DIR}/byline.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/byline.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# The JSON Schemas of every JSON output (docs/schemas/, README.md "JSON
# output"), for programs that validate what they read: share/doc/byline/schemas.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/schemas/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/schemas COMPONENT runtime
  FILES_MATCHING PATTERN "*.schema.json")
