// The player on a real display: under Xvfb with Mesa's llvmpipe, mpv renders
// through the render API into the QOpenGLWidget. The grabbed framebuffer must
// hold a decoded frame (not black), the controls must be laid out below it,
// and the whole player is saved as player-screenshot.png next to the test.
// The binary re-runs itself under xvfb-run; without xvfb-run it skips (77).
#include "localhttpserver.h"
#include "testladder.h"

#include "player/abr/abrregistry.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/mpv/mpvvideowidget.h"
#include "player/ui/miniplayerwindow.h"
#include "player/ui/playerwidget.h"
#include "tests/support/xvfbrerun.h"

#include <QApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Kinora::Player;

namespace {

// Fewer than half of a 10×10 grid of samples is lit.
bool isBlack(const QImage &frame)
{
    if (frame.isNull() || frame.width() < 10 || frame.height() < 10)
        return true;
    int lit = 0;
    int samples = 0;
    for (int y = frame.height() / 10; y < frame.height(); y += frame.height() / 10) {
        for (int x = frame.width() / 10; x < frame.width(); x += frame.width() / 10) {
            const QColor c = frame.pixelColor(x, y);
            ++samples;
            if (c.red() + c.green() + c.blue() > 60)
                ++lit;
        }
    }
    return lit * 2 <= samples;
}

} // namespace

class TestPlayerScreenshot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LocalHttpServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(TestLadder::encode(m_dir.path(), {QStringLiteral("r0"), QStringLiteral("640x360"), 800}, 8, 2, &error),
                 qPrintable(error));
        m_server.setRoot(m_dir.path());
        QVERIFY(m_server.listen());
    }

    void showsADecodedFrameAndTheControls()
    {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "libmpv"}, {"ao", "null"}, {"hwdec", "no"}}), qPrintable(player.errorString()));
        PlayerWidget widget(&player, nullptr, nullptr, PlayerWidget::VideoOutput::Render);
        widget.resize(960, 600);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.play(QUrl(m_server.baseUrl() + QStringLiteral("/r0/index.m3u8")), QStringLiteral("screenshot"));
        QTRY_VERIFY_WITH_TIMEOUT(widget.videoWidget()->framesRendered() >= 10 && player.position() > 1.0, 60000);
        QTest::keyClick(&widget, Qt::Key_K); // pause on a frame
        QTest::keyClick(&widget, Qt::Key_I); // stats overlay on
        QTest::qWait(700);

        const QImage frame = widget.videoWidget()->grabFramebuffer();
        QVERIFY(!frame.isNull());
        qInfo("frame %dx%d, %d frames rendered", frame.width(), frame.height(), widget.videoWidget()->framesRendered());
        QVERIFY2(!isBlack(frame), "the video area shows a decoded frame");

        auto *seekBar = widget.findChild<QSlider *>();
        QVERIFY(seekBar && seekBar->isVisible());
        QVERIFY(seekBar->mapTo(&widget, QPoint(0, 0)).y() >= widget.videoWidget()->mapTo(&widget, QPoint(0, 0)).y()
                                                 + widget.videoWidget()->height() - 1);
        const QString path = QCoreApplication::applicationDirPath() + QStringLiteral("/player-screenshot.png");
        QVERIFY(widget.grab().save(path));
        qInfo("saved %s", qPrintable(path));

        // Dark palette, small size: the controls stay legible and laid out.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(32, 32, 36));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Button, QColor(48, 48, 54));
        dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(24, 24, 28));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        QApplication::setPalette(dark);
        widget.resize(480, 320);
        QTest::keyClick(&widget, Qt::Key_I); // stats off
        QTest::qWait(500);
        const QString darkPath = QCoreApplication::applicationDirPath() + QStringLiteral("/player-screenshot-dark.png");
        QVERIFY(widget.grab().save(darkPath));
        QVERIFY(seekBar->isVisible() && seekBar->width() > 50);

        // The mini player: the video moves to its own window (a new GL
        // context for mpv's renderer) and keeps rendering there, then back.
        const int before = widget.videoWidget()->framesRendered();
        const double pausedAt = player.position();
        widget.toggleMiniPlayer();
        QVERIFY(widget.isMiniPlayer());
        QCOMPARE(widget.videoWidget()->window(), widget.miniPlayerWindow());
        QVERIFY(QTest::qWaitForWindowExposed(widget.miniPlayerWindow()));
        QVERIFY(seekBar->isVisible()); // the controls stay in the player
        QTest::keyClick(&widget, Qt::Key_K); // resume
        QTRY_VERIFY_WITH_TIMEOUT(widget.videoWidget()->framesRendered() > before + 5, 20000);
        QVERIFY(!isBlack(widget.videoWidget()->grabFramebuffer()));
        // Resumed where it was, not at the start of the segment (the exact seek
        // back follows as soon as mpv holds the segment).
        QTRY_VERIFY2_WITH_TIMEOUT(player.position() > pausedAt - 0.2,
                                  qPrintable(QStringLiteral("%1 / %2").arg(player.position()).arg(pausedAt)), 10000);
        widget.toggleMiniPlayer();
        QVERIFY(!widget.isMiniPlayer());
        QCOMPARE(widget.videoWidget()->window(), &widget);
        const int back = widget.videoWidget()->framesRendered();
        QTRY_VERIFY_WITH_TIMEOUT(widget.videoWidget()->framesRendered() > back + 5 || player.position() > 7.0, 20000);
    }
};

int main(int argc, char **argv)
{
    return Kinora::Tests::runUnderXvfb(argc, argv, [](int argc, char **argv) {
        QApplication app(argc, argv);
        TestPlayerScreenshot test;
        return QTest::qExec(&test, argc, argv);
    });
}

#include "tst_playerscreenshot.moc"
