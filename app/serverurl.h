#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace Kinora::App {

// Checks a server address typed by the user and normalises it:
// http or https, a host, no credentials, query or fragment; a missing scheme
// means http; the trailing slash is dropped.
class ServerUrl
{
    Q_DECLARE_TR_FUNCTIONS(Kinora::App::ServerUrl)
public:
    // Returns an empty URL and sets errorMessage when text is not usable.
    static QUrl parse(const QString &text, QString *errorMessage = nullptr);
};

} // namespace Kinora::App
