#include "app/appcontext.h"
#include "app/appsettings.h"
#include "app/keychaincredentialstore.h"
#include "app/languageswitcher.h"
#include "app/mainwindow.h"
#include "app/serverurl.h"
#include "app/themecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>

using namespace Kinora;

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Kinora"));
    QApplication::setOrganizationDomain(QStringLiteral("kinora.org"));
    QApplication::setApplicationName(QStringLiteral("Kinora"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kinora"));
    QApplication::setApplicationVersion(QStringLiteral(KINORA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.kinora.Kinora"));

    QSettings settings;
    App::KeychainCredentialStore credentialStore(QStringLiteral("org.kinora.Kinora"));

    App::AppSettings preferences(&settings);
    QString serverText;
    {
        // The translation must be in place before the parser's help text is built.
        App::LanguageSwitcher parserLanguage;
        parserLanguage.setLanguage(preferences.language());

        QCommandLineParser parser;
        parser.setApplicationDescription(QCoreApplication::translate("main", "Kinora desktop video studio and player"));
        parser.addHelpOption();
        parser.addVersionOption();
        const QCommandLineOption serverOption(
            QStringLiteral("server"),
            QCoreApplication::translate("main", "Address of the Kinora server (also KINORA_SERVER_URL)."),
            QCoreApplication::translate("main", "url"));
        parser.addOption(serverOption);
        parser.process(application);
        serverText = parser.value(serverOption);
    }
    if (serverText.isEmpty())
        serverText = qEnvironmentVariable("KINORA_SERVER_URL");
    QUrl serverOverride;
    if (!serverText.isEmpty()) {
        QString error;
        serverOverride = App::ServerUrl::parse(serverText, &error);
        if (serverOverride.isEmpty()) {
            std::fprintf(stderr, "kinora: %s: %s\n", qPrintable(serverText), qPrintable(error));
            return 2;
        }
    }

    App::AppContext context(&settings, &credentialStore, serverOverride);
    context.language()->setLanguage(preferences.language());
    context.theme()->apply(App::ThemeController::fromString(preferences.theme()));

    App::MainWindow window(&context);
    window.show();
    window.start();
    return application.exec();
}
