#include "core/media/h264codecstring.h"

namespace Kinora::Core {

QString H264CodecString::fromAnnexB(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype size = data.size();
    for (qsizetype i = 0; i + 3 < size; ++i) {
        if (bytes[i] != 0 || bytes[i + 1] != 0 || bytes[i + 2] != 1)
            continue;
        const qsizetype nal = i + 3;
        if ((bytes[nal] & 0x1f) == 7 && nal + 3 < size) {
            // profile_idc, constraint flags, level_idc follow the NAL header directly.
            return QStringLiteral("avc1.%1%2%3")
                .arg(bytes[nal + 1], 2, 16, QLatin1Char('0'))
                .arg(bytes[nal + 2], 2, 16, QLatin1Char('0'))
                .arg(bytes[nal + 3], 2, 16, QLatin1Char('0'));
        }
        i = nal - 1;
    }
    return {};
}

} // namespace Kinora::Core
