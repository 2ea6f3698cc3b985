#include "studio/content/videoeditdialog.h"

#include "core/net/studioclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kinora::Studio {

namespace {

const QString CustomThumbnail = QStringLiteral("custom");

QStringList parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

VideoEditDialog::VideoEditDialog(Core::StudioClient *studio, const Core::VideoSummary &video,
                                 const QStringList &categories, QWidget *parent)
    : QDialog(parent)
    , m_studio(studio)
    , m_video(video)
    , m_title(new QLineEdit(video.title, this))
    , m_description(new QPlainTextEdit(video.description, this))
    , m_tags(new QLineEdit(video.tags.join(QStringLiteral(", ")), this))
    , m_category(new QComboBox(this))
    , m_visibility(new QComboBox(this))
    , m_scheduled(new QCheckBox(tr("Publish at a later time"), this))
    , m_scheduleTime(new QDateTimeEdit(this))
    , m_thumbnail(new QComboBox(this))
    , m_chooseImage(new QPushButton(tr("Choose image…"), this))
    , m_imageLabel(new QLabel(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit “%1”").arg(video.title));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setMaxLength(100);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("Comma separated, e.g. travel, timelapse"));
    m_category->setObjectName(QStringLiteral("categoryCombo"));
    m_visibility->setObjectName(QStringLiteral("visibilityCombo"));
    m_scheduled->setObjectName(QStringLiteral("scheduleCheck"));
    m_scheduleTime->setObjectName(QStringLiteral("scheduleEdit"));
    m_thumbnail->setObjectName(QStringLiteral("thumbnailCombo"));
    m_chooseImage->setObjectName(QStringLiteral("chooseImageButton"));
    m_imageLabel->setObjectName(QStringLiteral("imageLabel"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    m_category->addItem(tr("None"), QString());
    QStringList choices = categories;
    if (!video.category.isEmpty() && !choices.contains(video.category))
        choices.append(video.category);
    for (const QString &category : std::as_const(choices))
        m_category->addItem(category, category);
    selectData(m_category, video.category);

    m_visibility->addItem(tr("Public"), QStringLiteral("public"));
    m_visibility->addItem(tr("Unlisted"), QStringLiteral("unlisted"));
    m_visibility->addItem(tr("Private"), QStringLiteral("private"));
    selectData(m_visibility, video.visibility);

    m_scheduleTime->setCalendarPopup(true);
    m_scheduleTime->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_scheduleTime->setMinimumDateTime(QDateTime::currentDateTime());
    m_scheduled->setChecked(video.scheduledAt.isValid());
    m_scheduleTime->setDateTime(video.scheduledAt.isValid() ? video.scheduledAt.toLocalTime()
                                                            : QDateTime::currentDateTime().addDays(1));
    const bool published = video.publishedAt.isValid() && video.publishedAt <= QDateTime::currentDateTimeUtc();
    if (published) {
        m_scheduled->setEnabled(false);
        m_scheduled->setToolTip(tr("The video is already published; its schedule cannot change."));
    }
    connect(m_scheduled, &QCheckBox::toggled, this, &VideoEditDialog::updateScheduleEnabled);
    updateScheduleEnabled();

    for (int frame = 0; frame < 3; ++frame)
        m_thumbnail->addItem(tr("Frame %1").arg(frame + 1), QString::number(frame));
    m_thumbnail->addItem(tr("Custom image"), CustomThumbnail);
    selectData(m_thumbnail, video.thumbnail.isEmpty() ? QStringLiteral("0") : video.thumbnail);
    m_imageLabel->setText(video.thumbnail == CustomThumbnail ? tr("Uploaded image") : QString());
    m_imageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_imageLabel->setWordWrap(true);
    connect(m_chooseImage, &QPushButton::clicked, this, &VideoEditDialog::chooseImage);

    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::ToolTipText);
    m_error->setBackgroundRole(QPalette::ToolTipBase);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setAutoFillBackground(true);
    m_error->setMargin(6);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *schedule = new QHBoxLayout;
    schedule->addWidget(m_scheduled);
    schedule->addWidget(m_scheduleTime, 1);
    auto *thumbnail = new QHBoxLayout;
    thumbnail->addWidget(m_thumbnail, 1);
    thumbnail->addWidget(m_chooseImage);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("T&ags:"), m_tags);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("&Visibility:"), m_visibility);
    auto *scheduleLabel = new QLabel(tr("Sch&edule:"), this);
    scheduleLabel->setBuddy(m_scheduled);
    form->addRow(scheduleLabel, schedule);
    auto *thumbnailLabel = new QLabel(tr("Thumb&nail:"), this);
    thumbnailLabel->setBuddy(m_thumbnail);
    form->addRow(thumbnailLabel, thumbnail);
    form->addRow(QString(), m_imageLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addLayout(form, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &VideoEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &VideoEditDialog::reject);

    resize(sizeHint().expandedTo(QSize(520, 0)));
}

void VideoEditDialog::updateScheduleEnabled()
{
    m_scheduleTime->setEnabled(m_scheduled->isEnabled() && m_scheduled->isChecked() && !m_busy);
}

void VideoEditDialog::setCustomImagePath(const QString &path)
{
    m_imagePath = path;
    m_imageLabel->setText(QFileInfo(path).fileName());
    m_imageLabel->setToolTip(QDir::toNativeSeparators(path));
    if (!path.isEmpty())
        selectData(m_thumbnail, CustomThumbnail);
}

void VideoEditDialog::chooseImage()
{
    auto *dialog = new QFileDialog(this, tr("Choose a thumbnail image"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilter(tr("Images (*.png *.jpg *.jpeg *.webp)"));
    connect(dialog, &QFileDialog::fileSelected, this, &VideoEditDialog::setCustomImagePath);
    dialog->open();
}

Core::VideoDraft VideoEditDialog::changes() const
{
    Core::VideoDraft draft;
    const QString title = m_title->text().trimmed();
    if (title != m_video.title)
        draft.title = title;
    const QString description = m_description->toPlainText();
    if (description != m_video.description)
        draft.description = description;
    const QStringList tags = parseTags(m_tags->text());
    if (tags != m_video.tags)
        draft.tags = tags;
    const QString category = m_category->currentData().toString();
    if (category != m_video.category)
        draft.category = category;
    const QString visibility = m_visibility->currentData().toString();
    if (visibility != m_video.visibility)
        draft.visibility = visibility;
    if (m_scheduled->isEnabled()) {
        const QDateTime wanted = m_scheduled->isChecked() ? m_scheduleTime->dateTime() : QDateTime();
        const bool same = wanted.isValid() == m_video.scheduledAt.isValid()
                          && (!wanted.isValid() || wanted.toSecsSinceEpoch() == m_video.scheduledAt.toSecsSinceEpoch());
        if (!same)
            draft.scheduledAt = wanted;
    }
    const QString thumbnail = m_thumbnail->currentData().toString();
    const QString current = m_video.thumbnail.isEmpty() ? QStringLiteral("0") : m_video.thumbnail;
    if (thumbnail != current || (thumbnail == CustomThumbnail && !m_imagePath.isEmpty()))
        draft.thumbnail = thumbnail;
    return draft;
}

void VideoEditDialog::accept()
{
    if (m_busy)
        return;
    if (m_title->text().trimmed().isEmpty()) {
        fail({0, QString(), tr("The title cannot be empty.")});
        m_title->setFocus();
        return;
    }
    const Core::VideoDraft draft = changes();
    if (draft.thumbnail == CustomThumbnail && m_imagePath.isEmpty() && m_video.thumbnail != CustomThumbnail) {
        fail({0, QString(), tr("Choose an image file for the custom thumbnail.")});
        m_chooseImage->setFocus();
        return;
    }
    if (draft.thumbnail != CustomThumbnail || m_imagePath.isEmpty()) {
        sendChanges(draft);
        return;
    }

    QFile file(m_imagePath);
    if (!file.open(QIODevice::ReadOnly)) {
        fail({0, QString(), tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_imagePath), file.errorString())});
        return;
    }
    const QByteArray image = file.readAll();
    const QString mimeType = QMimeDatabase().mimeTypeForData(image).name();
    static const QStringList supported{QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                       QStringLiteral("image/webp")};
    if (!supported.contains(mimeType)) {
        fail({0, QString(), tr("%1 is not a PNG, JPEG or WebP image.").arg(QFileInfo(m_imagePath).fileName())});
        return;
    }
    setBusy(true);
    m_studio->uploadThumbnail(m_video.id, image, mimeType.toLatin1(), this,
                              [this, draft](const Core::VideoSummary &video, const Core::ApiError &error) {
                                  if (!error.message.isEmpty() || !error.code.isEmpty()) {
                                      fail(error);
                                      return;
                                  }
                                  m_video.thumbnail = video.thumbnail;
                                  m_imagePath.clear();
                                  sendChanges(draft);
                              });
}

void VideoEditDialog::sendChanges(const Core::VideoDraft &changes)
{
    if (changes.toJson().isEmpty()) {
        setBusy(false);
        QDialog::accept();
        return;
    }
    setBusy(true);
    m_studio->updateVideo(m_video.id, changes, this, [this](const Core::VideoSummary &video, const Core::ApiError &error) {
        if (!error.code.isEmpty() || !error.message.isEmpty()) {
            fail(error);
            return;
        }
        m_video = video;
        setBusy(false);
        Q_EMIT videoSaved(video);
        QDialog::accept();
    });
}

void VideoEditDialog::fail(const Core::ApiError &error)
{
    setBusy(false);
    m_error->setText(error.message.isEmpty() ? tr("Saving failed (%1).").arg(error.code) : error.message);
    m_error->show();
}

void VideoEditDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_title, m_description, m_tags, m_category, m_visibility,
                                                            m_thumbnail, m_chooseImage})
        widget->setEnabled(!busy);
    m_scheduled->setEnabled(!busy && !(m_video.publishedAt.isValid()
                                       && m_video.publishedAt <= QDateTime::currentDateTimeUtc()));
    updateScheduleEnabled();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

} // namespace Kinora::Studio
