#include "app/browse/watchpage.h"

#include "app/browse/commentsection.h"
#include "app/browse/videoformat.h"
#include "core/net/authservice.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/ui/playerwidget.h"
#include "player/ui/serverplaybackreporter.h"
#include "player/ui/streamlimitdialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int CollapsedDescriptionLines = 3;
constexpr int CollapsedDescriptionChars = 240;

bool isError(const Core::ApiError &error)
{
    return !error.code.isEmpty();
}
} // namespace

WatchPage::WatchPage(Core::CatalogClient *catalog, Core::AuthService *auth, const Playback &playback, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_auth(auth)
    , m_playback(playback)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_details(new QScrollArea(m_splitter))
    , m_back(new QToolButton(this))
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_channel(new QLabel(this))
    , m_subscribers(new QLabel(this))
    , m_subscribe(new QPushButton(this))
    , m_like(new QToolButton(this))
    , m_dislike(new QToolButton(this))
    , m_description(new QLabel(this))
    , m_moreDescription(new QPushButton(this))
    , m_notice(new QLabel(this))
    , m_comments(new CommentSection(catalog, auth, this))
{
    setObjectName(QStringLiteral("watchPage"));
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
    layout->addWidget(m_splitter, 1);

    if (m_playback.player) {
        m_playerWidget = new Player::PlayerWidget(
            m_playback.player, m_playback.store, m_playback.reporter,
            m_playback.renderVideo ? Player::PlayerWidget::VideoOutput::Render : Player::PlayerWidget::VideoOutput::None,
            m_splitter);
        m_playerWidget->setObjectName(QStringLiteral("playerWidget"));
        m_playerWidget->setMinimumHeight(fontMetrics().height() * 10);
        m_splitter->addWidget(m_playerWidget);
        if (m_playback.sessions) {
            connect(m_playback.sessions, &Player::ServerPlaybackReporter::sessionStarted, this,
                    &WatchPage::onSessionStarted);
            connect(m_playback.sessions, &Player::ServerPlaybackReporter::streamLimitReached, this,
                    &WatchPage::onStreamLimitReached);
            connect(m_playback.sessions, &Player::ServerPlaybackReporter::reportingFailed, this,
                    &WatchPage::onSessionFailed);
        }
    } else {
        auto *unavailable = new QLabel(tr("Playback is not available: the video player could not be started."),
                                       m_splitter);
        unavailable->setAlignment(Qt::AlignCenter);
        unavailable->setWordWrap(true);
        m_splitter->addWidget(unavailable);
    }

    auto *details = new QWidget(m_details);
    auto *detailsLayout = new QVBoxLayout(details);
    m_title->setObjectName(QStringLiteral("videoTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setObjectName(QStringLiteral("videoMeta"));
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_meta);

    auto *row = new QHBoxLayout;
    m_channel->setObjectName(QStringLiteral("channelName"));
    m_channel->setTextFormat(Qt::RichText);
    m_channel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    QFont channelFont = m_channel->font();
    channelFont.setBold(true);
    m_channel->setFont(channelFont);
    m_subscribers->setObjectName(QStringLiteral("subscriberCount"));
    m_subscribers->setForegroundRole(QPalette::PlaceholderText);
    m_subscribe->setObjectName(QStringLiteral("subscribeButton"));
    m_subscribe->setCheckable(true);
    m_like->setObjectName(QStringLiteral("likeButton"));
    m_dislike->setObjectName(QStringLiteral("dislikeButton"));
    for (QToolButton *button : {m_like, m_dislike}) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    auto *channelBox = new QVBoxLayout;
    channelBox->setSpacing(0);
    channelBox->addWidget(m_channel);
    channelBox->addWidget(m_subscribers);
    row->addLayout(channelBox);
    row->addWidget(m_subscribe);
    row->addStretch(1);
    m_actionRow = row;
    row->addWidget(m_like);
    row->addWidget(m_dislike);
    detailsLayout->addLayout(row);

    m_notice->setObjectName(QStringLiteral("watchNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    detailsLayout->addWidget(m_notice);

    m_description->setObjectName(QStringLiteral("videoDescription"));
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::RichText);
    m_description->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_description->setOpenExternalLinks(true);
    m_description->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_moreDescription->setObjectName(QStringLiteral("moreDescriptionButton"));
    m_moreDescription->setFlat(true);
    detailsLayout->addWidget(m_description);
    detailsLayout->addWidget(m_moreDescription, 0, Qt::AlignLeft);
    detailsLayout->addSpacing(fontMetrics().height());
    detailsLayout->addWidget(m_comments);
    detailsLayout->addStretch(1);
    m_details->setWidget(details);
    m_details->setWidgetResizable(true);
    m_details->setFrameShape(QFrame::NoFrame);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    connect(m_back, &QToolButton::clicked, this, &WatchPage::backRequested);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &WatchPage::backRequested);
    connect(m_like, &QToolButton::clicked, this, [this] {
        setRating(m_rating.rating == Core::RatingState::Rating::Like ? Core::RatingState::Rating::None
                                                                      : Core::RatingState::Rating::Like);
    });
    connect(m_dislike, &QToolButton::clicked, this, [this] {
        setRating(m_rating.rating == Core::RatingState::Rating::Dislike ? Core::RatingState::Rating::None
                                                                         : Core::RatingState::Rating::Dislike);
    });
    connect(m_subscribe, &QPushButton::clicked, this, &WatchPage::toggleSubscription);
    connect(m_channel, &QLabel::linkActivated, this, [this] {
        if (!m_video.channelId.isEmpty())
            Q_EMIT channelActivated(m_video.channelId, m_video.channelName);
    });
    connect(m_moreDescription, &QPushButton::clicked, this, [this] {
        m_descriptionExpanded = !m_descriptionExpanded;
        updateDescription();
    });
    connect(m_comments, &CommentSection::signInRequested, this, &WatchPage::signInRequested);
    connect(m_auth, &Core::AuthService::signedIn, this, &WatchPage::refreshViewerState);
    connect(m_auth, &Core::AuthService::signedOut, this, &WatchPage::refreshViewerState);
    retranslateUi();
}

WatchPage::~WatchPage()
{
    stop();
}

QString WatchPage::titleText() const
{
    return m_title->text();
}

void WatchPage::retranslateUi()
{
    m_back->setText(tr("← Back"));
    m_back->setToolTip(tr("Back (Esc)"));
    m_like->setToolTip(tr("I like this"));
    m_dislike->setToolTip(tr("I dislike this"));
    showVideo();
    showRating();
    showSubscription();
}

void WatchPage::open(const Core::VideoSummary &video)
{
    delete m_requestContext;
    m_requestContext = new QObject(this);
    m_video = video;
    m_rating = Core::RatingState{Core::RatingState::Rating::None, video.likeCount, video.dislikeCount};
    m_subscription = Core::SubscriptionState{};
    m_descriptionExpanded = false;
    m_ratingBusy = false;
    m_subscriptionBusy = false;
    showNotice(QString());
    showVideo();
    showRating();
    showSubscription();
    m_comments->setVideo(video.id, video.commentCount);
    m_details->verticalScrollBar()->setValue(0);

    if (m_playerWidget && m_playback.sessions) {
        // The session answers with the URL to play (signed when the video is
        // not public); playback starts in onSessionStarted().
        m_awaitingSessionFor = video.id;
        m_playback.sessions->startSession(video.id);
    } else {
        playUrl(m_catalog->playbackUrl(video));
    }

    m_catalog->video(video.id, m_requestContext, [this](const Core::VideoSummary &fresh, const Core::ApiError &error) {
        if (isError(error)) {
            showNotice(error.message);
            return;
        }
        m_video = fresh;
        showVideo();
    });
    refreshViewerState();
}

void WatchPage::playUrl(const QUrl &url)
{
    m_awaitingSessionFor.clear();
    m_playingUrl = url;
    if (m_playerWidget)
        m_playerWidget->play(m_playingUrl, m_video.id);
}

void WatchPage::onSessionStarted(const QString &sessionId, const QUrl &masterUrl, bool restarted)
{
    Q_UNUSED(sessionId)
    if (restarted || m_awaitingSessionFor.isEmpty() || m_awaitingSessionFor != m_video.id)
        return;
    playUrl(masterUrl.isValid() && !masterUrl.isEmpty() ? masterUrl : m_catalog->playbackUrl(m_video));
}

void WatchPage::onStreamLimitReached(const QString &videoId, const QList<Core::ActivePlaybackSession> &sessions)
{
    if (videoId != m_awaitingSessionFor)
        return;
    showNotice(tr("This account is already watching on as many devices as it may."));
    auto *dialog = new Player::StreamLimitDialog(sessions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &Player::StreamLimitDialog::stopRequested, this, [this](const QString &otherSessionId) {
        showNotice(QString());
        m_playback.sessions->stopSessionAndRetry(otherSessionId);
    });
    dialog->open();
}

void WatchPage::onSessionFailed(const QString &message)
{
    if (m_awaitingSessionFor.isEmpty() || m_awaitingSessionFor != m_video.id)
        return;
    // Without a session a public video still plays from its plain address;
    // anything else gets the server's reason.
    if (m_video.visibility.isEmpty() || m_video.visibility == QLatin1String("public")) {
        playUrl(m_catalog->playbackUrl(m_video));
        return;
    }
    m_awaitingSessionFor.clear();
    showNotice(tr("This video cannot be played: %1").arg(message));
}

void WatchPage::refreshViewerState()
{
    if (m_video.id.isEmpty())
        return;
    m_catalog->rating(m_video.id, m_requestContext, [this](const Core::RatingState &state, const Core::ApiError &error) {
        if (isError(error))
            return;
        m_rating = state;
        showRating();
    });
    if (!m_video.channelId.isEmpty()) {
        m_catalog->subscription(m_video.channelId, m_requestContext,
                                [this](const Core::SubscriptionState &state, const Core::ApiError &error) {
                                    if (isError(error))
                                        return;
                                    m_subscription = state;
                                    showSubscription();
                                });
    }
    showSubscription();
}

void WatchPage::stop()
{
    if (!m_awaitingSessionFor.isEmpty()) {
        // Left before the session answered: it is closed as soon as it opens.
        m_awaitingSessionFor.clear();
        if (m_playback.sessions && m_playingUrl.isEmpty())
            m_playback.sessions->closeSession(Player::PlaybackHeartbeat());
    }
    if (!m_playerWidget || m_playingUrl.isEmpty())
        return;
    m_playerWidget->close();
    if (!m_playerWidget->isPaused())
        m_playerWidget->togglePause();
    m_playingUrl.clear();
    // Where the viewer stopped, for "continue watching" on any device.
    const qint64 positionMs = qint64(m_playback.player->position() * 1000.0);
    if (m_auth->isSignedIn() && positionMs > 0 && !m_video.id.isEmpty())
        m_catalog->recordProgress(m_video.id, positionMs, m_catalog, [](const Core::WatchEntry &, const Core::ApiError &) {});
}

void WatchPage::showVideo()
{
    m_title->setText(m_video.title);
    const QString age = VideoFormat::age(m_video.publishedAt);
    m_meta->setText(age.isEmpty() ? VideoFormat::views(m_video.viewCount)
                                  : tr("%1 · %2", "views · age").arg(VideoFormat::views(m_video.viewCount), age));
    m_channel->setText(m_video.channelId.isEmpty()
                           ? m_video.channelName.toHtmlEscaped()
                           : QStringLiteral("<a href=\"channel\">%1</a>")
                                 .arg(m_video.channelName.toHtmlEscaped()));
    m_channel->setToolTip(m_video.channelId.isEmpty() ? QString() : tr("Open the channel"));
    updateDescription();
}

void WatchPage::updateDescription()
{
    const QString text = m_video.description.trimmed();
    const bool long_ = text.count(QLatin1Char('\n')) >= CollapsedDescriptionLines
                       || text.size() > CollapsedDescriptionChars;
    m_description->setVisible(!text.isEmpty());
    m_moreDescription->setVisible(long_);
    m_moreDescription->setText(m_descriptionExpanded ? tr("Show less") : tr("Show more"));
    const int lineHeight = m_description->fontMetrics().lineSpacing();
    m_description->setMaximumHeight(long_ && !m_descriptionExpanded ? lineHeight * CollapsedDescriptionLines
                                                                     : QWIDGETSIZE_MAX);
    m_description->setText(VideoFormat::linkified(text));
}

void WatchPage::showRating()
{
    m_like->setText(tr("Like %1").arg(VideoFormat::count(m_rating.likeCount)));
    m_dislike->setText(tr("Dislike %1").arg(VideoFormat::count(m_rating.dislikeCount)));
    m_like->setChecked(m_rating.rating == Core::RatingState::Rating::Like);
    m_dislike->setChecked(m_rating.rating == Core::RatingState::Rating::Dislike);
    m_like->setEnabled(!m_ratingBusy);
    m_dislike->setEnabled(!m_ratingBusy);
}

void WatchPage::showSubscription()
{
    const int subscribers = int(qMin<qint64>(m_subscription.subscriberCount, INT_MAX));
    m_subscribers->setText(subscribers == 1 ? tr("%n subscriber", "", subscribers)
                                            : tr("%n subscribers", "", subscribers));
    const bool own = m_auth->isSignedIn() && m_auth->user().id == m_video.ownerId;
    m_subscribe->setVisible(!own && !m_video.channelId.isEmpty());
    m_subscribe->setChecked(m_subscription.subscribed);
    m_subscribe->setText(m_subscription.subscribed ? tr("Subscribed") : tr("Subscribe"));
    m_subscribe->setEnabled(!m_subscriptionBusy);
}

void WatchPage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void WatchPage::setRating(Core::RatingState::Rating rating)
{
    if (!m_auth->isSignedIn()) {
        showRating(); // undo the button's own toggle
        Q_EMIT signInRequested();
        return;
    }
    if (m_video.id.isEmpty() || m_ratingBusy)
        return;
    m_ratingBusy = true;
    showRating();
    m_catalog->setRating(m_video.id, rating, m_requestContext,
                         [this](const Core::RatingState &state, const Core::ApiError &error) {
                             m_ratingBusy = false;
                             if (isError(error))
                                 showNotice(tr("Your rating was not saved: %1").arg(error.message));
                             else
                                 m_rating = state;
                             showRating();
                         });
}

void WatchPage::toggleSubscription()
{
    if (!m_auth->isSignedIn()) {
        showSubscription();
        Q_EMIT signInRequested();
        return;
    }
    if (m_video.channelId.isEmpty() || m_subscriptionBusy)
        return;
    m_subscriptionBusy = true;
    showSubscription();
    m_catalog->setSubscribed(m_video.channelId, !m_subscription.subscribed, m_requestContext,
                             [this](const Core::SubscriptionState &state, const Core::ApiError &error) {
                                 m_subscriptionBusy = false;
                                 if (isError(error))
                                     showNotice(tr("The subscription was not changed: %1").arg(error.message));
                                 else
                                     m_subscription = state;
                                 showSubscription();
                             });
}

void WatchPage::addActionWidget(QWidget *widget)
{
    m_actionRow->insertWidget(m_actionRow->indexOf(m_like), widget);
}

void WatchPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_splitterSized || m_splitter->height() <= 0)
        return;
    // The video as large as 16:9 allows, but leave room to see the title and actions.
    const int total = m_splitter->height();
    const int player = qMin(m_splitter->width() * 9 / 16 + fontMetrics().height() * 3, total * 11 / 20);
    m_splitter->setSizes({player, total - player});
    m_splitterSized = true;
}

void WatchPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    // Rich-text labels keep the link colour of the palette they were laid
    // out with: lay them out again in the new one (light/dark switch).
    if (event->type() == QEvent::PaletteChange && !m_video.id.isEmpty()) {
        m_channel->setText(QString());
        m_description->setText(QString());
        showVideo();
    }
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
