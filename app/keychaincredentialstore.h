#pragma once

#include "core/net/credentialstore.h"

namespace Kinora::App {

// CredentialStore on the system keyring through QtKeychain (Secret Service,
// KWallet, macOS Keychain, Windows Credential Store). It never falls back to
// a plain-text file: without a keyring it reports Status::Unavailable.
class KeychainCredentialStore : public Core::CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(const QString &service, QObject *parent = nullptr);

    void readSecret(const QString &key, QObject *context, Callback done) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void removeSecret(const QString &key, QObject *context, Callback done) override;

private:
    QString m_service;
};

} // namespace Kinora::App
