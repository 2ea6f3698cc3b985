#include "app/serverurl.h"

namespace Kinora::App {

QUrl ServerUrl::parse(const QString &text, QString *errorMessage)
{
    auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return QUrl();
    };

    QString input = text.trimmed();
    if (input.isEmpty())
        return fail(tr("Enter the address of a Kinora server."));
    if (!input.contains(QLatin1String("://")))
        input.prepend(QLatin1String("http://"));

    const QUrl url(input, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("This is not a valid address."));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return fail(tr("The address must start with http:// or https://."));
    if (url.host().isEmpty())
        return fail(tr("The address has no host name."));
    if (!url.userInfo().isEmpty())
        return fail(tr("The address must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return fail(tr("The address must not contain a query or a fragment."));

    if (errorMessage)
        errorMessage->clear();
    QUrl normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    normalized.setScheme(scheme);
    if (normalized.path() == QLatin1String("/"))
        normalized.setPath(QString());
    return normalized;
}

} // namespace Kinora::App
