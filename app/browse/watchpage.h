#pragma once

#include "core/net/catalogclient.h"
#include "core/net/playbacksession.h"
#include "core/net/videosummary.h"

#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;
class QToolButton;

namespace Kinora::Core {
class AuthService;
}

namespace Kinora::Player {
class MpvHlsPlayer;
class PlaybackReporter;
class PlaybackStateStore;
class PlayerWidget;
class ServerPlaybackReporter;
}

namespace Kinora::App {

class CommentSection;

// Watching one video: the player on top; below it the title, views and age,
// the channel with its subscribe button, like and dislike with their counts,
// the description (expandable, links open in the browser) and the comments.
// Signed-out users are asked to sign in when they rate, subscribe or post.
// Esc or the back button leave the page; the channel's name opens the channel.
class WatchPage : public QWidget
{
    Q_OBJECT
public:
    // The playback side, owned by the caller; player null: no playback.
    struct Playback
    {
        Player::MpvHlsPlayer *player = nullptr;
        Player::PlaybackStateStore *store = nullptr;
        Player::PlaybackReporter *reporter = nullptr;
        // When set (and also the reporter), the video plays from the master URL
        // of a playback session the page opens first (signed for private media).
        Player::ServerPlaybackReporter *sessions = nullptr;
        bool renderVideo = true; // false: vo=null (tests)
    };

    WatchPage(Core::CatalogClient *catalog, Core::AuthService *auth, const Playback &playback,
              QWidget *parent = nullptr);
    ~WatchPage() override;

    // Shows what the summary says at once, then refreshes it, the rating and
    // the subscription from the server, plays the video and loads comments.
    void open(const Core::VideoSummary &video);
    // Stops playing (leaving the page).
    void stop();

    Core::VideoSummary video() const { return m_video; }
    Player::PlayerWidget *playerWidget() const { return m_playerWidget; }
    Player::MpvHlsPlayer *player() const { return m_playback.player; }
    CommentSection *comments() const { return m_comments; }
    QToolButton *likeButton() const { return m_like; }
    QToolButton *dislikeButton() const { return m_dislike; }
    QPushButton *subscribeButton() const { return m_subscribe; }
    Core::RatingState rating() const { return m_rating; }
    Core::SubscriptionState subscription() const { return m_subscription; }
    QString titleText() const;
    QUrl playingUrl() const { return m_playingUrl; }

    void setRating(Core::RatingState::Rating rating);
    void toggleSubscription();
    // Puts a widget into the row of actions, before like and dislike (e.g. "Save").
    void addActionWidget(QWidget *widget);

Q_SIGNALS:
    void backRequested();
    void signInRequested();
    void channelActivated(const QString &channelId, const QString &channelName);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslateUi();
    void showVideo();
    void showRating();
    void showSubscription();
    void updateDescription();
    void showNotice(const QString &text);
    void refreshViewerState();
    void playUrl(const QUrl &url);
    void onSessionStarted(const QString &sessionId, const QUrl &masterUrl, bool restarted);
    void onStreamLimitReached(const QString &videoId, const QList<Kinora::Core::ActivePlaybackSession> &sessions);
    void onSessionFailed(const QString &message);

    Core::CatalogClient *m_catalog;
    Core::AuthService *m_auth;
    Playback m_playback;
    QString m_awaitingSessionFor; // video id whose session start is pending
    Player::PlayerWidget *m_playerWidget = nullptr;
    QSplitter *m_splitter;
    QScrollArea *m_details;
    QToolButton *m_back;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_channel;
    QLabel *m_subscribers;
    QPushButton *m_subscribe;
    QHBoxLayout *m_actionRow = nullptr;
    QToolButton *m_like;
    QToolButton *m_dislike;
    QLabel *m_description;
    QPushButton *m_moreDescription;
    QLabel *m_notice;
    CommentSection *m_comments;
    QPointer<QObject> m_requestContext;
    Core::VideoSummary m_video;
    Core::RatingState m_rating;
    Core::SubscriptionState m_subscription;
    QUrl m_playingUrl;
    bool m_descriptionExpanded = false;
    bool m_splitterSized = false;
    bool m_ratingBusy = false;
    bool m_subscriptionBusy = false;
};

} // namespace Kinora::App
