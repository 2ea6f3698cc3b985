#pragma once

#include <functional>

namespace Kinora::Tests {

// Screenshot tests run on a real X server. Called first in main(): outside
// Xvfb it starts this same binary again under xvfb-run (QT_QPA_PLATFORM=xcb,
// Mesa's software GL) and returns its exit code, or 77 (skipped) when
// xvfb-run or ffmpeg is missing; inside, it runs `test` and returns its code.
int runUnderXvfb(int argc, char **argv, const std::function<int(int argc, char **argv)> &test, int timeoutMs = 240000);

} // namespace Kinora::Tests
