#include "player/abr/abrregistry.h"

#include "player/abr/bolaabr.h"
#include "player/abr/bufferbasedabr.h"
#include "player/abr/kinoraabr.h"
#include "player/abr/robustmpcabr.h"
#include "player/abr/throughputabr.h"

#include <QCoreApplication>

#include <iterator>

namespace Kinora::Player {

namespace {

struct Entry
{
    const char *id;
    const char *description;
    std::unique_ptr<AbrController> (*create)();
};

template<typename T>
std::unique_ptr<AbrController> make()
{
    return std::make_unique<T>();
}

const Entry entries[] = {
    {"kinora", QT_TRANSLATE_NOOP("Kinora::Player::AbrRegistry", "Kinora: MPC with a steadier predictor and a buffer floor"), &make<KinoraAbr>},
    {"throughput", QT_TRANSLATE_NOOP("Kinora::Player::AbrRegistry", "Throughput rule (hls.js EWMA)"), &make<ThroughputAbr>},
    {"bola", QT_TRANSLATE_NOOP("Kinora::Player::AbrRegistry", "BOLA (dash.js)"), &make<BolaAbr>},
    {"bba", QT_TRANSLATE_NOOP("Kinora::Player::AbrRegistry", "Buffer-based BBA-0"), &make<BufferBasedAbr>},
    {"robustmpc", QT_TRANSLATE_NOOP("Kinora::Player::AbrRegistry", "RobustMPC"), &make<RobustMpcAbr>},
};

} // namespace

QString AbrRegistry::defaultId()
{
    return QString::fromLatin1(entries[0].id);
}

QStringList AbrRegistry::ids()
{
    QStringList result;
    for (const Entry &entry : entries)
        result.append(QString::fromLatin1(entry.id));
    return result;
}

QString AbrRegistry::description(const QString &id)
{
    for (const Entry &entry : entries) {
        if (id == QLatin1String(entry.id))
            return QCoreApplication::translate("Kinora::Player::AbrRegistry", entry.description);
    }
    return {};
}

std::unique_ptr<AbrController> AbrRegistry::create(const QString &id)
{
    for (const Entry &entry : entries) {
        if (id == QLatin1String(entry.id))
            return entry.create();
    }
    return nullptr;
}

} // namespace Kinora::Player
