#pragma once

#include "player/abr/abrcontroller.h"

#include <QStringList>

#include <memory>

namespace Kinora::Player {

// The table of ABR rules by id. Adding a rule is one file and one line in
// abrregistry.cpp.
class AbrRegistry
{
public:
    static QString defaultId();
    static QStringList ids();
    static QString description(const QString &id);
    // nullptr for an unknown id
    static std::unique_ptr<AbrController> create(const QString &id);
};

} // namespace Kinora::Player
