#pragma once

#include "core/net/videosummary.h"

#include <QImage>
#include <QUrl>
#include <QWidget>

namespace Kinora::App {

class ThumbnailCache;

// One video in a grid or list: 16:9 thumbnail with the duration on it, the
// title (elided), the channel, views and age. It asks the ThumbnailCache for
// its image the first time it is painted, so only visible cards load one.
// Click, Enter or Space activate it; a click on the channel's name asks for
// the channel instead.
class VideoCard : public QWidget
{
    Q_OBJECT
public:
    enum class Layout { Grid, List };

    VideoCard(const Core::VideoSummary &video, const QUrl &posterUrl, ThumbnailCache *thumbnails,
              QWidget *parent = nullptr);

    Core::VideoSummary video() const { return m_video; }
    QUrl posterUrl() const { return m_posterUrl; }
    Layout layoutMode() const { return m_layout; }
    void setLayoutMode(Layout layout);
    // Width of the card in the grid, or of the row in the list.
    void setCardWidth(int width);
    int heightForCardWidth(int width) const;
    // Watched fraction (0..1) drawn as a bar under the thumbnail; negative: none.
    void setProgress(double fraction);
    bool isThumbnailRequested() const { return m_requested; }
    bool hasThumbnail() const { return !m_image.isNull(); }
    QString metadataText() const;
    // Where the channel's name is drawn, the part that opens the channel (empty without one).
    QRect channelRect() const;

Q_SIGNALS:
    void activated(const Kinora::Core::VideoSummary &video);
    void channelActivated(const QString &channelId, const QString &channelName);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QRect thumbnailRect() const;
    QRect textRect() const;
    void requestThumbnail(const QSize &size);
    void updateAccessibility();

    Core::VideoSummary m_video;
    QUrl m_posterUrl;
    ThumbnailCache *m_thumbnails;
    QImage m_image;
    Layout m_layout = Layout::Grid;
    double m_progress = -1.0;
    bool m_requested = false;
    bool m_hovered = false;
    bool m_pressed = false;
};

} // namespace Kinora::App
