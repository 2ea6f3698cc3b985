#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace Kinora::Server::Accounts {

// Token buckets keyed by a string (client address, account name). Each key
// holds up to `burst` tokens and regains `perMinute` tokens a minute.
// Thread-safe; the table is bounded (idle full buckets are dropped).
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused: seconds until one token is back
    };

    RateLimiter(int burst, int perMinute, int maxKeys = 100'000);

    Decision take(const QString &key, qint64 nowMs);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    void prune(qint64 nowMs);

    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    double m_burst;
    double m_perMs;
    int m_maxKeys;
};

} // namespace Kinora::Server::Accounts
