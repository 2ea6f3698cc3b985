#pragma once

#include "core/media/testpatternsource.h"

#include <QCoreApplication>
#include <QString>

namespace Kinora::Core {

// Encodes a finite test pattern into a media file (H.264 with libx264 and
// AAC, container chosen from the file name: .mp4, .ts, .mkv ...). The file
// is a clean, high-quality source for the transcoder and for tests.
class TestPatternWriter
{
    Q_DECLARE_TR_FUNCTIONS(TestPatternWriter)

public:
    explicit TestPatternWriter(TestPatternSpec spec);

    void setCrf(int crf) { m_crf = crf; }
    bool write(const QString &path);
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);
    bool ffmpegFailed(int stream, const QString &what, int code);

    TestPatternSpec m_spec;
    int m_crf = 18;
    QString m_path;
    QString m_error;
};

} // namespace Kinora::Core
