#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace Kinora::Core {
class AuthService;
class CatalogClient;
struct VideoComment;
}

namespace Kinora::App {

class CommentView;

// The comments under a video: a count, a field to add one (signed-out users
// are asked to sign in when they post), and the top-level comments newest
// first with a button for the next page.
class CommentSection : public QWidget
{
    Q_OBJECT
public:
    CommentSection(Core::CatalogClient *catalog, Core::AuthService *auth, QWidget *parent = nullptr);

    void setVideo(const QString &videoId, qint64 commentCount);
    QString videoId() const { return m_videoId; }
    QList<CommentView *> comments() const;
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *postButton() const { return m_post; }
    QString statusText() const;

    void post(const QString &body);

Q_SIGNALS:
    void signInRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadPage(const QString &cursor);
    CommentView *addComment(const Core::VideoComment &comment, bool atTop);
    void updateCount();
    void showError(const QString &message);

    Core::CatalogClient *m_catalog;
    Core::AuthService *m_auth;
    QLabel *m_count;
    QPlainTextEdit *m_editor;
    QPushButton *m_post;
    QLabel *m_status;
    QWidget *m_list;
    QVBoxLayout *m_listLayout;
    QPushButton *m_more;
    QPointer<QObject> m_requestContext;
    QString m_videoId;
    QString m_cursor;
    qint64 m_total = 0;
};

} // namespace Kinora::App
