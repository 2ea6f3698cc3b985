#pragma once

#include "core/net/apierror.h"
#include "core/net/videodraft.h"
#include "core/net/videosummary.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Kinora::Core {
class StudioClient;
}

namespace Kinora::Studio {

// Edits the metadata of one video: title, description, tags, category,
// visibility, schedule and thumbnail (a generated frame or an image file).
// Saving sends only what changed; an image is uploaded first. The dialog
// stays open with the server's message when saving fails and emits
// videoSaved() with the server's copy when it succeeds.
class VideoEditDialog : public QDialog
{
    Q_OBJECT
public:
    VideoEditDialog(Core::StudioClient *studio, const Core::VideoSummary &video, const QStringList &categories,
                    QWidget *parent = nullptr);

    Core::VideoSummary video() const { return m_video; }
    // The changes the form holds compared with the video (empty draft: nothing changed).
    Core::VideoDraft changes() const;
    QString customImagePath() const { return m_imagePath; }
    void setCustomImagePath(const QString &path);

    void accept() override;

Q_SIGNALS:
    void videoSaved(const Kinora::Core::VideoSummary &video);

private:
    void chooseImage();
    void sendChanges(const Core::VideoDraft &changes);
    void fail(const Core::ApiError &error);
    void setBusy(bool busy);
    void updateScheduleEnabled();

    Core::StudioClient *m_studio;
    Core::VideoSummary m_video;
    QString m_imagePath;
    bool m_busy = false;

    QLineEdit *m_title;
    QPlainTextEdit *m_description;
    QLineEdit *m_tags;
    QComboBox *m_category;
    QComboBox *m_visibility;
    QCheckBox *m_scheduled;
    QDateTimeEdit *m_scheduleTime;
    QComboBox *m_thumbnail;
    QPushButton *m_chooseImage;
    QLabel *m_imageLabel;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Kinora::Studio
