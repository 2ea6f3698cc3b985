#include "server/app/serverconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QSettings>

#include <limits>
#include <optional>

namespace Kinora::Server {

namespace {

using Config = ServerConfig;

template <typename Int>
ServerConfig::Key intKey(const char *name, const char *env, const char *description, Int Config::*member, qint64 min, qint64 max)
{
    return ServerConfig::Key{
        QString::fromLatin1(name), QString::fromLatin1(env), QString::fromLatin1(description),
        [member, min, max, name](Config &c, const QString &v, QString *error) {
            bool ok = false;
            const qint64 n = v.trimmed().toLongLong(&ok);
            if (!ok || n < min || n > max) {
                *error = ServerConfig::tr("%1 must be an integer from %2 to %3, not \"%4\"")
                             .arg(QString::fromLatin1(name)).arg(min).arg(max).arg(v);
                return false;
            }
            c.*member = Int(n);
            return true;
        },
        [member](const Config &c) { return QString::number(c.*member); }};
}

// Same for a member of a nested settings struct.
template <typename Outer, typename Int>
ServerConfig::Key nestedIntKey(const char *name, const char *env, const char *description, Outer Config::*outer,
                               Int Outer::*member, qint64 min, qint64 max)
{
    return ServerConfig::Key{
        QString::fromLatin1(name), QString::fromLatin1(env), QString::fromLatin1(description),
        [outer, member, min, max, name](Config &c, const QString &v, QString *error) {
            bool ok = false;
            const qint64 n = v.trimmed().toLongLong(&ok);
            if (!ok || n < min || n > max) {
                *error = ServerConfig::tr("%1 must be an integer from %2 to %3, not \"%4\"")
                             .arg(QString::fromLatin1(name)).arg(min).arg(max).arg(v);
                return false;
            }
            (c.*outer).*member = Int(n);
            return true;
        },
        [outer, member](const Config &c) { return QString::number((c.*outer).*member); }};
}

ServerConfig::Key stringKey(const char *name, const char *env, const char *description, QString Storage::DatabaseSettings::*member,
                            bool secret = false)
{
    return ServerConfig::Key{
        QString::fromLatin1(name), QString::fromLatin1(env), QString::fromLatin1(description),
        [member](Config &c, const QString &v, QString *) {
            c.database.*member = v;
            return true;
        },
        [member, secret](const Config &c) -> QString {
            if (secret)
                return (c.database.*member).isEmpty() ? QString() : QStringLiteral("(set)");
            return c.database.*member;
        }};
}

std::optional<bool> parseBool(const QString &v)
{
    const QString s = v.trimmed().toLower();
    if (s == QLatin1String("1") || s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("on"))
        return true;
    if (s == QLatin1String("0") || s == QLatin1String("false") || s == QLatin1String("no") || s == QLatin1String("off"))
        return false;
    return std::nullopt;
}

template<typename Outer>
ServerConfig::Key nestedBoolKey(const char *name, const char *env, const char *description, Outer Config::*outer,
                                bool Outer::*member)
{
    return ServerConfig::Key{
        QString::fromLatin1(name), QString::fromLatin1(env), QString::fromLatin1(description),
        [outer, member, name](Config &c, const QString &v, QString *error) {
            const auto b = parseBool(v);
            if (!b) {
                *error = ServerConfig::tr("%1 must be true or false, not \"%2\"").arg(QString::fromLatin1(name), v);
                return false;
            }
            (c.*outer).*member = *b;
            return true;
        },
        [outer, member](const Config &c) { return (c.*outer).*member ? QStringLiteral("true") : QStringLiteral("false"); }};
}

QList<ServerConfig::Key> buildKeys()
{
    using namespace Accounts;
    using Http::HttpServerSettings;
    constexpr qint64 intMax = std::numeric_limits<int>::max();
    QList<ServerConfig::Key> keys;
    keys << ServerConfig::Key{
        QStringLiteral("listen"), QStringLiteral("KINORA_LISTEN"),
        QStringLiteral("HOST:PORT to listen on (IPv6 as [::1]:8080); port 0 picks a free port"),
        [](Config &c, const QString &v, QString *e) { return c.setListen(v, e); },
        [](const Config &c) -> QString {
            const QString host = c.listenHost.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(c.listenHost) : c.listenHost;
            return QStringLiteral("%1:%2").arg(host).arg(c.listenPort);
        }};
    keys << ServerConfig::Key{
        QStringLiteral("dataDir"), QStringLiteral("KINORA_DATA_DIR"),
        QStringLiteral("directory of the database, the media and the generated secret"),
        [](Config &c, const QString &v, QString *e) {
            if (v.trimmed().isEmpty()) {
                *e = ServerConfig::tr("dataDir must not be empty");
                return false;
            }
            c.dataDir = QDir::cleanPath(QFileInfo(v).absoluteFilePath());
            return true;
        },
        [](const Config &c) { return c.dataDir; }};
    keys << ServerConfig::Key{
        QStringLiteral("auth.jwtSecret"), QStringLiteral("KINORA_JWT_SECRET"),
        QStringLiteral("access-token signing secret (at least 32 characters); empty: generated into DATA_DIR/jwt-secret"),
        [](Config &c, const QString &v, QString *e) {
            if (!v.isEmpty() && v.toUtf8().size() < 32) {
                *e = ServerConfig::tr("auth.jwtSecret must have at least 32 bytes");
                return false;
            }
            c.jwtSecret = v;
            return true;
        },
        [](const Config &c) { return c.jwtSecret.isEmpty() ? QString() : QStringLiteral("(set)"); }};
    keys << intKey("http.maxJsonBodyBytes", "KINORA_HTTP_MAX_JSON_BODY_BYTES", "largest JSON request body (413 above)",
                   &Config::maxJsonBodyBytes, 2, qint64(1) << 30);
    keys << nestedIntKey("database.busyTimeoutMs", "KINORA_DATABASE_BUSY_TIMEOUT_MS", "how long a writer waits for the database lock",
                         &Config::database, &Storage::DatabaseSettings::busyTimeoutMs, 0, 600'000);

    keys << ServerConfig::Key{
        QStringLiteral("database.backend"), QStringLiteral("KINORA_DATABASE_BACKEND"),
        QStringLiteral("sqlite (DATA_DIR/kinora.sqlite) or postgres"),
        [](Config &c, const QString &v, QString *e) {
            const QString b = v.trimmed().toLower();
            if (b == QLatin1String("sqlite"))
                c.database.backend = Storage::DatabaseSettings::Backend::Sqlite;
            else if (b == QLatin1String("postgres") || b == QLatin1String("postgresql"))
                c.database.backend = Storage::DatabaseSettings::Backend::Postgres;
            else {
                *e = ServerConfig::tr("database.backend must be sqlite or postgres, not \"%1\"").arg(v);
                return false;
            }
            return true;
        },
        [](const Config &c) -> QString {
            return c.database.backend == Storage::DatabaseSettings::Backend::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite");
        }};
    keys << stringKey("database.host", "KINORA_DATABASE_HOST", "PostgreSQL host name or Unix socket directory", &Storage::DatabaseSettings::host);
    keys << nestedIntKey("database.port", "KINORA_DATABASE_PORT", "PostgreSQL port", &Config::database, &Storage::DatabaseSettings::port, 1, 65535);
    keys << stringKey("database.name", "KINORA_DATABASE_NAME", "PostgreSQL database", &Storage::DatabaseSettings::databaseName);
    keys << stringKey("database.user", "KINORA_DATABASE_USER", "PostgreSQL user", &Storage::DatabaseSettings::user);
    keys << stringKey("database.password", "KINORA_DATABASE_PASSWORD", "PostgreSQL password (prefer the environment variable)",
                      &Storage::DatabaseSettings::password, true);
    keys << nestedIntKey("http.workerThreads", "KINORA_HTTP_WORKER_THREADS", "threads serving connections",
                         &Config::http, &HttpServerSettings::workerThreads, 1, 256);
    keys << nestedIntKey("http.maxHeaderBytes", "KINORA_HTTP_MAX_HEADER_BYTES", "request line plus headers (431 above)",
                         &Config::http, &HttpServerSettings::maxHeaderBytes, 256, 1 << 24);
    keys << nestedIntKey("http.maxHeaderCount", "KINORA_HTTP_MAX_HEADER_COUNT", "headers per request (431 above)",
                         &Config::http, &HttpServerSettings::maxHeaderCount, 1, 10'000);
    keys << nestedIntKey("http.headerTimeoutMs", "KINORA_HTTP_HEADER_TIMEOUT_MS", "time for the whole request head to arrive",
                         &Config::http, &HttpServerSettings::headerTimeoutMs, 100, 600'000);
    keys << nestedIntKey("http.idleTimeoutMs", "KINORA_HTTP_IDLE_TIMEOUT_MS", "keep-alive connection without a request",
                         &Config::http, &HttpServerSettings::idleTimeoutMs, 100, 3'600'000);
    keys << nestedIntKey("http.bodyMinBytesPerSecond", "KINORA_HTTP_BODY_MIN_BYTES_PER_SECOND", "slower request bodies are cut off",
                         &Config::http, &HttpServerSettings::bodyMinBytesPerSecond, 0, intMax);
    keys << nestedIntKey("http.maxConnections", "KINORA_HTTP_MAX_CONNECTIONS", "open connections at most",
                         &Config::http, &HttpServerSettings::maxConnections, 1, 1'000'000);
    keys << nestedIntKey("http.writeTimeoutMs", "KINORA_HTTP_WRITE_TIMEOUT_MS", "a client that reads nothing of its response this long is dropped",
                         &Config::http, &HttpServerSettings::writeTimeoutMs, 100, 3'600'000);
    keys << nestedIntKey("http.lingerMs", "KINORA_HTTP_LINGER_MS", "after an error reply, unread input is drained this long",
                         &Config::http, &HttpServerSettings::lingerMs, 0, 60'000);
    keys << nestedIntKey("http.lingerMaxBytes", "KINORA_HTTP_LINGER_MAX_BYTES", "... and at most this many bytes",
                         &Config::http, &HttpServerSettings::lingerMaxBytes, 0, 1 << 30);
    keys << nestedIntKey("http.corsMaxAgeSeconds", "KINORA_HTTP_CORS_MAX_AGE_SECONDS", "how long browsers may cache a CORS preflight",
                         &Config::http, &HttpServerSettings::corsMaxAgeSeconds, 0, 86400);
    keys << ServerConfig::Key{
        QStringLiteral("http.corsOrigins"), QStringLiteral("KINORA_HTTP_CORS_ORIGINS"),
        QStringLiteral("comma-separated origins allowed by CORS; \"*\" any; empty none"),
        [](Config &c, const QString &v, QString *) {
            c.http.corsAllowedOrigins.clear();
            const QStringList parts = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &part : parts)
                c.http.corsAllowedOrigins.append(part.trimmed());
            return true;
        },
        [](const Config &c) { return c.http.corsAllowedOrigins.join(QLatin1Char(',')); }};
    keys << ServerConfig::Key{
        QStringLiteral("http.tempDir"), QStringLiteral("KINORA_HTTP_TEMP_DIR"),
        QStringLiteral("where streamed request bodies are written; empty: DATA_DIR/tmp"),
        [](Config &c, const QString &v, QString *) { c.http.tempDir = v; return true; },
        [](const Config &c) { return c.http.tempDir; }};

    keys << nestedIntKey("auth.kdfOpsLimit", "KINORA_AUTH_KDF_OPS_LIMIT", "Argon2id passes",
                         &Config::accounts, &AccountSettings::kdfOpsLimit, 1, 64);
    keys << nestedIntKey("auth.kdfMemLimitKiB", "KINORA_AUTH_KDF_MEM_LIMIT_KIB", "Argon2id memory in KiB",
                         &Config::accounts, &AccountSettings::kdfMemLimitKiB, 8, 4 * 1024 * 1024);
    keys << nestedIntKey("auth.accessTokenTtl", "KINORA_AUTH_ACCESS_TOKEN_TTL", "access-token lifetime in seconds",
                         &Config::accounts, &AccountSettings::accessTokenTtlSeconds, 1, 7 * 86400);
    keys << nestedIntKey("auth.refreshTokenTtl", "KINORA_AUTH_REFRESH_TOKEN_TTL", "refresh-token lifetime in seconds",
                         &Config::accounts, &AccountSettings::refreshTokenTtlSeconds, 60, 3650 * 86400LL);
    keys << nestedIntKey("auth.lockoutThreshold", "KINORA_AUTH_LOCKOUT_THRESHOLD", "failed logins in a row that lock an account",
                         &Config::accounts, &AccountSettings::lockoutThreshold, 1, 1000);
    keys << nestedIntKey("auth.lockoutSeconds", "KINORA_AUTH_LOCKOUT_SECONDS", "how long a locked account stays locked",
                         &Config::accounts, &AccountSettings::lockoutSeconds, 1, 30 * 86400);
    keys << nestedIntKey("auth.rateIpBurst", "KINORA_AUTH_RATE_IP_BURST", "auth requests a client address may burst",
                         &Config::accounts, &AccountSettings::rateIpBurst, 1, 1'000'000);
    keys << nestedIntKey("auth.rateIpPerMinute", "KINORA_AUTH_RATE_IP_PER_MINUTE", "auth requests a client address regains a minute",
                         &Config::accounts, &AccountSettings::rateIpPerMinute, 1, 1'000'000);
    keys << nestedIntKey("auth.rateAccountBurst", "KINORA_AUTH_RATE_ACCOUNT_BURST", "login attempts one account name may burst",
                         &Config::accounts, &AccountSettings::rateAccountBurst, 1, 1'000'000);
    keys << nestedIntKey("auth.rateAccountPerMinute", "KINORA_AUTH_RATE_ACCOUNT_PER_MINUTE", "login attempts one account name regains a minute",
                         &Config::accounts, &AccountSettings::rateAccountPerMinute, 1, 1'000'000);
    keys << nestedBoolKey("auth.trustForwardedFor", "KINORA_AUTH_TRUST_FORWARDED_FOR",
                          "take the client address for rate limits from the last X-Forwarded-For entry (only behind a proxy)",
                          &Config::accounts, &AccountSettings::trustForwardedFor);
    keys << nestedBoolKey("registration.enabled", "KINORA_REGISTRATION_ENABLED",
                          "whether POST /api/v1/auth/register creates accounts",
                          &Config::accounts, &AccountSettings::registrationEnabled);
    keys << ServerConfig::Key{
        QStringLiteral("registration.defaultRole"), QStringLiteral("KINORA_REGISTRATION_DEFAULT_ROLE"),
        QStringLiteral("role of new registrations: viewer, creator, moderator or admin"),
        [](Config &c, const QString &v, QString *e) {
            const auto role = roleFromName(v.trimmed());
            if (!role) {
                *e = ServerConfig::tr("registration.defaultRole must be viewer, creator, moderator or admin, not \"%1\"").arg(v);
                return false;
            }
            c.accounts.registrationDefaultRole = *role;
            return true;
        },
        [](const Config &c) { return roleName(c.accounts.registrationDefaultRole); }};
    keys << ServerConfig::Key{
        QStringLiteral("catalog.categories"), QStringLiteral("KINORA_CATALOG_CATEGORIES"),
        QStringLiteral("comma-separated video categories"),
        [](Config &c, const QString &v, QString *e) {
            QStringList categories;
            const QStringList parts = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &part : parts) {
                if (!part.trimmed().isEmpty())
                    categories.append(part.trimmed());
            }
            if (categories.isEmpty()) {
                *e = ServerConfig::tr("catalog.categories must name at least one category");
                return false;
            }
            c.catalog.categories = categories;
            return true;
        },
        [](const Config &c) { return c.catalog.categories.join(QLatin1Char(',')); }};
    keys << nestedIntKey("catalog.maxImageBytes", "KINORA_CATALOG_MAX_IMAGE_BYTES", "largest avatar or custom thumbnail upload",
                         &Config::catalog, &Catalog::CatalogSettings::maxImageBytes, 1024, qint64(1) << 30);
    keys << nestedIntKey("catalog.searchCacheMs", "KINORA_CATALOG_SEARCH_CACHE_MS",
                         "how long a search or type-ahead result may be reused, in ms (0 turns the cache off)",
                         &Config::catalog, &Catalog::CatalogSettings::searchCacheMs, 0, 3'600'000);
    keys << nestedIntKey("catalog.searchCacheEntries", "KINORA_CATALOG_SEARCH_CACHE_ENTRIES", "search results remembered at most",
                         &Config::catalog, &Catalog::CatalogSettings::searchCacheEntries, 1, 1'000'000);
    using Upload::UploadSettings;
    constexpr qint64 maxBytes = qint64(1) << 50;
    keys << nestedIntKey("upload.maxFileSize", "KINORA_UPLOAD_MAX_FILE_SIZE", "largest upload in bytes (413 max_file_size_reached)",
                         &Config::uploads, &UploadSettings::maxFileSizeBytes, 1, maxBytes);
    keys << nestedIntKey("upload.userQuota", "KINORA_UPLOAD_USER_QUOTA", "bytes of unfinished and complete uploads one user may hold",
                         &Config::uploads, &UploadSettings::userQuotaBytes, 0, maxBytes);
    keys << nestedIntKey("upload.dailyQuota", "KINORA_UPLOAD_DAILY_QUOTA", "bytes one user may start uploading in 24 hours",
                         &Config::uploads, &UploadSettings::dailyQuotaBytes, 0, maxBytes);
    keys << nestedIntKey("upload.maxIncompletePerUser", "KINORA_UPLOAD_MAX_INCOMPLETE_PER_USER", "unfinished uploads one user may have at once",
                         &Config::uploads, &UploadSettings::maxIncompletePerUser, 1, 100'000);
    keys << nestedIntKey("upload.expirySeconds", "KINORA_UPLOAD_EXPIRY_SECONDS", "an unfinished upload expires this long after its last write",
                         &Config::uploads, &UploadSettings::expirySeconds, 1, 365 * 86400);
    keys << nestedIntKey("upload.cleanupIntervalSeconds", "KINORA_UPLOAD_CLEANUP_INTERVAL_SECONDS", "how often expired uploads are deleted",
                         &Config::uploads, &UploadSettings::cleanupIntervalSeconds, 1, 86400);
    keys << ServerConfig::Key{
        QStringLiteral("upload.allowedContainers"), QStringLiteral("KINORA_UPLOAD_ALLOWED_CONTAINERS"),
        QStringLiteral("comma-separated FFmpeg demuxer names a finished upload may have"),
        [](Config &c, const QString &v, QString *e) {
            QStringList names;
            for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                names.append(part.trimmed().toLower());
            if (names.isEmpty()) {
                *e = ServerConfig::tr("upload.allowedContainers must name at least one container");
                return false;
            }
            c.uploads.allowedContainers = names;
            return true;
        },
        [](const Config &c) { return c.uploads.allowedContainers.join(QLatin1Char(',')); }};
    keys << nestedBoolKey("upload.requireVideo", "KINORA_UPLOAD_REQUIRE_VIDEO",
                          "refuse finished uploads without a video track",
                          &Config::uploads, &UploadSettings::requireVideoStream);
    keys << nestedBoolKey("upload.syncWrites", "KINORA_UPLOAD_SYNC_WRITES",
                          "flush each PATCH to disk before acknowledging it (false: faster, a power cut may lose acknowledged bytes)",
                          &Config::uploads, &UploadSettings::syncWrites);
    using Delivery::DeliverySettings;
    keys << nestedIntKey("delivery.tokenTtl", "KINORA_DELIVERY_TOKEN_TTL", "lifetime of signed media URLs in seconds",
                         &Config::delivery, &DeliverySettings::tokenTtlSeconds, 1, 30 * 86400);
    keys << nestedIntKey("delivery.visibilityCacheMs", "KINORA_DELIVERY_VISIBILITY_CACHE_MS",
                         "how long a video's public status is cached for media requests (0: not cached)",
                         &Config::delivery, &DeliverySettings::visibilityCacheMs, 0, 600'000);
    keys << ServerConfig::Key{
        QStringLiteral("delivery.accelRedirectPrefix"), QStringLiteral("KINORA_DELIVERY_ACCEL_REDIRECT_PREFIX"),
        QStringLiteral("internal nginx location of the media folder; set: media answers carry X-Accel-Redirect and nginx sends the file"),
        [](Config &c, const QString &v, QString *e) {
            const QString prefix = v.trimmed();
            if (!prefix.isEmpty() && (!prefix.startsWith(QLatin1Char('/')) || prefix.endsWith(QLatin1Char('/')))) {
                *e = ServerConfig::tr("delivery.accelRedirectPrefix must start with / and not end with /, not \"%1\"").arg(v);
                return false;
            }
            c.delivery.accelRedirectPrefix = prefix;
            return true;
        },
        [](const Config &c) { return c.delivery.accelRedirectPrefix; }};
    using Playback::PlaybackSettings;
    keys << nestedIntKey("playback.maxStreams.viewer", "KINORA_PLAYBACK_MAX_STREAMS_VIEWER", "concurrent playback sessions of a viewer (0: unlimited)",
                         &Config::playback, &PlaybackSettings::maxStreamsViewer, 0, 10'000);
    keys << nestedIntKey("playback.maxStreams.creator", "KINORA_PLAYBACK_MAX_STREAMS_CREATOR", "concurrent playback sessions of a creator (0: unlimited)",
                         &Config::playback, &PlaybackSettings::maxStreamsCreator, 0, 10'000);
    keys << nestedIntKey("playback.maxStreams.moderator", "KINORA_PLAYBACK_MAX_STREAMS_MODERATOR", "concurrent playback sessions of a moderator (0: unlimited)",
                         &Config::playback, &PlaybackSettings::maxStreamsModerator, 0, 10'000);
    keys << nestedIntKey("playback.maxStreams.admin", "KINORA_PLAYBACK_MAX_STREAMS_ADMIN", "concurrent playback sessions of an admin (0: unlimited)",
                         &Config::playback, &PlaybackSettings::maxStreamsAdmin, 0, 10'000);
    keys << nestedIntKey("playback.maxStreams.anonymous", "KINORA_PLAYBACK_MAX_STREAMS_ANONYMOUS", "concurrent anonymous playback sessions per client address (0: unlimited)",
                         &Config::playback, &PlaybackSettings::maxStreamsAnonymous, 0, 10'000);
    keys << nestedIntKey("playback.sessionTimeout", "KINORA_PLAYBACK_SESSION_TIMEOUT", "a playback session without a heartbeat this many seconds expires",
                         &Config::playback, &PlaybackSettings::sessionTimeoutSeconds, 1, 86400);
    keys << nestedIntKey("playback.retentionDays", "KINORA_PLAYBACK_RETENTION_DAYS",
                         "ended playback sessions and their heartbeats are deleted after this many days (0: kept)",
                         &Config::playback, &PlaybackSettings::retentionDays, 0, 36500);
    using Processing::ProcessingSettings;
    keys << nestedIntKey("processing.workers", "KINORA_PROCESSING_WORKERS", "processing jobs (transcodes, package checks) run at once",
                         &Config::processing, &ProcessingSettings::workers, 1, 64);
    keys << nestedIntKey("processing.maxAttempts", "KINORA_PROCESSING_MAX_ATTEMPTS", "attempts of a processing job before the video fails",
                         &Config::processing, &ProcessingSettings::maxAttempts, 1, 100);
    keys << nestedIntKey("processing.retryBaseSeconds", "KINORA_PROCESSING_RETRY_BASE_SECONDS",
                         "wait before retrying a failed processing job, doubled after each failure",
                         &Config::processing, &ProcessingSettings::retryBaseSeconds, 0, 86400);
    keys << ServerConfig::Key{
        QStringLiteral("processing.ladder"), QStringLiteral("KINORA_PROCESSING_LADDER"),
        QStringLiteral("comma-separated rendition heights of transcodes (never upscaled)"),
        [](Config &c, const QString &v, QString *e) {
            QList<int> heights;
            for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const int height = part.trimmed().toInt(&ok);
                if (!ok || height < 144 || height > 4320) {
                    *e = ServerConfig::tr("processing.ladder must list heights from 144 to 4320 such as 1080,720,480, not \"%1\"").arg(v);
                    return false;
                }
                heights.append(height);
            }
            if (heights.isEmpty()) {
                *e = ServerConfig::tr("processing.ladder must name at least one height");
                return false;
            }
            c.processing.ladderHeights = heights;
            return true;
        },
        [](const Config &c) {
            QStringList heights;
            for (const int height : c.processing.ladderHeights)
                heights.append(QString::number(height));
            return heights.join(QLatin1Char(','));
        }};
    keys << ServerConfig::Key{
        QStringLiteral("processing.preset"), QStringLiteral("KINORA_PROCESSING_PRESET"),
        QStringLiteral("x264 preset of transcodes (ultrafast ... veryslow)"),
        [](Config &c, const QString &v, QString *e) {
            static const QStringList presets = {QStringLiteral("ultrafast"), QStringLiteral("superfast"), QStringLiteral("veryfast"),
                                                QStringLiteral("faster"), QStringLiteral("fast"), QStringLiteral("medium"),
                                                QStringLiteral("slow"), QStringLiteral("slower"), QStringLiteral("veryslow")};
            const QString preset = v.trimmed().toLower();
            if (!presets.contains(preset)) {
                *e = ServerConfig::tr("processing.preset must be one of %1, not \"%2\"").arg(presets.join(QStringLiteral(", ")), v);
                return false;
            }
            c.processing.preset = preset;
            return true;
        },
        [](const Config &c) { return c.processing.preset; }};
    return keys;
}

} // namespace

ServerConfig::ServerConfig()
    : dataDir(defaultDataDir())
{
    http.address = QHostAddress(listenHost);
    http.port = listenPort;
}

const QList<ServerConfig::Key> &ServerConfig::keys()
{
    static const QList<Key> table = buildKeys();
    return table;
}

QString ServerConfig::defaultDataDir()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/kinora-server");
}

bool ServerConfig::set(const QString &key, const QString &value, QString *error)
{
    for (const Key &entry : keys()) {
        if (entry.name.compare(key, Qt::CaseInsensitive) == 0)
            return entry.set(*this, value, error);
    }
    *error = tr("unknown configuration key \"%1\"").arg(key);
    return false;
}

QString ServerConfig::value(const QString &key) const
{
    for (const Key &entry : keys()) {
        if (entry.name.compare(key, Qt::CaseInsensitive) == 0)
            return entry.get(*this);
    }
    return {};
}

bool ServerConfig::setListen(const QString &hostPort, QString *error)
{
    const QString text = hostPort.trimmed();
    QString host;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QStringLiteral("]:"));
        if (close > 0) {
            host = text.mid(1, close - 1);
            port = text.mid(close + 2);
        }
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon > 0) {
            host = text.left(colon);
            port = text.mid(colon + 1);
        }
    }
    bool ok = false;
    const uint portNumber = port.toUInt(&ok);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("*"))
        host = QStringLiteral("0.0.0.0");
    const QHostAddress address(host);
    if (host.isEmpty() || !ok || portNumber > 65535 || address.isNull()) {
        *error = tr("listen must be HOST:PORT with an IP address and a port from 0 to 65535, not \"%1\"").arg(hostPort);
        return false;
    }
    listenHost = address.toString();
    listenPort = quint16(portNumber);
    http.address = address;
    http.port = listenPort;
    return true;
}

bool ServerConfig::loadFile(const QString &path, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        *error = tr("cannot read the configuration file %1").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = tr("the configuration file %1 is not a valid INI file").arg(path);
        return false;
    }
    const QStringList fileKeys = settings.allKeys();
    for (const QString &fileKey : fileKeys) {
        QString key = fileKey;
        if (key.startsWith(QLatin1String("General/")))
            key = key.mid(8);
        key.replace(QLatin1Char('/'), QLatin1Char('.'));
        const QVariant raw = settings.value(fileKey);
        // QSettings splits unquoted values with commas into lists.
        const QString text = raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(QLatin1Char(',')) : raw.toString();
        QString problem;
        if (!set(key, text, &problem)) {
            *error = tr("%1: %2").arg(path, problem);
            return false;
        }
    }
    return true;
}

bool ServerConfig::loadEnvironment(const QProcessEnvironment &environment, QString *error)
{
    for (const Key &entry : keys()) {
        if (!environment.contains(entry.environment))
            continue;
        QString problem;
        if (!entry.set(*this, environment.value(entry.environment), &problem)) {
            *error = tr("%1: %2").arg(entry.environment, problem);
            return false;
        }
    }
    return true;
}

} // namespace Kinora::Server
