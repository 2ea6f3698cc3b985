#include "app/browse/homepage.h"

#include "app/browse/videogrid.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int PageSize = 24;
}

HomePage::HomePage(Core::CatalogClient *catalog, Core::AuthService *auth, ThumbnailCache *thumbnails,
                   QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_auth(auth)
    , m_sections(new QButtonGroup(this))
    , m_grid(new VideoGrid(catalog, thumbnails, this))
{
    setObjectName(QStringLiteral("homePage"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    const char *const names[] = {"newestButton", "popularButton", "subscriptionsButton", "continueWatchingButton"};
    for (int i = 0; i < 4; ++i) {
        auto *button = new QToolButton(this);
        button->setObjectName(QLatin1String(names[i]));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_sections->addButton(button, i);
        bar->addWidget(button);
    }
    bar->addStretch(1);
    m_sections->button(int(Section::Newest))->setChecked(true);
    layout->addLayout(bar);
    layout->addWidget(m_grid, 1);

    connect(m_sections, &QButtonGroup::idClicked, this, [this](int id) { setSection(Section(id)); });
    connect(m_grid, &VideoGrid::videoActivated, this, &HomePage::videoActivated);
    connect(m_auth, &Core::AuthService::signedIn, this, &HomePage::updateSignedIn);
    connect(m_auth, &Core::AuthService::signedOut, this, &HomePage::updateSignedIn);
    retranslateUi();
    updateSignedIn();
}

QToolButton *HomePage::sectionButton(Section section) const
{
    return qobject_cast<QToolButton *>(m_sections->button(int(section)));
}

void HomePage::retranslateUi()
{
    sectionButton(Section::Newest)->setText(tr("Newest"));
    sectionButton(Section::Popular)->setText(tr("Popular"));
    sectionButton(Section::Subscriptions)->setText(tr("Subscriptions"));
    sectionButton(Section::ContinueWatching)->setText(tr("Continue watching"));
}

void HomePage::updateSignedIn()
{
    const bool signedIn = m_auth->isSignedIn();
    sectionButton(Section::Subscriptions)->setVisible(signedIn);
    sectionButton(Section::ContinueWatching)->setVisible(signedIn);
    if (!signedIn && (m_section == Section::Subscriptions || m_section == Section::ContinueWatching))
        setSection(Section::Newest);
    else if (m_loaded)
        load(); // what the account sees (its private videos, its feed) changed
}

void HomePage::setSection(Section section)
{
    m_section = section;
    m_sections->button(int(section))->setChecked(true);
    if (isVisible() || m_loaded)
        load();
}

void HomePage::refresh()
{
    load();
}

void HomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        load();
}

void HomePage::load()
{
    m_loaded = true;
    Core::CatalogClient *catalog = m_catalog;
    switch (m_section) {
    case Section::Newest:
    case Section::Popular: {
        const auto sort = m_section == Section::Popular ? Core::VideoListQuery::Sort::Popular
                                                        : Core::VideoListQuery::Sort::Newest;
        m_grid->setEmptyText(tr("No videos have been published yet."));
        m_grid->setProgress({});
        m_grid->setLoader([catalog, sort](const QString &cursor, QObject *context, VideoGrid::PageCallback done) {
            Core::VideoListQuery query;
            query.sort = sort;
            query.limit = PageSize;
            query.cursor = cursor;
            catalog->listVideos(query, context, std::move(done));
        });
        break;
    }
    case Section::Subscriptions:
        m_grid->setEmptyText(tr("The channels you subscribe to have no videos yet."));
        m_grid->setProgress({});
        m_grid->setLoader([catalog](const QString &cursor, QObject *context, VideoGrid::PageCallback done) {
            catalog->subscriptionFeed(cursor, PageSize, context, std::move(done));
        });
        break;
    case Section::ContinueWatching:
        m_grid->setEmptyText(tr("Videos you started watching appear here."));
        m_grid->setLoader([this, catalog](const QString &cursor, QObject *context, VideoGrid::PageCallback done) {
            catalog->continueWatching(cursor, PageSize, context,
                                      [this, done](const Core::WatchEntryPage &entries, const Core::ApiError &error) {
                                          Core::VideoPage page;
                                          page.nextCursor = entries.nextCursor;
                                          QHash<QString, double> progress;
                                          for (const Core::WatchEntry &entry : entries.items) {
                                              page.items.append(entry.video);
                                              if (entry.video.durationMs > 0)
                                                  progress.insert(entry.video.id, double(entry.positionMs)
                                                                                      / entry.video.durationMs);
                                          }
                                          m_grid->setProgress(progress);
                                          done(page, error);
                                      });
        });
        break;
    }
}

void HomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
