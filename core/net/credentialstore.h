#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Kinora::Core {

// Where the refresh token of a signed-in account is kept between runs.
// Every operation is asynchronous (a system keyring may ask the user);
// the callback runs on the caller's thread, only while context is alive.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound,
        Unavailable,   // no keyring service: nothing can be kept between runs
        Failed,        // the service exists but refused or failed this operation
    };

    struct Result
    {
        Status status = Status::Failed;
        QString secret;
        QString message;
    };

    using Callback = std::function<void(const Result &)>;

    explicit CredentialStore(QObject *parent = nullptr);

    virtual void readSecret(const QString &key, QObject *context, Callback done) = 0;
    virtual void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) = 0;
    virtual void removeSecret(const QString &key, QObject *context, Callback done) = 0;
};

} // namespace Kinora::Core
