#include "core/net/memorycredentialstore.h"

#include <QPointer>
#include <QTimer>

namespace Kinora::Core {

MemoryCredentialStore::MemoryCredentialStore(QObject *parent)
    : CredentialStore(parent)
{
}

void MemoryCredentialStore::readSecret(const QString &key, QObject *context, Callback done)
{
    Result result;
    if (!m_available) {
        result.status = Status::Unavailable;
        result.message = tr("No credential storage is available.");
    } else if (m_secrets.contains(key)) {
        result.status = Status::Ok;
        result.secret = m_secrets.value(key);
    } else {
        result.status = Status::NotFound;
    }
    deliver(context, std::move(done), result);
}

void MemoryCredentialStore::writeSecret(const QString &key, const QString &secret, QObject *context, Callback done)
{
    Result result;
    if (!m_available) {
        result.status = Status::Unavailable;
        result.message = tr("No credential storage is available.");
    } else {
        m_secrets.insert(key, secret);
        ++m_writeCount;
        result.status = Status::Ok;
    }
    deliver(context, std::move(done), result);
}

void MemoryCredentialStore::removeSecret(const QString &key, QObject *context, Callback done)
{
    Result result;
    if (!m_available) {
        result.status = Status::Unavailable;
        result.message = tr("No credential storage is available.");
    } else {
        result.status = m_secrets.remove(key) > 0 ? Status::Ok : Status::NotFound;
    }
    deliver(context, std::move(done), result);
}

void MemoryCredentialStore::deliver(QObject *context, Callback done, const Result &result)
{
    if (!done)
        return;
    // Asynchronous like a real keyring, so callers never depend on re-entrancy.
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, this, [guard, done = std::move(done), result] {
        if (guard)
            done(result);
    });
}

} // namespace Kinora::Core
