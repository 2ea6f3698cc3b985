#pragma once

#include "server/accounts/accountsettings.h"
#include "server/catalog/catalogsettings.h"
#include "server/delivery/deliverysettings.h"
#include "server/http/httpserversettings.h"
#include "server/playback/playbacksettings.h"
#include "server/processing/processingsettings.h"
#include "server/storage/databasesettings.h"
#include "server/upload/uploadsettings.h"

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <functional>

namespace Kinora::Server {

// Everything the server can be configured with. Sources, later ones winning:
// built-in defaults, the INI file given by --config (or KINORA_CONFIG), the
// KINORA_* environment variables, then command-line flags. Every key is listed
// by keys() with its environment variable, default and meaning; API.md shows
// the same table.
class ServerConfig
{
    Q_DECLARE_TR_FUNCTIONS(ServerConfig)

public:
    struct Key
    {
        QString name;        // "http.maxHeaderBytes"; in the INI file: [http] maxHeaderBytes=
        QString environment; // "KINORA_HTTP_MAX_HEADER_BYTES"
        QString description;
        std::function<bool(ServerConfig &, const QString &, QString *)> set;
        std::function<QString(const ServerConfig &)> get;
    };

    ServerConfig();

    static const QList<Key> &keys();
    static QString defaultDataDir(); // $XDG_DATA_HOME/kinora-server

    bool set(const QString &key, const QString &value, QString *error);
    QString value(const QString &key) const;
    bool loadFile(const QString &path, QString *error);
    bool loadEnvironment(const QProcessEnvironment &environment, QString *error);
    bool setListen(const QString &hostPort, QString *error);

    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8080;
    QString dataDir;
    QString jwtSecret;           // empty: generated once and kept in DATA_DIR/jwt-secret
    qint64 maxJsonBodyBytes = 64 * 1024;
    Storage::DatabaseSettings database;
    Http::HttpServerSettings http;
    Accounts::AccountSettings accounts;
    Catalog::CatalogSettings catalog;
    Upload::UploadSettings uploads;
    Delivery::DeliverySettings delivery;
    Playback::PlaybackSettings playback;
    Processing::ProcessingSettings processing;
};

} // namespace Kinora::Server
