#include "core/media/storyboardbuilder.h"

#include "core/media/ffmpegerror.h"
#include "core/media/jpegwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <cmath>
#include <cstring>

namespace Kinora::Core {

namespace {

QByteArray vttTime(double seconds)
{
    const qint64 ms = qint64(std::llround(seconds * 1000.0));
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'))
        .toUtf8();
}

} // namespace

StoryboardBuilder::StoryboardBuilder(double durationSeconds, double intervalSeconds, int tileWidth, int columns,
                                     int rows, int sourceWidth, int sourceHeight)
    : m_tileWidth(std::max(16, tileWidth) & ~1)
    , m_columns(std::max(1, columns))
    , m_rows(std::max(1, rows))
{
    m_interval = intervalSeconds > 0.0 ? intervalSeconds : std::clamp(std::ceil(durationSeconds / 100.0), 2.0, 10.0);
    m_tileHeight = std::max(2, int(std::lround(double(sourceHeight) * m_tileWidth / std::max(1, sourceWidth))) & ~1);
}

bool StoryboardBuilder::add(const AVFrame *frame, QString *error)
{
    const int perSheet = m_columns * m_rows;
    const int slot = m_tiles % perSheet;
    if (slot == 0) {
        FramePtr sheet = makeFrame();
        sheet->format = AV_PIX_FMT_YUV420P;
        sheet->width = m_tileWidth * m_columns;
        sheet->height = m_tileHeight * m_rows;
        const int ret = av_frame_get_buffer(sheet.get(), 0);
        if (ret < 0) {
            *error = FfmpegError::format(QStringLiteral("storyboard"), -1,
                                         QCoreApplication::translate("StoryboardBuilder", "allocating a sprite sheet"), ret);
            return false;
        }
        std::memset(sheet->data[0], 16, size_t(sheet->linesize[0]) * sheet->height);
        std::memset(sheet->data[1], 128, size_t(sheet->linesize[1]) * (sheet->height / 2));
        std::memset(sheet->data[2], 128, size_t(sheet->linesize[2]) * (sheet->height / 2));
        m_sheets.push_back(std::move(sheet));
    }
    m_scaler.reset(sws_getCachedContext(m_scaler.release(), frame->width, frame->height, AVPixelFormat(frame->format),
                                        m_tileWidth, m_tileHeight, AV_PIX_FMT_YUV420P, SWS_AREA, nullptr, nullptr,
                                        nullptr));
    if (!m_scaler) {
        *error = QCoreApplication::translate("StoryboardBuilder", "storyboard: the picture cannot be scaled");
        return false;
    }
    AVFrame *sheet = m_sheets.back().get();
    const int x = (slot % m_columns) * m_tileWidth;
    const int y = (slot / m_columns) * m_tileHeight;
    uint8_t *planes[4] = {sheet->data[0] + size_t(y) * sheet->linesize[0] + x,
                          sheet->data[1] + size_t(y / 2) * sheet->linesize[1] + x / 2,
                          sheet->data[2] + size_t(y / 2) * sheet->linesize[2] + x / 2, nullptr};
    sws_scale(m_scaler.get(), frame->data, frame->linesize, 0, frame->height, planes, sheet->linesize);
    ++m_tiles;
    return true;
}

QString StoryboardBuilder::write(const QString &directory, double durationSeconds)
{
    if (m_tiles == 0)
        return {};
    const int perSheet = m_columns * m_rows;
    for (size_t i = 0; i < m_sheets.size(); ++i) {
        AVFrame *sheet = m_sheets[i].get();
        // The last sheet is cropped to the rows it uses.
        const int used = (i + 1 == m_sheets.size()) ? (m_tiles - 1) % perSheet + 1 : perSheet;
        const int rows = (used + m_columns - 1) / m_columns;
        const int height = sheet->height;
        sheet->height = rows * m_tileHeight;
        const QString error = JpegWriter::write(sheet, directory + QStringLiteral("/sprite_%1.jpg").arg(i), 0, 0, 5);
        sheet->height = height;
        if (!error.isEmpty())
            return error;
    }
    QByteArray vtt = "WEBVTT\n";
    for (int tile = 0; tile < m_tiles; ++tile) {
        const double start = tile * m_interval;
        const double end = (tile + 1 == m_tiles) ? std::max(durationSeconds, start + 0.001) : (tile + 1) * m_interval;
        const int slot = tile % perSheet;
        vtt += '\n' + vttTime(start) + " --> " + vttTime(end) + '\n';
        vtt += "sprite_" + QByteArray::number(tile / perSheet) + ".jpg#xywh=" + QByteArray::number(slot % m_columns * m_tileWidth)
               + ',' + QByteArray::number(slot / m_columns * m_tileHeight) + ',' + QByteArray::number(m_tileWidth) + ','
               + QByteArray::number(m_tileHeight) + '\n';
    }
    QSaveFile file(directory + QStringLiteral("/storyboard.vtt"));
    if (!file.open(QIODevice::WriteOnly) || file.write(vtt) != vtt.size() || !file.commit())
        return QCoreApplication::translate("StoryboardBuilder", "%1: cannot be written: %2")
            .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
    return {};
}

} // namespace Kinora::Core
