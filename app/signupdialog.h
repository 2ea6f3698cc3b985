#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Kinora::Core {
class AuthService;
}

namespace Kinora::App {

// Creates an account through the AuthService (which signs it in), after
// checking locally that the fields are filled and the passwords match.
class SignUpDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignUpDialog(Core::AuthService *auth, QWidget *parent = nullptr);

    QString errorText() const;

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
    QLabel *m_displayNameLabel;
    QLineEdit *m_displayName;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_confirmLabel;
    QLineEdit *m_confirm;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_createButton;
    bool m_waiting = false;
};

} // namespace Kinora::App
