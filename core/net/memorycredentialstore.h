#pragma once

#include "core/net/credentialstore.h"

#include <QHash>

namespace Kinora::Core {

// A CredentialStore that keeps secrets in memory only (tests, and sessions
// that must not outlive the process). It can pretend to be unavailable, to
// exercise the behaviour of a machine without a keyring service.
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit MemoryCredentialStore(QObject *parent = nullptr);

    void setAvailable(bool available) { m_available = available; }
    bool isAvailable() const { return m_available; }

    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QString secret(const QString &key) const { return m_secrets.value(key); }
    QStringList keys() const { return m_secrets.keys(); }
    int writeCount() const { return m_writeCount; }

    void readSecret(const QString &key, QObject *context, Callback done) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void removeSecret(const QString &key, QObject *context, Callback done) override;

private:
    void deliver(QObject *context, Callback done, const Result &result);

    QHash<QString, QString> m_secrets;
    bool m_available = true;
    int m_writeCount = 0;
};

} // namespace Kinora::Core
