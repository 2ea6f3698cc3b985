#pragma once

#include <QWidget>

class QButtonGroup;
class QToolButton;

namespace Kinora::Core {
class AuthService;
class CatalogClient;
struct VideoSummary;
}

namespace Kinora::App {

class ThumbnailCache;
class VideoGrid;

// The start page: one section at a time in an infinitely scrolling grid,
// chosen in a row of buttons: Newest and Popular for everyone, plus
// Subscriptions and Continue watching once signed in.
class HomePage : public QWidget
{
    Q_OBJECT
public:
    enum class Section { Newest, Popular, Subscriptions, ContinueWatching };
    Q_ENUM(Section)

    HomePage(Core::CatalogClient *catalog, Core::AuthService *auth, ThumbnailCache *thumbnails,
             QWidget *parent = nullptr);

    Section section() const { return m_section; }
    void setSection(Section section);
    void refresh();
    VideoGrid *grid() const { return m_grid; }
    QToolButton *sectionButton(Section section) const;

Q_SIGNALS:
    void videoActivated(const Kinora::Core::VideoSummary &video);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateSignedIn();
    void load();

    Core::CatalogClient *m_catalog;
    Core::AuthService *m_auth;
    QButtonGroup *m_sections;
    VideoGrid *m_grid;
    Section m_section = Section::Newest;
    bool m_loaded = false;
};

} // namespace Kinora::App
