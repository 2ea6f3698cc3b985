#include "app/browse/videogrid.h"

#include "app/browse/thumbnailcache.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMetaMethod>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int CardWidthEm = 15;   // smallest grid card, in line heights
}

VideoGrid::VideoGrid(Core::CatalogClient *catalog, ThumbnailCache *thumbnails, QWidget *parent)
    : QScrollArea(parent)
    , m_catalog(catalog)
    , m_thumbnails(thumbnails)
    , m_content(new QWidget(this))
{
    setObjectName(QStringLiteral("videoGrid"));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidgetResizable(false);
    setWidget(m_content);
    m_content->setObjectName(QStringLiteral("videoGridContent"));

    m_statusBox = new QWidget(m_content);
    auto *statusLayout = new QVBoxLayout(m_statusBox);
    m_status = new QLabel(m_statusBox);
    m_status->setObjectName(QStringLiteral("videoGridStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_retry = new QPushButton(tr("&Try again"), m_statusBox);
    m_retry->setObjectName(QStringLiteral("videoGridRetry"));
    m_retry->hide();
    statusLayout->addWidget(m_status);
    statusLayout->addWidget(m_retry, 0, Qt::AlignHCenter);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_cards.isEmpty())
            reload();
        else
            loadNextPage();
    });
    m_emptyText = tr("No videos here yet.");

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &VideoGrid::maybeLoadMore);
}

void VideoGrid::setLoader(PageLoader loader)
{
    m_loader = std::move(loader);
    reload();
}

void VideoGrid::reload()
{
    delete m_requestContext;
    qDeleteAll(m_cards);
    m_cards.clear();
    m_cursor.clear();
    m_loading = false;
    m_started = false;
    m_failed = false;
    verticalScrollBar()->setValue(0);
    if (m_loader)
        loadNextPage();
    else
        relayout();
}

void VideoGrid::showMessage(const QString &message)
{
    m_loader = nullptr;
    reload();
    setStatus(message, false);
}

void VideoGrid::setLayoutMode(VideoCard::Layout layout)
{
    if (m_layout == layout)
        return;
    m_layout = layout;
    for (VideoCard *card : std::as_const(m_cards))
        card->setLayoutMode(layout);
    relayout();
}

QString VideoGrid::statusText() const
{
    return m_statusBox->isVisibleTo(m_content) ? m_status->text() : QString();
}

bool VideoGrid::isErrorShown() const
{
    return m_failed && m_retry->isVisibleTo(m_statusBox);
}

void VideoGrid::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_retry->setVisible(error);
    m_statusBox->setVisible(!text.isEmpty() || error);
    relayout();
}

void VideoGrid::loadNextPage()
{
    if (!m_loader || m_loading || (m_started && m_cursor.isEmpty()))
        return;
    m_loading = true;
    m_failed = false;
    if (!m_requestContext)
        m_requestContext = new QObject(this);
    setStatus(tr("Loading…"), false);
    m_loader(m_cursor, m_requestContext, [this](const Core::VideoPage &page, const Core::ApiError &error) {
        onPage(page, error);
    });
}

void VideoGrid::onPage(const Core::VideoPage &page, const Core::ApiError &error)
{
    m_loading = false;
    if (!error.code.isEmpty() || error.httpStatus >= 400) {
        m_failed = true;
        setStatus(error.message.isEmpty() ? tr("The videos could not be loaded.") : error.message, true);
        Q_EMIT loadFailed(error);
        return;
    }
    m_started = true;
    m_cursor = page.nextCursor;
    for (const Core::VideoSummary &video : page.items) {
        auto *card = new VideoCard(video, m_catalog->posterUrl(video), m_thumbnails, m_content);
        card->setLayoutMode(m_layout);
        if (m_progress.contains(video.id))
            card->setProgress(m_progress.value(video.id));
        connect(card, &VideoCard::activated, this, &VideoGrid::videoActivated);
        connect(card, &VideoCard::channelActivated, this, &VideoGrid::channelActivated);
        card->installEventFilter(this);
        card->show();
        m_cards.append(card);
    }
    setStatus(m_cards.isEmpty() ? m_emptyText : QString(), false);
    Q_EMIT pageLoaded(int(page.items.size()));
    // A first page that does not fill the view cannot be scrolled: go on.
    maybeLoadMore();
}

void VideoGrid::relayout()
{
    const int width = viewport()->width();
    const int line = fontMetrics().height();
    const int spacing = line / 2;
    int y = spacing;
    m_columns = 1;
    if (!m_cards.isEmpty()) {
        if (m_layout == VideoCard::Layout::List) {
            const int cardWidth = qMax(line * 10, width - 2 * spacing);
            for (VideoCard *card : std::as_const(m_cards)) {
                card->setCardWidth(cardWidth);
                card->move(spacing, y);
                y += card->height() + spacing;
            }
        } else {
            const int minWidth = line * CardWidthEm;
            const int columns = qMax(1, (width - spacing) / (minWidth + spacing));
            m_columns = columns;
            const int cardWidth = qMax(minWidth / 2, (width - spacing) / columns - spacing);
            int rowHeight = 0;
            for (int i = 0; i < m_cards.size(); ++i) {
                VideoCard *card = m_cards.at(i);
                card->setCardWidth(cardWidth);
                const int column = i % columns;
                if (column == 0 && i > 0) {
                    y += rowHeight + spacing;
                    rowHeight = 0;
                }
                card->move(spacing + column * (cardWidth + spacing), y);
                rowHeight = qMax(rowHeight, card->height());
            }
            y += rowHeight + spacing;
        }
    }
    if (m_statusBox->isVisibleTo(m_content)) {
        const int statusHeight = m_statusBox->sizeHint().height();
        m_statusBox->setGeometry(0, y, width, statusHeight);
        y += statusHeight + spacing;
    }
    m_content->resize(width, y);
}

void VideoGrid::maybeLoadMore()
{
    if (m_loading || m_failed || m_cursor.isEmpty() || !m_started)
        return;
    QScrollBar *bar = verticalScrollBar();
    const int nearBottom = viewport()->height() / 2;
    if (bar->maximum() - bar->value() <= nearBottom)
        loadNextPage();
}

void VideoGrid::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    relayout();
    maybeLoadMore();
}

void VideoGrid::showEvent(QShowEvent *event)
{
    QScrollArea::showEvent(event);
    relayout();
}

bool VideoGrid::focusNextPrevChild(bool next)
{
    // Keep the focused card in view when tabbing through the grid.
    const bool moved = QScrollArea::focusNextPrevChild(next);
    if (QWidget *focus = focusWidget(); focus && m_content->isAncestorOf(focus))
        ensureWidgetVisible(focus);
    return moved;
}

void VideoGrid::removeVideo(const QString &videoId)
{
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        VideoCard *card = m_cards.at(i);
        if (card->video().id != videoId)
            continue;
        const bool hadFocus = card->hasFocus();
        m_cards.removeAt(i);
        delete card;
        if (hadFocus && !m_cards.isEmpty())
            focusCard(int(qMin(i, m_cards.size() - 1)));
        setStatus(m_cards.isEmpty() && !hasMore() ? m_emptyText : statusText(), false);
        return;
    }
}

int VideoGrid::cardForKey(int index, int key) const
{
    const int count = int(m_cards.size());
    const int columns = qMax(1, m_columns);
    switch (key) {
    case Qt::Key_Left: return index > 0 ? index - 1 : -1;
    case Qt::Key_Right: return index + 1 < count ? index + 1 : -1;
    case Qt::Key_Up: return index - columns >= 0 ? index - columns : -1;
    case Qt::Key_Down:
        if (index + columns < count)
            return index + columns;
        // The last row may be shorter: go to its last card rather than nowhere.
        return (count - 1) / columns > index / columns ? count - 1 : -1;
    case Qt::Key_Home: return count > 0 ? 0 : -1;
    case Qt::Key_End: return count > 0 ? count - 1 : -1;
    default: break;
    }
    return -1;
}

void VideoGrid::focusCard(int index)
{
    VideoCard *card = m_cards.value(index);
    if (!card)
        return;
    card->setFocus(Qt::TabFocusReason);
    ensureWidgetVisible(card);
}

bool VideoGrid::eventFilter(QObject *watched, QEvent *event)
{
    auto *card = qobject_cast<VideoCard *>(watched);
    if (!card || !m_cards.contains(card))
        return QScrollArea::eventFilter(watched, event);
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if (key->key() == Qt::Key_Delete && modifiers == Qt::NoModifier
            && isSignalConnected(QMetaMethod::fromSignal(&VideoGrid::videoRemoveRequested))) {
            Q_EMIT videoRemoveRequested(card->video());
            return true;
        }
        if (modifiers != Qt::NoModifier)
            return QScrollArea::eventFilter(watched, event);
        switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End: {
            const int target = cardForKey(int(m_cards.indexOf(card)), key->key());
            if (target >= 0)
                focusCard(target);
            return true; // at an edge the focus stays, and the view does not scroll instead
        }
        default: break;
        }
    } else if (event->type() == QEvent::ContextMenu) {
        auto *menu = static_cast<QContextMenuEvent *>(event);
        if (isSignalConnected(QMetaMethod::fromSignal(&VideoGrid::videoContextMenuRequested))) {
            Q_EMIT videoContextMenuRequested(card->video(), menu->globalPos());
            return true;
        }
    }
    return QScrollArea::eventFilter(watched, event);
}

} // namespace Kinora::App
