#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <optional>

namespace Kinora::Hls {

// An RFC 8216 attribute list (KEY=value,KEY="quoted, string",...). parse()
// fails on a missing '=' or an unterminated quoted string and reports why.
class AttributeList
{
public:
    static std::optional<AttributeList> parse(QStringView text, QString *error = nullptr);

    bool contains(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name) const { return m_values.value(name).text; }
    bool isQuoted(const QString &name) const { return m_values.value(name).quoted; }

    std::optional<qint64> integer(const QString &name) const;
    std::optional<double> decimal(const QString &name) const;
    // 0x-prefixed hexadecimal sequence as bytes.
    std::optional<QByteArray> hexadecimal(const QString &name) const;
    bool yes(const QString &name) const { return value(name) == QLatin1String("YES"); }

private:
    struct Value
    {
        QString text;
        bool quoted = false;
    };
    QHash<QString, Value> m_values;
};

} // namespace Kinora::Hls
