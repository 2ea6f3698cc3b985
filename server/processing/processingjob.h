#pragma once

#include <QJsonArray>
#include <QString>

#include <optional>

namespace Kinora::Server::Processing {

// One row of processing_jobs: an upload turned into a video's ladder.
struct ProcessingJob
{
    enum class Kind { Raw, Package };
    enum class State { Queued, Running, Done, Failed };

    qint64 id = 0;
    QString videoId;
    QString uploadId;
    qint64 userId = 0;
    QString inputPath;
    Kind kind = Kind::Raw;
    State state = State::Queued;
    int attempts = 0;              // attempts started so far
    qint64 nextAttemptAtMs = 0;
    QString lastError;
    double percent = 0.0;
    QJsonArray renditions;         // [{"name","state","percent"}]
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString &name);
};

} // namespace Kinora::Server::Processing
