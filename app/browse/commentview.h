#pragma once

#include "core/net/videocomment.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace Kinora::Core {
class AuthService;
class CatalogClient;
}

namespace Kinora::App {

// One comment: author, age, body, and its actions. The author may edit and
// delete it; anybody signed in may reply to a top-level comment, whose
// replies load below it when asked for (threads have two levels).
class CommentView : public QWidget
{
    Q_OBJECT
public:
    CommentView(const Core::VideoComment &comment, Core::CatalogClient *catalog, Core::AuthService *auth,
                QWidget *parent = nullptr);

    Core::VideoComment comment() const { return m_comment; }
    QString bodyText() const;
    QList<CommentView *> replies() const;
    QToolButton *editButton() const { return m_edit; }
    QToolButton *deleteButton() const { return m_delete; }
    QToolButton *replyButton() const { return m_reply; }
    QToolButton *repliesButton() const { return m_showReplies; }

    void showReplies();
    // Opens the editor for a reply (top-level) and sends it.
    void postReply(const QString &body);
    void saveEdit(const QString &body);
    void remove();
    // The signed-in user changed: own comments get their actions.
    void updateActions();

Q_SIGNALS:
    void signInRequested();
    void removed(const QString &commentId);
    void failed(const QString &message);

private:
    void applyComment(const Core::VideoComment &comment);
    void setEditing(bool editing);
    void addReply(const Core::VideoComment &reply, bool atEnd);
    void loadReplies(const QString &cursor);
    bool isOwn() const;

    Core::VideoComment m_comment;
    Core::CatalogClient *m_catalog;
    Core::AuthService *m_auth;
    QLabel *m_header;
    QLabel *m_body;
    QPlainTextEdit *m_editor;
    QWidget *m_editorButtons;
    QToolButton *m_reply;
    QToolButton *m_edit;
    QToolButton *m_delete;
    QToolButton *m_showReplies;
    QToolButton *m_moreReplies;
    QWidget *m_replyBox;
    QPlainTextEdit *m_replyEditor;
    QWidget *m_replies;
    QVBoxLayout *m_repliesLayout;
    QString m_repliesCursor;
    bool m_repliesLoaded = false;
    bool m_editing = false;
};

} // namespace Kinora::App
