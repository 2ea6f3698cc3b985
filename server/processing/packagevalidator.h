#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kinora::Server::Processing {

// Checks an extracted studio package before it is published: master.m3u8
// and every media playlist parse, every referenced playlist and segment
// exists inside the folder, the CODECS and RESOLUTION of each variant match
// its first segment, sampled segments start on a keyframe, and all
// renditions cut their segments at the same times (within 0.1 s). The
// first problem found is reported as one sentence naming the file.
class PackageValidator
{
    Q_DECLARE_TR_FUNCTIONS(PackageValidator)

public:
    struct Ladder
    {
        QStringList renditions;   // folder names, in master playlist order
        qint64 durationMs = 0;
    };

    std::optional<Ladder> validate(const QString &folder);
    QString errorString() const { return m_error; }

private:
    std::optional<Ladder> fail(const QString &message);

    QString m_error;
};

} // namespace Kinora::Server::Processing
