#pragma once

#include <QString>

#include <functional>

namespace Kinora::Tests {

// Screenshot tests run on a real X server. Called first in main(): outside
// Xvfb it starts this same binary again under xvfb-run (QT_QPA_PLATFORM=xcb,
// Mesa's software GL) and returns its exit code, or 77 (skipped) when
// xvfb-run or ffmpeg is missing; inside, it runs `test` and returns its code.
// screen: Xvfb's screen as WIDTHxHEIGHTxDEPTH.
int runUnderXvfb(int argc, char **argv, const std::function<int(int argc, char **argv)> &test, int timeoutMs = 240000,
                 const QString &screen = QStringLiteral("1920x1080x24"));

} // namespace Kinora::Tests
