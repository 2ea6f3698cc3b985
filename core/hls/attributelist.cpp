#include "core/hls/attributelist.h"

#include <QCoreApplication>

#include <cmath>

namespace Kinora::Hls {

std::optional<AttributeList> AttributeList::parse(QStringView text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<AttributeList> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    AttributeList list;
    qsizetype pos = 0;
    const qsizetype size = text.size();
    while (pos < size) {
        while (pos < size && text.at(pos).isSpace())
            ++pos;
        if (pos >= size)
            break;
        const qsizetype equals = text.indexOf(u'=', pos);
        if (equals < 0)
            return fail(QCoreApplication::translate("Kinora::Hls::AttributeList",
                                                    "attribute without '=' at column %1").arg(pos + 1));
        const QString name = text.mid(pos, equals - pos).trimmed().toString();
        if (name.isEmpty())
            return fail(QCoreApplication::translate("Kinora::Hls::AttributeList",
                                                    "empty attribute name at column %1").arg(pos + 1));
        pos = equals + 1;
        Value value;
        if (pos < size && text.at(pos) == u'"') {
            const qsizetype close = text.indexOf(u'"', pos + 1);
            if (close < 0)
                return fail(QCoreApplication::translate("Kinora::Hls::AttributeList",
                                                        "unterminated quoted string in attribute %1").arg(name));
            value.text = text.mid(pos + 1, close - pos - 1).toString();
            value.quoted = true;
            pos = close + 1;
            while (pos < size && text.at(pos) != u',')
                ++pos; // tolerate junk between the closing quote and the comma
        } else {
            qsizetype comma = text.indexOf(u',', pos);
            if (comma < 0)
                comma = size;
            value.text = text.mid(pos, comma - pos).trimmed().toString();
            pos = comma;
        }
        list.m_values.insert(name, value);
        if (pos < size && text.at(pos) == u',')
            ++pos;
    }
    return list;
}

std::optional<qint64> AttributeList::integer(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    bool ok = false;
    const qint64 result = value(name).toLongLong(&ok);
    if (!ok || result < 0)
        return std::nullopt;
    return result;
}

std::optional<double> AttributeList::decimal(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    bool ok = false;
    const double result = value(name).toDouble(&ok);
    if (!ok || !std::isfinite(result))
        return std::nullopt;
    return result;
}

std::optional<QByteArray> AttributeList::hexadecimal(const QString &name) const
{
    const QString text = value(name);
    if (!text.startsWith(QLatin1String("0x")) && !text.startsWith(QLatin1String("0X")))
        return std::nullopt;
    const QString digits = text.mid(2);
    if (digits.isEmpty() || digits.size() > 64)
        return std::nullopt;
    for (const QChar c : digits) {
        if (!c.isDigit() && !(c.toLower() >= u'a' && c.toLower() <= u'f'))
            return std::nullopt;
    }
    QString padded = digits;
    if (padded.size() % 2)
        padded.prepend(u'0');
    return QByteArray::fromHex(padded.toLatin1());
}

} // namespace Kinora::Hls
