#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Kinora::Core {
class AuthService;
struct ApiError;
}

namespace Kinora::App {

// Asks for a username and password and signs in through the AuthService;
// stays open and shows the server's message when the sign-in fails.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(Core::AuthService *auth, QWidget *parent = nullptr);

    void setUsername(const QString &username);
    QString errorText() const;

Q_SIGNALS:
    void signUpRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void submit();
    void showError(const QString &message);
    void setBusy(bool busy);

    Core::AuthService *m_auth;
    QLabel *m_intro;
    QLabel *m_usernameLabel;
    QLineEdit *m_username;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signInButton;
    QPushButton *m_signUpButton;
    bool m_waiting = false;
};

} // namespace Kinora::App
