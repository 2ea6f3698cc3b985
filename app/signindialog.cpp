#include "app/signindialog.h"

#include "core/net/authservice.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kinora::App {

SignInDialog::SignInDialog(Core::AuthService *auth, QWidget *parent)
    : QDialog(parent)
    , m_auth(auth)
    , m_intro(new QLabel(this))
    , m_usernameLabel(new QLabel(this))
    , m_username(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_signInButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_signUpButton(m_buttons->addButton(QString(), QDialogButtonBox::ActionRole))
{
    setObjectName(QStringLiteral("signInDialog"));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_signInButton->setObjectName(QStringLiteral("submitButton"));
    m_signUpButton->setObjectName(QStringLiteral("switchToSignUpButton"));
    m_buttons->addButton(QDialogButtonBox::Cancel);

    m_intro->setWordWrap(true);
    m_username->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password->setEchoMode(QLineEdit::Password);
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x3b, 0x3b));
    m_error->setPalette(errorPalette);
    m_error->hide();
    m_signInButton->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signUpButton, &QPushButton::clicked, this, [this] {
        Q_EMIT signUpRequested();
        reject();
    });
    connect(m_auth, &Core::AuthService::signedIn, this, [this] {
        if (m_waiting) {
            m_waiting = false;
            accept();
        }
    });
    connect(m_auth, &Core::AuthService::signInFailed, this, [this](const Core::ApiError &error) {
        if (!m_waiting)
            return;
        m_waiting = false;
        setBusy(false);
        showError(error.message);
        m_password->setFocus();
        m_password->selectAll();
    });

    retranslateUi();
    // Wide enough for a long server message, in units of the font.
    setMinimumWidth(fontMetrics().averageCharWidth() * 76);
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
}

QString SignInDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void SignInDialog::submit()
{
    if (m_waiting)
        return;
    const QString username = m_username->text().trimmed();
    if (username.isEmpty()) {
        showError(tr("Enter your username."));
        m_username->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    m_error->hide();
    m_waiting = true;
    setBusy(true);
    m_auth->signIn(username, m_password->text());
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void SignInDialog::setBusy(bool busy)
{
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signInButton->setEnabled(!busy);
    m_signUpButton->setEnabled(!busy);
    m_signInButton->setText(busy ? tr("Signing in…") : tr("&Sign in"));
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SignInDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to Kinora"));
    m_intro->setText(tr("Sign in with your account on this Kinora server."));
    m_usernameLabel->setText(tr("&Username:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_signInButton->setText(m_waiting ? tr("Signing in…") : tr("&Sign in"));
    m_signUpButton->setText(tr("&Create an account…"));
}

} // namespace Kinora::App
