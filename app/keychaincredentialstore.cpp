#include "app/keychaincredentialstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace Kinora::App {

namespace {

Core::CredentialStore::Result resultOf(QKeychain::Job *job)
{
    using Status = Core::CredentialStore::Status;
    Core::CredentialStore::Result result;
    result.message = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = Status::Ok;
        result.message.clear();
        break;
    case QKeychain::EntryNotFound:
        result.status = Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what a missing Secret Service/D-Bus session gives.
        result.status = Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = Status::Failed;
        break;
    }
    return result;
}

void watch(QKeychain::Job *job, QObject *context, Core::CredentialStore::Callback done, bool withSecret)
{
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [guard, done = std::move(done), withSecret](QKeychain::Job *finished) {
        Core::CredentialStore::Result result = resultOf(finished);
        if (withSecret && result.status == Core::CredentialStore::Status::Ok)
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        if (guard && done)
            done(result);
    });
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(const QString &service, QObject *parent)
    : CredentialStore(parent)
    , m_service(service)
{
}

void KeychainCredentialStore::readSecret(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    watch(job, context, std::move(done), true);
    job->start();
}

void KeychainCredentialStore::writeSecret(const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    watch(job, context, std::move(done), false);
    job->start();
}

void KeychainCredentialStore::removeSecret(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    watch(job, context, std::move(done), false);
    job->start();
}

} // namespace Kinora::App
