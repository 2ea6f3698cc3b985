#include "app/library/channelpage.h"

#include "app/browse/videogrid.h"
#include "core/net/authservice.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int PageSize = 24;

bool isError(const Core::ApiError &error)
{
    return !error.code.isEmpty();
}
} // namespace

ChannelPage::ChannelPage(Core::CatalogClient *catalog, Core::AuthService *auth, ThumbnailCache *thumbnails,
                         QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_auth(auth)
    , m_back(new QToolButton(this))
    , m_name(new QLabel(this))
    , m_subscribers(new QLabel(this))
    , m_description(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_subscribe(new QPushButton(this))
    , m_sorts(new QButtonGroup(this))
    , m_grid(new VideoGrid(catalog, thumbnails, this))
{
    setObjectName(QStringLiteral("channelPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(6, 6, 6, 0);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_back->setAutoRaise(true);
    m_back->setToolButtonStyle(Qt::ToolButtonTextOnly);
    top->addWidget(m_back);
    top->addStretch(1);
    layout->addLayout(top);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(12, 0, 12, 0);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    m_name->setObjectName(QStringLiteral("channelTitle"));
    m_name->setTextFormat(Qt::PlainText);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_subscribers->setObjectName(QStringLiteral("subscriberCount"));
    m_subscribers->setForegroundRole(QPalette::PlaceholderText);
    names->addWidget(m_name);
    names->addWidget(m_subscribers);
    header->addLayout(names, 1);
    m_subscribe->setObjectName(QStringLiteral("subscribeButton"));
    m_subscribe->setCheckable(true);
    header->addWidget(m_subscribe, 0, Qt::AlignVCenter);
    layout->addLayout(header);

    m_description->setObjectName(QStringLiteral("channelDescription"));
    m_description->setTextFormat(Qt::PlainText);
    m_description->setWordWrap(true);
    m_description->setContentsMargins(12, 0, 12, 0);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);
    m_notice->setObjectName(QStringLiteral("channelNotice"));
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(12, 0, 12, 0);
    m_notice->hide();
    layout->addWidget(m_notice);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 0, 6, 0);
    const char *const sortNames[] = {"newestButton", "popularButton"};
    for (int i = 0; i < 2; ++i) {
        auto *button = new QToolButton(this);
        button->setObjectName(QLatin1String(sortNames[i]));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_sorts->addButton(button, i);
        bar->addWidget(button);
    }
    bar->addStretch(1);
    m_sorts->button(int(Sort::Newest))->setChecked(true);
    layout->addLayout(bar);
    layout->addWidget(m_grid, 1);

    connect(m_back, &QToolButton::clicked, this, &ChannelPage::backRequested);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ChannelPage::backRequested);
    connect(m_sorts, &QButtonGroup::idClicked, this, [this](int id) { setSort(Sort(id)); });
    connect(m_subscribe, &QPushButton::clicked, this, &ChannelPage::toggleSubscription);
    connect(m_grid, &VideoGrid::videoActivated, this, &ChannelPage::videoActivated);
    connect(m_auth, &Core::AuthService::signedIn, this, &ChannelPage::refreshSubscription);
    connect(m_auth, &Core::AuthService::signedOut, this, &ChannelPage::refreshSubscription);
    retranslateUi();
}

QToolButton *ChannelPage::sortButton(Sort sort) const
{
    return qobject_cast<QToolButton *>(m_sorts->button(int(sort)));
}

QString ChannelPage::nameText() const
{
    return m_name->text();
}

QString ChannelPage::subscriberText() const
{
    return m_subscribers->text();
}

void ChannelPage::retranslateUi()
{
    m_back->setText(tr("← Back"));
    m_back->setToolTip(tr("Back (Esc)"));
    sortButton(Sort::Newest)->setText(tr("Newest"));
    sortButton(Sort::Popular)->setText(tr("Popular"));
    m_grid->setEmptyText(tr("This channel has no videos yet."));
    showSubscription();
}

void ChannelPage::open(const QString &channelId, const QString &channelName)
{
    delete m_requestContext;
    m_requestContext = new QObject(this);
    m_channelId = channelId;
    m_channel = Core::ChannelSummary();
    m_channel.id = channelId;
    m_channel.name = channelName;
    m_subscription = Core::SubscriptionState();
    m_subscriptionBusy = false;
    showNotice(QString());
    showChannel();
    m_catalog->channel(channelId, m_requestContext, [this](const Core::ChannelSummary &channel, const Core::ApiError &error) {
        if (isError(error)) {
            showNotice(error.message);
            return;
        }
        m_channel = channel;
        if (!m_subscriptionBusy)
            m_subscription.subscriberCount = channel.subscriberCount;
        showChannel();
    });
    refreshSubscription();
    loadVideos();
}

void ChannelPage::setSort(Sort sort)
{
    m_sort = sort;
    m_sorts->button(int(sort))->setChecked(true);
    if (!m_channelId.isEmpty())
        loadVideos();
}

void ChannelPage::loadVideos()
{
    Core::CatalogClient *catalog = m_catalog;
    const QString channelId = m_channelId;
    const auto sort = m_sort == Sort::Popular ? Core::VideoListQuery::Sort::Popular : Core::VideoListQuery::Sort::Newest;
    m_grid->setLoader([catalog, channelId, sort](const QString &cursor, QObject *context, VideoGrid::PageCallback done) {
        Core::VideoListQuery query;
        query.sort = sort;
        query.limit = PageSize;
        query.cursor = cursor;
        catalog->channelVideos(channelId, query, context, std::move(done));
    });
}

void ChannelPage::refreshSubscription()
{
    if (m_channelId.isEmpty())
        return;
    m_catalog->subscription(m_channelId, m_requestContext,
                            [this](const Core::SubscriptionState &state, const Core::ApiError &error) {
                                if (isError(error) || m_subscriptionBusy)
                                    return;
                                m_subscription = state;
                                showSubscription();
                            });
    showSubscription();
}

void ChannelPage::showChannel()
{
    m_name->setText(m_channel.name);
    m_description->setText(m_channel.description.trimmed());
    m_description->setVisible(!m_channel.description.trimmed().isEmpty());
    showSubscription();
}

void ChannelPage::showSubscription()
{
    const int subscribers = int(qMin<qint64>(m_subscription.subscriberCount, INT_MAX));
    m_subscribers->setText(subscribers == 1 ? tr("%n subscriber", "", subscribers)
                                            : tr("%n subscribers", "", subscribers));
    const bool own = m_auth->isSignedIn() && !m_channel.ownerId.isEmpty() && m_auth->user().id == m_channel.ownerId;
    m_subscribe->setVisible(!own && !m_channelId.isEmpty());
    m_subscribe->setChecked(m_subscription.subscribed);
    m_subscribe->setText(m_subscription.subscribed ? tr("Subscribed") : tr("Subscribe"));
    m_subscribe->setEnabled(!m_subscriptionBusy);
}

void ChannelPage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ChannelPage::toggleSubscription()
{
    if (!m_auth->isSignedIn()) {
        showSubscription(); // undo the button's own toggle
        Q_EMIT signInRequested();
        return;
    }
    if (m_channelId.isEmpty() || m_subscriptionBusy)
        return;
    m_subscriptionBusy = true;
    showSubscription();
    m_catalog->setSubscribed(m_channelId, !m_subscription.subscribed, m_requestContext,
                             [this](const Core::SubscriptionState &state, const Core::ApiError &error) {
                                 m_subscriptionBusy = false;
                                 if (isError(error))
                                     showNotice(tr("The subscription was not changed: %1").arg(error.message));
                                 else
                                     m_subscription = state;
                                 showSubscription();
                             });
}

void ChannelPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
