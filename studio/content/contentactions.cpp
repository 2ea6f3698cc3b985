#include "studio/content/contentactions.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QWidget>

namespace Kinora::Studio {

ContentActions::ContentActions(QWidget *owner)
    : QObject(owner)
    , m_owner(owner)
{
    auto makeAction = [this](const QString &name, QStyle::StandardPixmap icon, const QList<QKeySequence> &shortcuts,
                             void (ContentActions::*signal)()) {
        auto *action = new QAction(m_owner->style()->standardIcon(icon), QString(), this);
        action->setObjectName(name);
        action->setShortcuts(shortcuts);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, signal);
        m_owner->addAction(action);
        return action;
    };
    m_edit = makeAction(QStringLiteral("editAction"), QStyle::SP_FileDialogDetailedView,
                        {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}, &ContentActions::editRequested);
    m_thumbnail = makeAction(QStringLiteral("thumbnailAction"), QStyle::SP_FileDialogContentsView, {},
                             &ContentActions::thumbnailRequested);
    m_delete = makeAction(QStringLiteral("deleteAction"), QStyle::SP_TrashIcon, {QKeySequence(QKeySequence::Delete)},
                          &ContentActions::deleteRequested);
    m_refresh = makeAction(QStringLiteral("refreshAction"), QStyle::SP_BrowserReload, {QKeySequence(Qt::Key_F5)},
                           &ContentActions::refreshRequested);

    m_visibilityMenu = new QMenu(m_owner);
    m_visibilityMenu->setObjectName(QStringLiteral("visibilityMenu"));
    m_visibilityGroup = new QActionGroup(this);
    auto makeVisibility = [this](const QString &name, const QString &visibility) {
        QAction *action = m_visibilityMenu->addAction(QString());
        action->setObjectName(name);
        action->setCheckable(true);
        action->setData(visibility);
        m_visibilityGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, visibility] { Q_EMIT visibilityRequested(visibility); });
        return action;
    };
    m_public = makeVisibility(QStringLiteral("visibilityPublicAction"), QStringLiteral("public"));
    m_unlisted = makeVisibility(QStringLiteral("visibilityUnlistedAction"), QStringLiteral("unlisted"));
    m_private = makeVisibility(QStringLiteral("visibilityPrivateAction"), QStringLiteral("private"));
    retranslate();
}

void ContentActions::bindToView(QWidget *view)
{
    for (QAction *action : {m_edit, m_delete}) {
        m_owner->removeAction(action);
        view->addAction(action);
    }
}

void ContentActions::addTo(QToolBar *toolBar)
{
    toolBar->addAction(m_edit);
    m_visibilityButton = new QToolButton(toolBar);
    m_visibilityButton->setObjectName(QStringLiteral("visibilityButton"));
    m_visibilityButton->setMenu(m_visibilityMenu);
    m_visibilityButton->setPopupMode(QToolButton::InstantPopup);
    m_visibilityButton->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    m_visibilityButton->setIcon(m_owner->style()->standardIcon(QStyle::SP_DesktopIcon));
    connect(toolBar, &QToolBar::toolButtonStyleChanged, m_visibilityButton, &QToolButton::setToolButtonStyle);
    m_visibilityButton->setToolButtonStyle(toolBar->toolButtonStyle());
    toolBar->addWidget(m_visibilityButton);
    toolBar->addAction(m_thumbnail);
    toolBar->addAction(m_delete);
    toolBar->addSeparator();
    toolBar->addAction(m_refresh);
    toolBar->widgetForAction(m_edit)->setObjectName(QStringLiteral("editButton"));
    toolBar->widgetForAction(m_thumbnail)->setObjectName(QStringLiteral("thumbnailButton"));
    toolBar->widgetForAction(m_delete)->setObjectName(QStringLiteral("deleteButton"));
    toolBar->widgetForAction(m_refresh)->setObjectName(QStringLiteral("refreshButton"));
    retranslate();
}

void ContentActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_edit);
    menu->addMenu(m_visibilityMenu);
    menu->addAction(m_thumbnail);
    menu->addAction(m_delete);
    menu->addSeparator();
    menu->addAction(m_refresh);
}

void ContentActions::setVideoState(bool usable, const QString &visibility)
{
    m_edit->setEnabled(usable);
    m_thumbnail->setEnabled(usable);
    m_delete->setEnabled(usable);
    m_visibilityMenu->setEnabled(usable);
    if (m_visibilityButton)
        m_visibilityButton->setEnabled(usable);
    for (QAction *action : m_visibilityGroup->actions())
        action->setChecked(usable && action->data().toString() == visibility);
}

void ContentActions::setRefreshEnabled(bool enabled)
{
    m_refresh->setEnabled(enabled);
}

void ContentActions::retranslate()
{
    m_edit->setText(tr("&Edit…"));
    m_edit->setToolTip(tr("Edit the title, description, tags and more (Enter)"));
    m_thumbnail->setText(tr("Replace &thumbnail…"));
    m_thumbnail->setToolTip(tr("Upload an image as the thumbnail of the video"));
    m_delete->setText(tr("&Delete…"));
    m_delete->setToolTip(tr("Delete the video (Delete)"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Reload the list (F5)"));
    m_visibilityMenu->setTitle(tr("&Visibility"));
    m_public->setText(tr("&Public"));
    m_unlisted->setText(tr("&Unlisted"));
    m_private->setText(tr("P&rivate"));
    if (m_visibilityButton) {
        m_visibilityButton->setText(tr("Visibility"));
        m_visibilityButton->setToolTip(tr("Change who can watch the video"));
    }
}

} // namespace Kinora::Studio
