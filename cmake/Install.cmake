# Installation of the `byline` binary. The library's package (CMake config,
# pkg-config) is added with the embeddable-API work.
include(GNUInstallDirs)
install(TARGETS byline_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
