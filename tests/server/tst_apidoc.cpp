#include "server/app/routetable.h"
#include "server/app/servercontext.h"
#include "server/http/router.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Server;

// API.md must list exactly the routes the server registers (through the same
// registerRoutes() that `serve` calls), and every configuration key.
class tst_ApiDoc : public QObject
{
    Q_OBJECT

private:
    static QString apiDoc()
    {
        QFile file(QStringLiteral(KINORA_SOURCE_DIR "/server/API.md"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll());
    }

private Q_SLOTS:
    void routesMatchDocument()
    {
        const QString doc = apiDoc();
        QVERIFY2(!doc.isEmpty(), "server/API.md is missing");

        static const QRegularExpression heading(QStringLiteral("^### ([A-Z]+) (/\\S*)\\s*$"), QRegularExpression::MultilineOption);
        QSet<QString> documented;
        for (auto it = heading.globalMatch(doc); it.hasNext();) {
            const auto match = it.next();
            documented.insert(match.captured(1) + QLatin1Char(' ') + match.captured(2));
        }
        QVERIFY(documented.size() >= 10);

        QTemporaryDir dir;
        ServerConfig config;
        config.dataDir = dir.path();
        config.accounts.kdfOpsLimit = 1;
        config.accounts.kdfMemLimitKiB = 64;
        ServerContext context(config);
        QString error;
        QVERIFY2(context.open(&error), qPrintable(error));
        Http::Router router;
        registerRoutes(router, context);

        QSet<QString> registered;
        for (const Http::RouteInfo &route : router.routes())
            registered.insert(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern);
        QVERIFY(registered.contains(QStringLiteral("GET /api/v1/health")));

        QStringList undocumented = (registered - documented).values();
        QStringList missing = (documented - registered).values();
        undocumented.sort();
        missing.sort();
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("routes not in API.md: ") + undocumented.join(QStringLiteral(", "))));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("API.md lists routes that do not exist: ") + missing.join(QStringLiteral(", "))));
    }

    void configurationKeysAreDocumented()
    {
        const QString doc = apiDoc();
        QStringList missing;
        for (const ServerConfig::Key &key : ServerConfig::keys()) {
            const QString row = QStringLiteral("| `%1` | `%2` |").arg(key.name, key.environment);
            if (!doc.contains(row))
                missing << key.name;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("configuration keys not in API.md: ") + missing.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(tst_ApiDoc)
#include "tst_apidoc.moc"
