#include "studio/content/contentmanager.h"

#include "core/net/catalogclient.h"
#include "core/net/studioclient.h"
#include "studio/content/contentactions.h"
#include "studio/content/videoeditdialog.h"
#include "studio/content/videotablemodel.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kinora::Studio {

namespace {

constexpr int PageSize = 20;
constexpr int PollIntervalMs = 2000;

bool failed(const Core::ApiError &error)
{
    return !error.code.isEmpty() || !error.message.isEmpty();
}

QString describe(const Core::ApiError &error)
{
    if (!error.message.isEmpty())
        return error.message;
    return ContentManager::tr("The server answered with HTTP status %1.").arg(error.httpStatus);
}

} // namespace

ContentManager::ContentManager(Core::StudioClient *studio, QWidget *parent)
    : QWidget(parent)
    , m_studio(studio)
    , m_catalog(new Core::CatalogClient(studio->api(), this))
    , m_model(new VideoTableModel(this))
    , m_actions(new ContentActions(this))
    , m_toolBar(new QToolBar(this))
    , m_errorBanner(new QFrame(this))
    , m_errorIcon(new QLabel(m_errorBanner))
    , m_errorLabel(new QLabel(m_errorBanner))
    , m_errorClose(new QToolButton(m_errorBanner))
    , m_pages(new QStackedWidget(this))
    , m_signedOutLabel(new QLabel(m_pages))
    , m_table(new QTableView(m_pages))
    , m_statusLabel(new QLabel(this))
    , m_loadMore(new QPushButton(this))
    , m_pollTimer(new QTimer(this))
{
    m_toolBar->setObjectName(QStringLiteral("contentToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->addTo(m_toolBar);
    connect(m_actions, &ContentActions::editRequested, this, &ContentManager::editSelected);
    connect(m_actions, &ContentActions::thumbnailRequested, this, &ContentManager::replaceThumbnail);
    connect(m_actions, &ContentActions::deleteRequested, this, &ContentManager::deleteSelected);
    connect(m_actions, &ContentActions::refreshRequested, this, &ContentManager::refresh);
    connect(m_actions, &ContentActions::visibilityRequested, this, &ContentManager::setSelectedVisibility);

    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setFrameShape(QFrame::StyledPanel);
    m_errorBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_errorBanner->setForegroundRole(QPalette::ToolTipText);
    m_errorBanner->setAutoFillBackground(true);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setForegroundRole(QPalette::ToolTipText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorClose->setAutoRaise(true);
    m_errorClose->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    connect(m_errorClose, &QToolButton::clicked, this, &ContentManager::hideError);
    auto *bannerLayout = new QHBoxLayout(m_errorBanner);
    bannerLayout->addWidget(m_errorIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_errorLabel, 1);
    bannerLayout->addWidget(m_errorClose, 0, Qt::AlignTop);
    m_errorBanner->hide();

    m_signedOutLabel->setObjectName(QStringLiteral("signedOutLabel"));
    m_signedOutLabel->setAlignment(Qt::AlignCenter);
    m_signedOutLabel->setWordWrap(true);
    m_signedOutLabel->setForegroundRole(QPalette::PlaceholderText);

    m_table->setObjectName(QStringLiteral("contentTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(VideoTableModel::TitleColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(m_table->fontMetrics().averageCharWidth() * 6);
    m_actions->bindToView(m_table);
    connect(m_table, &QTableView::doubleClicked, this, &ContentManager::editSelected);
    connect(m_table, &QTableView::customContextMenuRequested, this, &ContentManager::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ContentManager::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ContentManager::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContentManager::updateStatusLine);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ContentManager::updateStatusLine);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContentManager::updateStatusLine);

    auto *tablePage = new QWidget(m_pages);
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    auto *footer = new QHBoxLayout;
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_loadMore->setObjectName(QStringLiteral("loadMoreButton"));
    footer->addWidget(m_statusLabel, 1);
    footer->addWidget(m_loadMore);
    tableLayout->addLayout(footer);
    connect(m_loadMore, &QPushButton::clicked, this, &ContentManager::loadMore);

    m_pages->addWidget(m_signedOutLabel);
    m_pages->addWidget(tablePage);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_pages, 1);

    m_pollTimer->setInterval(PollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &ContentManager::pollProcessing);

    retranslateUi();
    setSignedIn(false);
}

void ContentManager::retranslateUi()
{
    m_actions->retranslate();
    m_errorClose->setToolTip(tr("Dismiss"));
    m_errorClose->setAccessibleName(tr("Dismiss"));
    m_signedOutLabel->setText(tr("Sign in to manage your videos."));
    m_loadMore->setText(tr("Load more"));
    m_table->setAccessibleName(tr("Your videos"));
    m_model->retranslate();
    updateStatusLine();
}

void ContentManager::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::StyleChange)
        m_errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(m_errorLabel->fontMetrics().height()));
    QWidget::changeEvent(event);
}

QString ContentManager::errorText() const
{
    return m_errorBanner->isHidden() ? QString() : m_errorLabel->text();
}

void ContentManager::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    ++m_generation;
    m_loading = false;
    m_nextCursor.clear();
    m_busyIds.clear();
    m_pollingIds.clear();
    m_pollTimer->stop();
    m_model->clear();
    hideError();
    m_pages->setCurrentIndex(signedIn ? 1 : 0);
    m_actions->setRefreshEnabled(signedIn);
    updateActions();
    updateStatusLine();
    if (signedIn)
        refresh();
}

void ContentManager::refresh()
{
    if (!m_signedIn)
        return;
    ++m_pageGeneration;
    m_nextCursor.clear();
    m_pollingIds.clear();
    hideError();
    requestPage(QString());
}

void ContentManager::loadMore()
{
    if (m_signedIn && !m_loading && !m_nextCursor.isEmpty())
        requestPage(m_nextCursor);
}

void ContentManager::requestPage(const QString &cursor)
{
    m_loading = true;
    updateStatusLine();
    const quint64 generation = m_generation;
    const quint64 pageGeneration = m_pageGeneration;
    m_studio->myVideos(cursor, PageSize, this,
                       [this, generation, pageGeneration, first = cursor.isEmpty()](const Core::VideoPage &page,
                                                                                     const Core::ApiError &error) {
                           if (generation != m_generation || pageGeneration != m_pageGeneration)
                               return;
                           m_loading = false;
                           if (failed(error)) {
                               showError(tr("Could not load your videos: %1").arg(describe(error)));
                               updateStatusLine();
                               return;
                           }
                           if (first) {
                               const QString selected = selectedVideo().id;
                               m_model->clear();
                               m_model->append(page.items);
                               const int row = m_model->rowOf(selected);
                               if (row >= 0)
                                   m_table->selectRow(row);
                           } else {
                               m_model->append(page.items);
                           }
                           m_nextCursor = page.nextCursor;
                           updateStatusLine();
                           updateActions();
                           if (!m_model->processingIds().isEmpty()) {
                               m_pollTimer->start();
                               pollProcessing();
                           }
                       });
}

void ContentManager::pollProcessing()
{
    const QStringList ids = m_model->processingIds();
    if (ids.isEmpty() || !m_signedIn) {
        m_pollTimer->stop();
        return;
    }
    const quint64 generation = m_generation;
    for (const QString &id : ids) {
        if (m_pollingIds.contains(id))
            continue;
        m_pollingIds.insert(id);
        m_studio->processingStatus(id, this, [this, id, generation](const Core::ProcessingStatus &status,
                                                                    const Core::ApiError &error) {
            if (generation != m_generation)
                return;
            m_pollingIds.remove(id);
            if (!failed(error))
                m_model->setStatus(id, status);
            else if (error.httpStatus == 404)
                m_model->remove(id);
        });
    }
}

Core::VideoSummary ContentManager::selectedVideo() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_model->video(rows.first().row());
}

void ContentManager::updateActions()
{
    const Core::VideoSummary video = selectedVideo();
    const bool usable = m_signedIn && video.isValid() && !m_busyIds.contains(video.id);
    m_actions->setVideoState(usable, video.visibility);
}

void ContentManager::updateStatusLine()
{
    m_loadMore->setVisible(m_signedIn && !m_nextCursor.isEmpty());
    m_loadMore->setEnabled(!m_loading);
    if (!m_signedIn)
        m_statusLabel->clear();
    else if (m_loading)
        m_statusLabel->setText(tr("Loading your videos…"));
    else if (m_model->rowCount() == 0)
        m_statusLabel->setText(tr("You have no videos yet. Upload one to see it here."));
    else
        m_statusLabel->setText(tr("%n video(s)", nullptr, m_model->rowCount()));
}

void ContentManager::showError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->setToolTip(text);
    m_errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(m_errorLabel->fontMetrics().height()));
    m_errorBanner->show();
}

void ContentManager::hideError()
{
    m_errorBanner->hide();
    m_errorLabel->clear();
}

void ContentManager::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid())
        m_table->selectRow(index.row());
    QMenu menu(this);
    m_actions->fillMenu(&menu);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void ContentManager::applyVideo(const Core::VideoSummary &video)
{
    m_model->update(video);
    updateActions();
    if (!m_model->processingIds().isEmpty() && !m_pollTimer->isActive())
        m_pollTimer->start();
    Q_EMIT videoChanged(video);
}

void ContentManager::withCategories(std::function<void()> then)
{
    if (m_categoriesLoaded) {
        then();
        return;
    }
    m_catalog->categories(this, [this, then = std::move(then)](const QStringList &categories, const Core::ApiError &error) {
        // Without the list the dialog still works; the current category stays selectable.
        if (!failed(error)) {
            m_categories = categories;
            m_categoriesLoaded = true;
        }
        then();
    });
}

void ContentManager::editSelected()
{
    const Core::VideoSummary video = selectedVideo();
    if (!video.isValid() || m_busyIds.contains(video.id) || findChild<VideoEditDialog *>())
        return;
    hideError();
    withCategories([this, video] { openEditDialog(video); });
}

void ContentManager::openEditDialog(const Core::VideoSummary &video)
{
    if (findChild<VideoEditDialog *>())
        return;
    auto *dialog = new VideoEditDialog(m_studio, video, m_categories, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &VideoEditDialog::videoSaved, this, &ContentManager::applyVideo);
    dialog->open();
}

void ContentManager::setSelectedVisibility(const QString &visibility)
{
    const Core::VideoSummary video = selectedVideo();
    if (!video.isValid() || m_busyIds.contains(video.id))
        return;
    if (video.visibility == visibility) {
        updateActions();
        return;
    }
    hideError();
    m_busyIds.insert(video.id);
    updateActions();
    Core::VideoDraft changes;
    changes.visibility = visibility;
    const quint64 generation = m_generation;
    m_studio->updateVideo(video.id, changes, this,
                          [this, video, generation](const Core::VideoSummary &updated, const Core::ApiError &error) {
                              if (generation != m_generation)
                                  return;
                              m_busyIds.remove(video.id);
                              if (failed(error)) {
                                  showError(tr("Could not change the visibility of “%1”: %2")
                                                .arg(video.title, describe(error)));
                                  updateActions();
                                  return;
                              }
                              applyVideo(updated);
                          });
}

void ContentManager::replaceThumbnail()
{
    const Core::VideoSummary video = selectedVideo();
    if (!video.isValid() || m_busyIds.contains(video.id))
        return;
    auto *dialog = new QFileDialog(this, tr("Choose a thumbnail for “%1”").arg(video.title));
    dialog->setObjectName(QStringLiteral("thumbnailFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilter(tr("Images (*.png *.jpg *.jpeg *.webp)"));
    const QString id = video.id;
    connect(dialog, &QFileDialog::fileSelected, this, [this, id](const QString &path) { uploadThumbnail(id, path); });
    dialog->open();
}

void ContentManager::uploadThumbnail(const QString &videoId, const QString &path)
{
    hideError();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    const QByteArray image = file.readAll();
    const QString mimeType = QMimeDatabase().mimeTypeForData(image).name();
    if (mimeType != QLatin1String("image/png") && mimeType != QLatin1String("image/jpeg")
        && mimeType != QLatin1String("image/webp")) {
        showError(tr("%1 is not a PNG, JPEG or WebP image.").arg(QFileInfo(path).fileName()));
        return;
    }
    m_busyIds.insert(videoId);
    updateActions();
    const quint64 generation = m_generation;
    auto finish = [this, videoId, generation](const Core::ApiError &error) {
        if (generation != m_generation)
            return false;
        if (!failed(error))
            return true;
        m_busyIds.remove(videoId);
        showError(tr("Could not replace the thumbnail: %1").arg(describe(error)));
        updateActions();
        return false;
    };
    m_studio->uploadThumbnail(videoId, image, mimeType.toLatin1(), this,
                              [this, videoId, finish](const Core::VideoSummary &, const Core::ApiError &error) {
                                  if (!finish(error))
                                      return;
                                  Core::VideoDraft changes;
                                  changes.thumbnail = QStringLiteral("custom");
                                  m_studio->updateVideo(videoId, changes, this,
                                                        [this, videoId, finish](const Core::VideoSummary &updated,
                                                                                const Core::ApiError &error) {
                                                            if (!finish(error))
                                                                return;
                                                            m_busyIds.remove(videoId);
                                                            applyVideo(updated);
                                                        });
                              });
}

void ContentManager::deleteSelected()
{
    const Core::VideoSummary video = selectedVideo();
    if (!video.isValid() || m_busyIds.contains(video.id) || findChild<QMessageBox *>(QStringLiteral("deleteConfirmation")))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete video"),
                                tr("Delete “%1” for good? Its media, comments and statistics are removed too; "
                                   "this cannot be undone.")
                                    .arg(video.title),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeleteButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QString id = video.id;
    const QString title = video.title;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, id, title] {
        if (box->clickedButton() != confirm || m_busyIds.contains(id))
            return;
        hideError();
        m_busyIds.insert(id);
        updateActions();
        const quint64 generation = m_generation;
        m_studio->deleteVideo(id, this, [this, id, title, generation](const Core::ApiError &error) {
            if (generation != m_generation)
                return;
            m_busyIds.remove(id);
            if (failed(error) && error.httpStatus != 404) {
                showError(tr("Could not delete “%1”: %2").arg(title, describe(error)));
                updateActions();
                return;
            }
            m_model->remove(id);
            updateActions();
            Q_EMIT videoDeleted(id);
        });
    });
    box->open();
}

} // namespace Kinora::Studio
