#pragma once

#include <QObject>
#include <QString>

class QAction;
class QActionGroup;
class QMenu;
class QToolBar;
class QToolButton;
class QWidget;

namespace Kinora::Studio {

// The actions the content manager offers on the selected video (edit,
// visibility, thumbnail, delete) and on the list (refresh), with their
// shortcuts (Enter and Delete on the list view, F5 on the owner widget and its
// children).
// One set feeds the toolbar and the context menu.
class ContentActions : public QObject
{
    Q_OBJECT
public:
    explicit ContentActions(QWidget *owner);

    // Enter and Delete act on the list only, not on the owner's other children.
    void bindToView(QWidget *view);
    // Adds the actions to the toolbar, with object names on its buttons.
    void addTo(QToolBar *toolBar);
    void fillMenu(QMenu *menu) const;

    // A usable video enables the per-video actions and checks its visibility.
    void setVideoState(bool usable, const QString &visibility);
    void setRefreshEnabled(bool enabled);
    void retranslate();

Q_SIGNALS:
    void editRequested();
    void thumbnailRequested();
    void deleteRequested();
    void refreshRequested();
    void visibilityRequested(const QString &visibility);

private:
    QWidget *m_owner;
    QAction *m_edit;
    QAction *m_thumbnail;
    QAction *m_delete;
    QAction *m_refresh;
    QMenu *m_visibilityMenu;
    QActionGroup *m_visibilityGroup;
    QAction *m_public;
    QAction *m_unlisted;
    QAction *m_private;
    QToolButton *m_visibilityButton = nullptr;
};

} // namespace Kinora::Studio
