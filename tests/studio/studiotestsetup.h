#pragma once

#include "tests/app/catalogseed.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace Kinora::Core {
class ApiClient;
}

namespace Kinora::Tests {

class ServerProcess;

// What the studio's server tests share: a short 320x180 test clip, a
// kinora-server whose processing is fast (one 240p rung, ultrafast, quick
// retries, a cheap password hash) and an ApiClient signed in as a creator.
namespace StudioTestSetup {

bool writeClip(const QString &path, const QString &label, QString *error, double seconds = 10.0);
QProcessEnvironment fastServerEnvironment();
std::unique_ptr<Core::ApiClient> signedInApi(const ServerProcess &server, const CatalogSeed::Account &account);

} // namespace StudioTestSetup

} // namespace Kinora::Tests
