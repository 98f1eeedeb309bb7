// Sets (or unsets) one environment variable of the test process, which
// run_byline passes on to the binary, and puts it back afterwards.
#ifndef BYLINE_TESTS_SCOPED_ENV_H
#define BYLINE_TESTS_SCOPED_ENV_H

#include <cstdlib>
#include <optional>
#include <string>

namespace byline::test {

class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value->c_str(), 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace byline::test

#endif  // BYLINE_TESTS_SCOPED_ENV_H
