#include "app/browse/commentsection.h"

#include "app/browse/commentview.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int PageSize = 20;
}

CommentSection::CommentSection(Core::CatalogClient *catalog, Core::AuthService *auth, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_auth(auth)
    , m_count(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_post(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_list(new QWidget(this))
    , m_listLayout(new QVBoxLayout(m_list))
    , m_more(new QPushButton(this))
{
    setObjectName(QStringLiteral("commentSection"));
    m_count->setObjectName(QStringLiteral("commentCount"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    m_editor->setObjectName(QStringLiteral("commentEditor"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMaximumHeight(m_editor->fontMetrics().height() * 5);
    m_post->setObjectName(QStringLiteral("postCommentButton"));
    m_status->setObjectName(QStringLiteral("commentStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    m_more->setObjectName(QStringLiteral("moreCommentsButton"));
    m_more->hide();
    m_listLayout->setContentsMargins(0, 0, 0, 0);
    m_listLayout->setSpacing(fontMetrics().height() / 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_count);
    layout->addWidget(m_editor);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_post);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_list);
    layout->addWidget(m_more, 0, Qt::AlignHCenter);

    connect(m_post, &QPushButton::clicked, this, [this] { post(m_editor->toPlainText()); });
    connect(m_more, &QPushButton::clicked, this, [this] { loadPage(m_cursor); });
    auto refreshActions = [this] {
        for (CommentView *view : comments())
            view->updateActions();
    };
    connect(m_auth, &Core::AuthService::signedIn, this, refreshActions);
    connect(m_auth, &Core::AuthService::signedOut, this, refreshActions);
    retranslateUi();
}

void CommentSection::retranslateUi()
{
    m_editor->setPlaceholderText(tr("Add a comment…"));
    m_editor->setAccessibleName(tr("Comment"));
    m_post->setText(tr("Comment"));
    m_more->setText(tr("More comments"));
    updateCount();
}

QList<CommentView *> CommentSection::comments() const
{
    return m_list->findChildren<CommentView *>(QString(), Qt::FindDirectChildrenOnly);
}

QString CommentSection::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

void CommentSection::updateCount()
{
    const int total = int(m_total);
    m_count->setText(total == 1 ? tr("%n comment", "", total) : tr("%n comments", "", total));
}

void CommentSection::showError(const QString &message)
{
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

void CommentSection::setVideo(const QString &videoId, qint64 commentCount)
{
    delete m_requestContext;
    m_requestContext = new QObject(this);
    const QList<CommentView *> old = comments();
    qDeleteAll(old);
    m_videoId = videoId;
    m_total = commentCount;
    m_cursor.clear();
    m_editor->clear();
    m_more->hide();
    showError(QString());
    updateCount();
    if (!videoId.isEmpty())
        loadPage(QString());
}

void CommentSection::loadPage(const QString &cursor)
{
    m_more->setEnabled(false);
    m_catalog->comments(m_videoId, cursor, PageSize, m_requestContext,
                        [this](const Core::CommentPage &page, const Core::ApiError &error) {
                            m_more->setEnabled(true);
                            if (!error.code.isEmpty()) {
                                showError(tr("The comments could not be loaded: %1").arg(error.message));
                                return;
                            }
                            showError(QString());
                            const QList<CommentView *> existing = comments();
                            for (const Core::VideoComment &comment : page.items) {
                                const bool known = std::any_of(existing.begin(), existing.end(), [&](CommentView *v) {
                                    return v->comment().id == comment.id;
                                });
                                if (!known)
                                    addComment(comment, false);
                            }
                            m_cursor = page.nextCursor;
                            m_more->setVisible(!m_cursor.isEmpty());
                        });
}

CommentView *CommentSection::addComment(const Core::VideoComment &comment, bool atTop)
{
    auto *view = new CommentView(comment, m_catalog, m_auth, m_list);
    connect(view, &CommentView::signInRequested, this, &CommentSection::signInRequested);
    connect(view, &CommentView::failed, this, &CommentSection::showError);
    connect(view, &CommentView::removed, this, [this, view] {
        view->deleteLater();
        m_total = qMax<qint64>(0, m_total - 1);
        updateCount();
    });
    if (atTop)
        m_listLayout->insertWidget(0, view);
    else
        m_listLayout->addWidget(view);
    return view;
}

void CommentSection::post(const QString &body)
{
    if (!m_auth->isSignedIn()) {
        Q_EMIT signInRequested();
        return;
    }
    const QString text = body.trimmed();
    if (text.isEmpty() || m_videoId.isEmpty())
        return;
    m_post->setEnabled(false);
    m_catalog->postComment(m_videoId, text, QString(), m_requestContext,
                           [this](const Core::VideoComment &comment, const Core::ApiError &error) {
                               m_post->setEnabled(true);
                               if (!error.code.isEmpty()) {
                                   showError(error.message);
                                   return;
                               }
                               showError(QString());
                               m_editor->clear();
                               addComment(comment, true);
                               ++m_total;
                               updateCount();
                           });
}

void CommentSection::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
