#include "app/signupdialog.h"

#include "core/net/authservice.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kinora::App {

SignUpDialog::SignUpDialog(Core::AuthService *auth, QWidget *parent)
    : QDialog(parent)
    , m_auth(auth)
    , m_intro(new QLabel(this))
    , m_usernameLabel(new QLabel(this))
    , m_username(new QLineEdit(this))
    , m_displayNameLabel(new QLabel(this))
    , m_displayName(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_confirmLabel(new QLabel(this))
    , m_confirm(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_createButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("signUpDialog"));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_confirm->setObjectName(QStringLiteral("confirmPasswordEdit"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_createButton->setObjectName(QStringLiteral("submitButton"));
    m_buttons->addButton(QDialogButtonBox::Cancel);

    m_intro->setWordWrap(true);
    m_username->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_usernameLabel->setBuddy(m_username);
    m_displayNameLabel->setBuddy(m_displayName);
    m_passwordLabel->setBuddy(m_password);
    m_confirmLabel->setBuddy(m_confirm);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x3b, 0x3b));
    m_error->setPalette(errorPalette);
    m_error->hide();
    m_createButton->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_displayNameLabel, m_displayName);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_confirmLabel, m_confirm);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignUpDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_auth, &Core::AuthService::signedIn, this, [this] {
        if (m_waiting) {
            m_waiting = false;
            accept();
        }
    });
    connect(m_auth, &Core::AuthService::signUpFailed, this, [this](const Core::ApiError &error) {
        if (!m_waiting)
            return;
        m_waiting = false;
        setBusy(false);
        showError(error.message);
        m_username->setFocus();
    });

    retranslateUi();
    // Wide enough for a long server message, in units of the font.
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
}

QString SignUpDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void SignUpDialog::submit()
{
    if (m_waiting)
        return;
    const QString username = m_username->text().trimmed();
    if (username.isEmpty()) {
        showError(tr("Choose a username."));
        m_username->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Choose a password."));
        m_password->setFocus();
        return;
    }
    if (m_password->text() != m_confirm->text()) {
        showError(tr("The two passwords do not match."));
        m_confirm->setFocus();
        m_confirm->selectAll();
        return;
    }
    m_error->hide();
    m_waiting = true;
    setBusy(true);
    m_auth->signUp(username, m_password->text(), m_displayName->text().trimmed());
}

void SignUpDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void SignUpDialog::setBusy(bool busy)
{
    for (QLineEdit *edit : {m_username, m_displayName, m_password, m_confirm})
        edit->setEnabled(!busy);
    m_createButton->setEnabled(!busy);
    m_createButton->setText(busy ? tr("Creating account…") : tr("&Create account"));
}

void SignUpDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SignUpDialog::retranslateUi()
{
    setWindowTitle(tr("Create a Kinora account"));
    m_intro->setText(tr("Create an account on this Kinora server to upload videos, go live and keep a library."));
    m_usernameLabel->setText(tr("&Username:"));
    m_displayNameLabel->setText(tr("&Display name:"));
    m_displayName->setPlaceholderText(tr("Optional"));
    m_passwordLabel->setText(tr("&Password:"));
    m_confirmLabel->setText(tr("Con&firm password:"));
    m_createButton->setText(m_waiting ? tr("Creating account…") : tr("&Create account"));
}

} // namespace Kinora::App
