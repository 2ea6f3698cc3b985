#include "app/browse/videocard.h"

#include "app/browse/thumbnailcache.h"
#include "app/browse/videoformat.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace Kinora::App {

namespace {
constexpr int ListThumbnailWidthEm = 16; // list rows: thumbnail width in line heights
}

VideoCard::VideoCard(const Core::VideoSummary &video, const QUrl &posterUrl, ThumbnailCache *thumbnails,
                     QWidget *parent)
    : QWidget(parent)
    , m_video(video)
    , m_posterUrl(posterUrl)
    , m_thumbnails(thumbnails)
{
    setObjectName(QStringLiteral("videoCard"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover);
    setCursor(Qt::PointingHandCursor);
    setToolTip(video.title);
    updateAccessibility();
}

void VideoCard::updateAccessibility()
{
    setAccessibleName(m_video.title);
    setAccessibleDescription(tr("%1, %2").arg(m_video.channelName, metadataText()));
}

QString VideoCard::metadataText() const
{
    const QString age = VideoFormat::age(m_video.publishedAt);
    return age.isEmpty() ? VideoFormat::views(m_video.viewCount)
                         : tr("%1 · %2", "views · age").arg(VideoFormat::views(m_video.viewCount), age);
}

void VideoCard::setLayoutMode(Layout layout)
{
    if (m_layout == layout)
        return;
    m_layout = layout;
    update();
}

int VideoCard::heightForCardWidth(int width) const
{
    const int line = fontMetrics().height();
    const int padding = line / 3;
    if (m_layout == Layout::List) {
        const int thumbWidth = qMin(width / 2, line * ListThumbnailWidthEm);
        return qMax(thumbWidth * 9 / 16, line * 4) + 2 * padding;
    }
    const int thumbHeight = (width - 2 * padding) * 9 / 16;
    return padding + thumbHeight + padding + line * 3 + line / 2 + padding;
}

void VideoCard::setCardWidth(int width)
{
    setFixedSize(width, heightForCardWidth(width));
}

void VideoCard::setProgress(double fraction)
{
    m_progress = fraction;
    update();
}

QRect VideoCard::thumbnailRect() const
{
    const int line = fontMetrics().height();
    const int padding = line / 3;
    const QRect inner = rect().adjusted(padding, padding, -padding, -padding);
    if (m_layout == Layout::List) {
        const int thumbWidth = qMin(inner.width() / 2, line * ListThumbnailWidthEm);
        return QRect(inner.topLeft(), QSize(thumbWidth, thumbWidth * 9 / 16));
    }
    return QRect(inner.topLeft(), QSize(inner.width(), inner.width() * 9 / 16));
}

QRect VideoCard::textRect() const
{
    const int line = fontMetrics().height();
    const int padding = line / 3;
    const QRect inner = rect().adjusted(padding, padding, -padding, -padding);
    const QRect thumb = thumbnailRect();
    if (m_layout == Layout::List)
        return QRect(thumb.right() + line, inner.top(), inner.right() - thumb.right() - line, inner.height());
    return QRect(inner.left(), thumb.bottom() + padding, inner.width(), inner.bottom() - thumb.bottom() - padding);
}

QRect VideoCard::channelRect() const
{
    if (m_video.channelId.isEmpty() || m_video.channelName.isEmpty())
        return {};
    QFont titleFont = font();
    titleFont.setBold(true);
    const int line = fontMetrics().height();
    const QRect text = textRect();
    const int y = text.top() + QFontMetrics(titleFont).height() + line / 4;
    const int width = qMin(text.width(), fontMetrics().horizontalAdvance(m_video.channelName));
    return QRect(text.left(), y, width, line);
}

void VideoCard::requestThumbnail(const QSize &size)
{
    if (m_requested || !m_thumbnails || m_posterUrl.isEmpty())
        return;
    m_requested = true;
    m_thumbnails->request(m_posterUrl, size, this, [this](const QImage &image) {
        m_image = image;
        update();
    });
}

void VideoCard::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    const qreal radius = line / 3.0;

    if (m_hovered || hasFocus()) {
        QColor back = pal.color(QPalette::Highlight);
        back.setAlphaF(hasFocus() ? 0.22 : 0.12);
        painter.setPen(hasFocus() ? QPen(pal.color(QPalette::Highlight), 2) : Qt::NoPen);
        painter.setBrush(back);
        painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), radius, radius);
    }

    const QRect thumb = thumbnailRect();
    requestThumbnail(thumb.size() * devicePixelRatioF());
    QPainterPath clip;
    clip.addRoundedRect(thumb, radius, radius);
    painter.save();
    painter.setClipPath(clip);
    if (m_image.isNull()) {
        painter.fillRect(thumb, pal.color(QPalette::Mid));
    } else {
        // Cover the rect: the largest centred part of the image with its aspect ratio.
        const QSizeF source = QSizeF(thumb.size()).scaled(QSizeF(m_image.size()), Qt::KeepAspectRatio);
        const QRectF from((m_image.width() - source.width()) / 2, (m_image.height() - source.height()) / 2,
                          source.width(), source.height());
        painter.drawImage(QRectF(thumb), m_image, from);
    }
    if (m_progress >= 0.0) {
        const int barHeight = qMax(3, line / 5);
        const QRect bar(thumb.left(), thumb.bottom() - barHeight + 1, int(thumb.width() * qMin(1.0, m_progress)), barHeight);
        painter.fillRect(bar, pal.color(QPalette::Highlight));
    }
    painter.restore();

    if (m_video.durationMs > 0) {
        QFont badgeFont = font();
        badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
        badgeFont.setBold(true);
        painter.setFont(badgeFont);
        const QString text = VideoFormat::duration(m_video.durationMs);
        const QFontMetrics metrics(badgeFont);
        const int margin = line / 4;
        QRect badge(0, 0, metrics.horizontalAdvance(text) + 2 * margin, metrics.height());
        badge.moveBottomRight(thumb.bottomRight() - QPoint(margin, margin + (m_progress >= 0.0 ? line / 4 : 0)));
        // The text colour of the palette behind the window colour: legible in light and dark themes.
        QColor back = pal.color(QPalette::WindowText);
        back.setAlphaF(0.8);
        painter.setPen(Qt::NoPen);
        painter.setBrush(back);
        painter.drawRoundedRect(badge, margin, margin);
        painter.setPen(pal.color(QPalette::Window));
        painter.drawText(badge, Qt::AlignCenter, text);
    }

    const QRect text = textRect();
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(pal.color(QPalette::WindowText));
    const QFontMetrics titleMetrics(titleFont);
    int y = text.top();
    painter.drawText(QRect(text.left(), y, text.width(), titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     titleMetrics.elidedText(m_video.title, Qt::ElideRight, text.width()));
    y += titleMetrics.height() + line / 4;
    painter.setFont(font());
    painter.setPen(pal.color(QPalette::PlaceholderText));
    const QFontMetrics metrics = fontMetrics();
    painter.drawText(QRect(text.left(), y, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(m_video.channelName, Qt::ElideRight, text.width()));
    y += line;
    painter.drawText(QRect(text.left(), y, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(metadataText(), Qt::ElideRight, text.width()));
}

void VideoCard::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        setFocus(Qt::MouseFocusReason);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void VideoCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_pressed) {
        m_pressed = false;
        const QPoint position = event->position().toPoint();
        if (channelRect().contains(position))
            Q_EMIT channelActivated(m_video.channelId, m_video.channelName);
        else if (rect().contains(position))
            Q_EMIT activated(m_video);
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void VideoCard::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        Q_EMIT activated(m_video);
        event->accept();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void VideoCard::enterEvent(QEnterEvent *event)
{
    m_hovered = true;
    update();
    QWidget::enterEvent(event);
}

void VideoCard::leaveEvent(QEvent *event)
{
    m_hovered = false;
    update();
    QWidget::leaveEvent(event);
}

void VideoCard::focusInEvent(QFocusEvent *event)
{
    update();
    QWidget::focusInEvent(event);
}

void VideoCard::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

void VideoCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateAccessibility();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
