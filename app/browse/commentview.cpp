#include "app/browse/commentview.h"

#include "app/browse/videoformat.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int RepliesPageSize = 20;

QToolButton *flatButton(QWidget *parent, const char *name)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setCursor(Qt::PointingHandCursor);
    return button;
}

QPlainTextEdit *smallEditor(QWidget *parent)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setTabChangesFocus(true);
    editor->setMaximumHeight(editor->fontMetrics().height() * 5);
    return editor;
}
} // namespace

CommentView::CommentView(const Core::VideoComment &comment, Core::CatalogClient *catalog, Core::AuthService *auth,
                         QWidget *parent)
    : QWidget(parent)
    , m_comment(comment)
    , m_catalog(catalog)
    , m_auth(auth)
    , m_header(new QLabel(this))
    , m_body(new QLabel(this))
    , m_editor(smallEditor(this))
    , m_editorButtons(new QWidget(this))
    , m_reply(flatButton(this, "replyButton"))
    , m_edit(flatButton(this, "editButton"))
    , m_delete(flatButton(this, "deleteButton"))
    , m_showReplies(flatButton(this, "showRepliesButton"))
    , m_moreReplies(flatButton(this, "moreRepliesButton"))
    , m_replyBox(new QWidget(this))
    , m_replyEditor(smallEditor(m_replyBox))
    , m_replies(new QWidget(this))
    , m_repliesLayout(new QVBoxLayout(m_replies))
{
    setObjectName(QStringLiteral("commentView"));
    m_body->setObjectName(QStringLiteral("commentBody"));
    m_body->setTextFormat(Qt::PlainText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setTextFormat(Qt::RichText);
    m_header->setForegroundRole(QPalette::PlaceholderText);
    m_editor->setObjectName(QStringLiteral("commentEditEditor"));
    m_editor->hide();
    m_replyEditor->setObjectName(QStringLiteral("replyEditor"));
    m_replyEditor->setPlaceholderText(tr("Add a reply…"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_body);
    layout->addWidget(m_editor);

    auto *editorButtons = new QHBoxLayout(m_editorButtons);
    editorButtons->setContentsMargins(0, 0, 0, 0);
    auto *save = new QPushButton(tr("Save"), m_editorButtons);
    save->setObjectName(QStringLiteral("saveEditButton"));
    auto *cancel = new QPushButton(tr("Cancel"), m_editorButtons);
    editorButtons->addStretch(1);
    editorButtons->addWidget(cancel);
    editorButtons->addWidget(save);
    m_editorButtons->hide();
    layout->addWidget(m_editorButtons);
    connect(save, &QPushButton::clicked, this, [this] { saveEdit(m_editor->toPlainText()); });
    connect(cancel, &QPushButton::clicked, this, [this] { setEditing(false); });

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(m_reply);
    actions->addWidget(m_showReplies);
    actions->addWidget(m_edit);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_reply->setText(tr("Reply"));
    m_edit->setText(tr("Edit"));
    m_delete->setText(tr("Delete"));

    auto *replyLayout = new QVBoxLayout(m_replyBox);
    const int indent = fontMetrics().height() * 2;
    replyLayout->setContentsMargins(indent, 0, 0, 0);
    replyLayout->addWidget(m_replyEditor);
    auto *replyButtons = new QHBoxLayout;
    auto *postReplyButton = new QPushButton(tr("Reply"), m_replyBox);
    postReplyButton->setObjectName(QStringLiteral("postReplyButton"));
    auto *cancelReply = new QPushButton(tr("Cancel"), m_replyBox);
    replyButtons->addStretch(1);
    replyButtons->addWidget(cancelReply);
    replyButtons->addWidget(postReplyButton);
    replyLayout->addLayout(replyButtons);
    m_replyBox->hide();
    layout->addWidget(m_replyBox);
    connect(postReplyButton, &QPushButton::clicked, this, [this] { postReply(m_replyEditor->toPlainText()); });
    connect(cancelReply, &QPushButton::clicked, this, [this] {
        m_replyEditor->clear();
        m_replyBox->hide();
    });

    m_repliesLayout->setContentsMargins(indent, 0, 0, 0);
    m_replies->hide();
    layout->addWidget(m_replies);
    m_moreReplies->setText(tr("More replies"));
    m_moreReplies->hide();
    layout->addWidget(m_moreReplies, 0, Qt::AlignLeft);

    connect(m_reply, &QToolButton::clicked, this, [this] {
        if (!m_auth->isSignedIn()) {
            Q_EMIT signInRequested();
            return;
        }
        m_replyBox->show();
        m_replyEditor->setFocus();
    });
    connect(m_edit, &QToolButton::clicked, this, [this] { setEditing(true); });
    connect(m_delete, &QToolButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete comment"), tr("Delete this comment for good?"))
            == QMessageBox::Yes)
            remove();
    });
    connect(m_showReplies, &QToolButton::clicked, this, [this] {
        if (m_replies->isVisible()) {
            m_replies->hide();
            m_moreReplies->hide();
            applyComment(m_comment);
        } else {
            showReplies();
        }
    });
    connect(m_moreReplies, &QToolButton::clicked, this, [this] { loadReplies(m_repliesCursor); });

    applyComment(comment);
}

bool CommentView::isOwn() const
{
    return m_auth->isSignedIn() && m_auth->user().id == m_comment.authorId;
}

QString CommentView::bodyText() const
{
    return m_body->text();
}

QList<CommentView *> CommentView::replies() const
{
    return m_replies->findChildren<CommentView *>(QString(), Qt::FindDirectChildrenOnly);
}

void CommentView::applyComment(const Core::VideoComment &comment)
{
    m_comment = comment;
    QString header = QStringLiteral("<b>%1</b> · %2").arg(comment.authorName.toHtmlEscaped(),
                                                           VideoFormat::age(comment.createdAt).toHtmlEscaped());
    if (comment.editedAt.isValid())
        header += QLatin1Char(' ') + tr("(edited)").toHtmlEscaped();
    m_header->setText(header);
    m_body->setText(comment.body);
    const bool topLevel = comment.parentId.isEmpty();
    m_reply->setVisible(topLevel);
    if (m_replies->isVisible())
        m_showReplies->setText(tr("Hide replies"));
    else
        m_showReplies->setText(comment.replyCount == 1 ? tr("Show %n reply", "", comment.replyCount)
                                                       : tr("Show %n replies", "", comment.replyCount));
    m_showReplies->setVisible(topLevel && (comment.replyCount > 0 || m_repliesLoaded));
    updateActions();
}

void CommentView::updateActions()
{
    const bool own = isOwn();
    m_edit->setVisible(own && !m_editing);
    m_delete->setVisible(own && !m_editing);
    for (CommentView *reply : replies())
        reply->updateActions();
}

void CommentView::setEditing(bool editing)
{
    m_editing = editing;
    m_body->setVisible(!editing);
    m_editor->setVisible(editing);
    m_editorButtons->setVisible(editing);
    if (editing) {
        m_editor->setPlainText(m_comment.body);
        m_editor->setFocus();
    }
    updateActions();
}

void CommentView::saveEdit(const QString &body)
{
    const QString text = body.trimmed();
    if (text.isEmpty())
        return;
    m_catalog->editComment(m_comment.id, text, this, [this](const Core::VideoComment &comment, const Core::ApiError &error) {
        if (!error.code.isEmpty()) {
            Q_EMIT failed(error.message);
            return;
        }
        Core::VideoComment updated = comment;
        updated.replyCount = m_comment.replyCount;
        setEditing(false);
        applyComment(updated);
    });
}

void CommentView::remove()
{
    m_catalog->deleteComment(m_comment.id, this, [this](const Core::ApiError &error) {
        if (!error.code.isEmpty()) {
            Q_EMIT failed(error.message);
            return;
        }
        Q_EMIT removed(m_comment.id);
    });
}

void CommentView::postReply(const QString &body)
{
    if (!m_auth->isSignedIn()) {
        Q_EMIT signInRequested();
        return;
    }
    const QString text = body.trimmed();
    if (text.isEmpty())
        return;
    m_catalog->postComment(m_comment.videoId, text, m_comment.id, this,
                           [this](const Core::VideoComment &reply, const Core::ApiError &error) {
                               if (!error.code.isEmpty()) {
                                   Q_EMIT failed(error.message);
                                   return;
                               }
                               m_replyEditor->clear();
                               m_replyBox->hide();
                               Core::VideoComment updated = m_comment;
                               ++updated.replyCount;
                               if (m_repliesLoaded) {
                                   addReply(reply, true);
                               } else {
                                   m_comment = updated;
                                   showReplies(); // loads them all, the new one included
                               }
                               m_comment = updated;
                               applyComment(m_comment);
                           });
}

void CommentView::showReplies()
{
    m_replies->show();
    if (!m_repliesLoaded) {
        m_repliesLoaded = true;
        loadReplies(QString());
    }
    applyComment(m_comment);
}

void CommentView::loadReplies(const QString &cursor)
{
    m_catalog->replies(m_comment.id, cursor, RepliesPageSize, this,
                       [this](const Core::CommentPage &page, const Core::ApiError &error) {
                           if (!error.code.isEmpty()) {
                               Q_EMIT failed(error.message);
                               return;
                           }
                           const QList<CommentView *> existing = replies();
                           for (const Core::VideoComment &reply : page.items) {
                               const bool known = std::any_of(existing.begin(), existing.end(), [&](CommentView *view) {
                                   return view->comment().id == reply.id;
                               });
                               if (!known)
                                   addReply(reply, true);
                           }
                           m_repliesCursor = page.nextCursor;
                           m_moreReplies->setVisible(!m_repliesCursor.isEmpty());
                       });
}

void CommentView::addReply(const Core::VideoComment &reply, bool atEnd)
{
    auto *view = new CommentView(reply, m_catalog, m_auth, m_replies);
    connect(view, &CommentView::signInRequested, this, &CommentView::signInRequested);
    connect(view, &CommentView::failed, this, &CommentView::failed);
    connect(view, &CommentView::removed, this, [this, view] {
        view->deleteLater();
        m_comment.replyCount = qMax(0, m_comment.replyCount - 1);
        applyComment(m_comment);
    });
    if (atEnd)
        m_repliesLayout->addWidget(view);
    else
        m_repliesLayout->insertWidget(0, view);
}

} // namespace Kinora::App
