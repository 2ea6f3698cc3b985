#pragma once

#include "core/net/userinfo.h"

#include <QToolButton>

class QAction;
class QMenu;

namespace Kinora::App {

// The account entry of the window header: "Sign in" while signed out, the
// username and role once signed in, with a menu of the account actions.
class AccountButton : public QToolButton
{
    Q_OBJECT
public:
    explicit AccountButton(QWidget *parent = nullptr);

    void setUser(const Core::UserInfo &user);   // invalid user: signed out
    Core::UserInfo user() const { return m_user; }

    QAction *signInAction() const { return m_signIn; }
    QAction *signUpAction() const { return m_signUp; }
    QAction *signOutAction() const { return m_signOut; }
    QAction *signOutEverywhereAction() const { return m_signOutEverywhere; }

    static QString roleName(const QString &role);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Core::UserInfo m_user;
    QMenu *m_menu;
    QAction *m_signIn;
    QAction *m_signUp;
    QAction *m_signOut;
    QAction *m_signOutEverywhere;
};

} // namespace Kinora::App
