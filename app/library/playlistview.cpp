#include "app/library/playlistview.h"

#include "app/browse/thumbnailcache.h"
#include "app/browse/videoformat.h"
#include "core/net/catalogclient.h"
#include "core/net/libraryclient.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int ItemPageSize = 100; // the server's largest page

bool isError(const Core::ApiError &error)
{
    return !error.code.isEmpty();
}
} // namespace

PlaylistView::PlaylistView(Core::LibraryClient *library, Core::CatalogClient *catalog, ThumbnailCache *thumbnails,
                           QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_catalog(catalog)
    , m_thumbnails(thumbnails)
    , m_list(new QListWidget(this))
    , m_moveUp(new QPushButton(this))
    , m_moveDown(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("playlistView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setObjectName(QStringLiteral("playlistItems"));
    const int line = fontMetrics().height();
    m_list->setIconSize(QSize(line * 16 / 3, line * 3));
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(line / 4);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->installEventFilter(this);
    layout->addWidget(m_list, 1);
    m_status->setObjectName(QStringLiteral("playlistStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->hide();
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_moveUp->setObjectName(QStringLiteral("moveUpButton"));
    m_moveDown->setObjectName(QStringLiteral("moveDownButton"));
    m_remove->setObjectName(QStringLiteral("removeItemButton"));
    buttons->addWidget(m_moveUp);
    buttons->addWidget(m_moveDown);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);

    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_remove, &QPushButton::clicked, this, &PlaylistView::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &PlaylistView::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_items.size() && m_items.at(row).isAvailable())
            Q_EMIT videoActivated(m_items.at(row).video);
    });
    m_emptyText = tr("This playlist is empty.");
    retranslateUi();
    updateButtons();
}

void PlaylistView::retranslateUi()
{
    m_moveUp->setText(tr("Move &up"));
    m_moveUp->setToolTip(tr("Move up (Ctrl+Up)"));
    m_moveDown->setText(tr("Move &down"));
    m_moveDown->setToolTip(tr("Move down (Ctrl+Down)"));
    m_remove->setText(tr("&Remove"));
    m_remove->setToolTip(tr("Remove from the playlist (Delete)"));
    m_list->setAccessibleName(tr("Videos of the playlist"));
    for (int row = 0; row < m_list->count() && row < m_items.size(); ++row)
        m_list->item(row)->setText(itemText(m_items.at(row), row));
}

QStringList PlaylistView::videoIds() const
{
    QStringList ids;
    for (const Core::PlaylistItem &item : m_items)
        ids.append(item.videoId);
    return ids;
}

QString PlaylistView::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

void PlaylistView::setPlaylist(const QString &playlistId)
{
    m_playlistId = playlistId;
    reload();
}

void PlaylistView::clear()
{
    delete m_requestContext;
    m_playlistId.clear();
    m_items.clear();
    m_list->clear();
    m_loading = false;
    m_changing = false;
    m_loaded = false;
    setStatus(QString());
    updateButtons();
}

void PlaylistView::reload()
{
    delete m_requestContext;
    m_requestContext = new QObject(this);
    m_items.clear();
    m_list->clear();
    m_loading = false;
    m_changing = false;
    m_loaded = false;
    if (m_playlistId.isEmpty()) {
        setStatus(QString());
        updateButtons();
        return;
    }
    setStatus(tr("Loading…"));
    loadPage(QString());
}

void PlaylistView::loadPage(const QString &cursor)
{
    m_loading = true;
    updateButtons();
    m_library->playlistItems(m_playlistId, cursor, ItemPageSize, m_requestContext,
                             [this](const Core::PlaylistItemPage &page, const Core::ApiError &error) {
                                 if (isError(error)) {
                                     m_loading = false;
                                     fail(tr("The playlist could not be loaded: %1"), error);
                                     return;
                                 }
                                 m_items.append(page.items);
                                 if (page.hasMore()) {
                                     loadPage(page.nextCursor);
                                     return;
                                 }
                                 m_loading = false;
                                 m_loaded = true;
                                 showItems();
                             });
}

QString PlaylistView::itemText(const Core::PlaylistItem &item, int row) const
{
    if (!item.isAvailable())
        return tr("%1. Unavailable video").arg(row + 1);
    const Core::VideoSummary &video = item.video;
    QString details = video.channelName;
    if (video.durationMs > 0)
        details = details.isEmpty() ? VideoFormat::duration(video.durationMs)
                                    : tr("%1 · %2", "channel · duration").arg(details, VideoFormat::duration(video.durationMs));
    return tr("%1. %2\n%3", "position. title, details").arg(row + 1).arg(video.title, details);
}

void PlaylistView::showItems()
{
    const QString current = m_list->currentRow() >= 0 && m_list->currentRow() < m_items.size()
                                ? m_items.at(m_list->currentRow()).id
                                : QString();
    m_list->clear();
    const QSize iconSize = m_list->iconSize() * devicePixelRatioF();
    // Until its thumbnail arrives (or when there is none) a row shows a blank of the same size.
    QPixmap blank(m_list->iconSize());
    blank.fill(palette().color(QPalette::Mid));
    for (int row = 0; row < m_items.size(); ++row) {
        const Core::PlaylistItem &item = m_items.at(row);
        auto *entry = new QListWidgetItem(QIcon(blank), itemText(item, row), m_list);
        entry->setData(Qt::UserRole, item.id);
        if (!item.isAvailable()) {
            entry->setForeground(palette().color(QPalette::PlaceholderText));
            continue;
        }
        entry->setToolTip(item.video.title);
        if (m_thumbnails) {
            const QString itemId = item.id;
            m_thumbnails->request(m_catalog->posterUrl(item.video), iconSize, m_requestContext,
                                  [this, itemId](const QImage &image) {
                                      if (image.isNull())
                                          return;
                                      for (int i = 0; i < m_list->count(); ++i) {
                                          if (m_list->item(i)->data(Qt::UserRole).toString() == itemId)
                                              m_list->item(i)->setIcon(QPixmap::fromImage(image));
                                      }
                                  });
        }
    }
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == current)
            m_list->setCurrentRow(row);
    }
    setStatus(m_items.isEmpty() ? m_emptyText : QString());
    updateButtons();
}

void PlaylistView::updateButtons()
{
    const int row = m_list->currentRow();
    const bool idle = !m_loading && !m_changing;
    m_moveUp->setEnabled(idle && row > 0);
    m_moveDown->setEnabled(idle && row >= 0 && row + 1 < m_items.size());
    m_remove->setEnabled(idle && row >= 0 && row < m_items.size());
}

void PlaylistView::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void PlaylistView::fail(const QString &what, const Core::ApiError &error)
{
    setStatus(what.arg(error.message));
    updateButtons();
}

void PlaylistView::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (isBusy() || row < 0 || row >= m_items.size() || target < 0 || target >= m_items.size())
        return;
    m_changing = true;
    updateButtons();
    const QString itemId = m_items.at(row).id;
    m_library->moveItem(m_playlistId, itemId, target, m_requestContext, [this, itemId, target](const Core::ApiError &error) {
        m_changing = false;
        if (isError(error)) {
            fail(tr("The video was not moved: %1"), error);
            return;
        }
        for (int i = 0; i < m_items.size(); ++i) {
            if (m_items.at(i).id == itemId) {
                m_items.move(i, target);
                break;
            }
        }
        for (int i = 0; i < m_items.size(); ++i)
            m_items[i].position = i;
        showItems();
        m_list->setCurrentRow(target);
        Q_EMIT itemsChanged();
    });
}

void PlaylistView::removeCurrent()
{
    const int row = m_list->currentRow();
    if (isBusy() || row < 0 || row >= m_items.size())
        return;
    m_changing = true;
    updateButtons();
    const QString itemId = m_items.at(row).id;
    m_library->removeFromPlaylist(m_playlistId, itemId, m_requestContext, [this, itemId, row](const Core::ApiError &error) {
        m_changing = false;
        if (isError(error)) {
            fail(tr("The video was not removed: %1"), error);
            return;
        }
        for (int i = 0; i < m_items.size(); ++i) {
            if (m_items.at(i).id == itemId) {
                m_items.removeAt(i);
                break;
            }
        }
        showItems();
        if (!m_items.isEmpty())
            m_list->setCurrentRow(qMin(row, int(m_items.size()) - 1));
        Q_EMIT itemsChanged();
    });
}

bool PlaylistView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if (modifiers == Qt::ControlModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrent(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
        if (modifiers == Qt::NoModifier && key->key() == Qt::Key_Delete) {
            removeCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PlaylistView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
