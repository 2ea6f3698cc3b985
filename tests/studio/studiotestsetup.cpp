#include "tests/studio/studiotestsetup.h"

#include "core/media/testpatternwriter.h"
#include "core/net/apiclient.h"
#include "tests/support/serverprocess.h"

namespace Kinora::Tests::StudioTestSetup {

bool writeClip(const QString &path, const QString &label, QString *error, double seconds)
{
    Core::TestPatternSpec spec;
    spec.width = 320;
    spec.height = 180;
    spec.durationSeconds = seconds;
    spec.label = label;
    Core::TestPatternWriter writer(spec);
    writer.setCrf(28);
    if (writer.write(path))
        return true;
    *error = writer.errorString();
    return false;
}

QProcessEnvironment fastServerEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
    env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_BURST"), QStringLiteral("100000"));
    env.insert(QStringLiteral("KINORA_PROCESSING_LADDER"), QStringLiteral("240"));
    env.insert(QStringLiteral("KINORA_PROCESSING_PRESET"), QStringLiteral("ultrafast"));
    env.insert(QStringLiteral("KINORA_PROCESSING_RETRY_BASE_SECONDS"), QStringLiteral("1"));
    return env;
}

std::unique_ptr<Core::ApiClient> signedInApi(const ServerProcess &server, const CatalogSeed::Account &account)
{
    auto api = std::make_unique<Core::ApiClient>();
    api->setBaseUrl(server.baseUrl());
    api->setTokens(account.accessToken, account.refreshToken);
    return api;
}

} // namespace Kinora::Tests::StudioTestSetup
