#include "app/accountbutton.h"

#include <QAction>
#include <QEvent>
#include <QMenu>

namespace Kinora::App {

AccountButton::AccountButton(QWidget *parent)
    : QToolButton(parent)
    , m_menu(new QMenu(this))
    , m_signIn(new QAction(this))
    , m_signUp(new QAction(this))
    , m_signOut(new QAction(this))
    , m_signOutEverywhere(new QAction(this))
{
    setObjectName(QStringLiteral("accountButton"));
    m_signIn->setObjectName(QStringLiteral("signInAction"));
    m_signUp->setObjectName(QStringLiteral("signUpAction"));
    m_signOut->setObjectName(QStringLiteral("signOutAction"));
    m_signOutEverywhere->setObjectName(QStringLiteral("signOutEverywhereAction"));
    m_menu->addAction(m_signIn);
    m_menu->addAction(m_signUp);
    m_menu->addAction(m_signOut);
    m_menu->addAction(m_signOutEverywhere);
    setMenu(m_menu);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setFocusPolicy(Qt::StrongFocus);
    setAutoRaise(true);
    connect(this, &QToolButton::clicked, this, [this] {
        if (!m_user.isValid())
            m_signIn->trigger();
    });
    retranslateUi();
    setUser(Core::UserInfo());
}

QString AccountButton::roleName(const QString &role)
{
    if (role == QLatin1String("admin"))
        return tr("Administrator");
    if (role == QLatin1String("moderator"))
        return tr("Moderator");
    if (role == QLatin1String("creator"))
        return tr("Creator");
    if (role == QLatin1String("viewer") || role == QLatin1String("user"))
        return tr("Viewer");
    return role;
}

void AccountButton::setUser(const Core::UserInfo &user)
{
    m_user = user;
    const bool signedIn = user.isValid();
    m_signIn->setVisible(!signedIn);
    m_signUp->setVisible(!signedIn);
    m_signOut->setVisible(signedIn);
    m_signOutEverywhere->setVisible(signedIn);
    // Signed out, a click signs in directly; signed in, it opens the menu.
    setPopupMode(signedIn ? QToolButton::InstantPopup : QToolButton::MenuButtonPopup);
    retranslateUi();
}

void AccountButton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QToolButton::changeEvent(event);
}

void AccountButton::retranslateUi()
{
    m_signIn->setText(tr("Sign in…"));
    m_signUp->setText(tr("Create account…"));
    m_signOut->setText(tr("Sign out"));
    m_signOutEverywhere->setText(tr("Sign out on all devices"));
    if (m_user.isValid()) {
        const QString role = roleName(m_user.role);
        setText(role.isEmpty() ? m_user.username : tr("%1 · %2", "username · role").arg(m_user.username, role));
        setToolTip(tr("Signed in as %1").arg(m_user.displayName.isEmpty() ? m_user.username : m_user.displayName));
    } else {
        setText(tr("Sign in"));
        setToolTip(tr("Sign in or create an account"));
    }
    setAccessibleName(text());
}

} // namespace Kinora::App
