#include "server/processing/processingjob.h"

namespace Kinora::Server::Processing {

QString ProcessingJob::kindName(Kind kind)
{
    return kind == Kind::Package ? QStringLiteral("package") : QStringLiteral("raw");
}

std::optional<ProcessingJob::Kind> ProcessingJob::kindFromName(const QString &name)
{
    if (name == QLatin1String("raw"))
        return Kind::Raw;
    if (name == QLatin1String("package"))
        return Kind::Package;
    return std::nullopt;
}

QString ProcessingJob::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return QStringLiteral("queued");
    case State::Running:
        return QStringLiteral("running");
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<ProcessingJob::State> ProcessingJob::stateFromName(const QString &name)
{
    for (State s : {State::Queued, State::Running, State::Done, State::Failed}) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Kinora::Server::Processing
