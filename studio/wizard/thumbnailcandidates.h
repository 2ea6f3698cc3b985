#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>

namespace Kinora::Studio {

// Decodes a few frames spread over a local video (by default at 25, 50 and
// 75 % of its duration) as small pictures the creator can choose a thumbnail
// from. Blocking: call it from a worker thread (QtConcurrent).
class ThumbnailCandidates
{
    Q_DECLARE_TR_FUNCTIONS(ThumbnailCandidates)

public:
    struct Result
    {
        QList<QImage> images;   // in time order; empty on failure
        QString error;          // a sentence naming the file, when images is empty
    };

    static Result extract(const QString &path, const QList<double> &fractions = {0.25, 0.5, 0.75},
                          int maxWidth = 320);
};

} // namespace Kinora::Studio
