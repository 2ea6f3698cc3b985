#pragma once

#include "core/net/catalogclient.h"
#include "core/net/channelsummary.h"

#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;
class QToolButton;

namespace Kinora::Core {
class AuthService;
}

namespace Kinora::App {

class ThumbnailCache;
class VideoGrid;

// One channel: its name, description and subscriber count with a Subscribe
// button (signed-out viewers are asked to sign in), and its videos, newest
// or most popular first, in an infinitely scrolling grid. Esc or the back
// button leave the page.
class ChannelPage : public QWidget
{
    Q_OBJECT
public:
    enum class Sort { Newest, Popular };
    Q_ENUM(Sort)

    ChannelPage(Core::CatalogClient *catalog, Core::AuthService *auth, ThumbnailCache *thumbnails,
                QWidget *parent = nullptr);

    // Shows the name at once (when known), then loads the channel and its videos.
    void open(const QString &channelId, const QString &channelName = QString());

    QString channelId() const { return m_channelId; }
    Core::ChannelSummary channel() const { return m_channel; }
    Core::SubscriptionState subscription() const { return m_subscription; }
    Sort sort() const { return m_sort; }
    void setSort(Sort sort);
    void toggleSubscription();

    VideoGrid *grid() const { return m_grid; }
    QPushButton *subscribeButton() const { return m_subscribe; }
    QToolButton *sortButton(Sort sort) const;
    QString nameText() const;
    QString subscriberText() const;

Q_SIGNALS:
    void videoActivated(const Kinora::Core::VideoSummary &video);
    void backRequested();
    void signInRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showChannel();
    void showSubscription();
    void refreshSubscription();
    void loadVideos();
    void showNotice(const QString &text);

    Core::CatalogClient *m_catalog;
    Core::AuthService *m_auth;
    QToolButton *m_back;
    QLabel *m_name;
    QLabel *m_subscribers;
    QLabel *m_description;
    QLabel *m_notice;
    QPushButton *m_subscribe;
    QButtonGroup *m_sorts;
    VideoGrid *m_grid;
    QPointer<QObject> m_requestContext; // replaced on open, so answers for another channel are dropped
    QString m_channelId;
    Core::ChannelSummary m_channel;
    Core::SubscriptionState m_subscription;
    Sort m_sort = Sort::Newest;
    bool m_subscriptionBusy = false;
};

} // namespace Kinora::App
