#include "studio/wizard/detailspage.h"

#include "core/net/catalogclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Kinora::Studio {

namespace {

constexpr int CustomTileId = DetailsPage::CandidateCount;
const QSize TileIconSize(160, 90);

QLabel *makeErrorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QIcon tileIcon(const QImage &image)
{
    return QIcon(QPixmap::fromImage(image.scaled(TileIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

} // namespace

DetailsPage::DetailsPage(Core::CatalogClient *catalog, QWidget *parent)
    : QWizardPage(parent)
    , m_catalog(catalog)
    , m_form(new QFormLayout)
    , m_titleEdit(new QLineEdit(this))
    , m_titleError(makeErrorLabel(this, QStringLiteral("titleError")))
    , m_descriptionEdit(new QPlainTextEdit(this))
    , m_tagsEdit(new QLineEdit(this))
    , m_tagsError(makeErrorLabel(this, QStringLiteral("tagsError")))
    , m_categoryCombo(new QComboBox(this))
    , m_visibilityCombo(new QComboBox(this))
    , m_scheduleCheck(new QCheckBox(this))
    , m_scheduleEdit(new QDateTimeEdit(this))
    , m_scheduleError(makeErrorLabel(this, QStringLiteral("scheduleError")))
    , m_customButton(new QToolButton(this))
    , m_thumbnailStatus(new QLabel(this))
    , m_scheduleLabel(new QLabel(this))
    , m_thumbnailLabel(new QLabel(this))
{
    m_titleEdit->setObjectName(QStringLiteral("titleEdit"));
    m_titleEdit->setMaxLength(MaxTitleLength);
    m_descriptionEdit->setObjectName(QStringLiteral("descriptionEdit"));
    m_descriptionEdit->setTabChangesFocus(true);
    m_descriptionEdit->setMaximumHeight(m_descriptionEdit->fontMetrics().lineSpacing() * 5);
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_categoryCombo->setObjectName(QStringLiteral("categoryCombo"));
    m_categoryCombo->addItem(QString(), QString());
    m_visibilityCombo->setObjectName(QStringLiteral("visibilityCombo"));
    for (const char *value : {"public", "unlisted", "private"})
        m_visibilityCombo->addItem(QString(), QString::fromLatin1(value));
    m_scheduleCheck->setObjectName(QStringLiteral("scheduleCheck"));
    m_scheduleEdit->setObjectName(QStringLiteral("scheduleEdit"));
    m_scheduleEdit->setCalendarPopup(true);
    m_scheduleEdit->setEnabled(false);
    QDateTime inAnHour = QDateTime::currentDateTime().addSecs(3600);
    inAnHour.setTime(QTime(inAnHour.time().hour(), 0));
    m_scheduleEdit->setDateTime(inAnHour);
    m_thumbnailStatus->setObjectName(QStringLiteral("thumbnailStatus"));
    m_thumbnailStatus->setWordWrap(true);

    auto *tiles = new QHBoxLayout;
    for (int i = 0; i < CandidateCount; ++i) {
        auto *tile = new QToolButton(this);
        tile->setObjectName(QStringLiteral("thumbnailTile%1").arg(i));
        tile->setCheckable(true);
        tile->setEnabled(false);
        tile->setFocusPolicy(Qt::StrongFocus);
        tile->setIconSize(TileIconSize);
        tile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        m_tiles.append(tile);
        tiles->addWidget(tile);
    }
    m_customButton->setObjectName(QStringLiteral("customThumbnailButton"));
    m_customButton->setCheckable(true);
    m_customButton->setFocusPolicy(Qt::StrongFocus);
    m_customButton->setIconSize(TileIconSize);
    m_customButton->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_customButton->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    tiles->addWidget(m_customButton);
    tiles->addStretch(1);

    auto *schedule = new QHBoxLayout;
    schedule->addWidget(m_scheduleCheck);
    schedule->addWidget(m_scheduleEdit, 1);

    auto *thumbnails = new QVBoxLayout;
    thumbnails->addLayout(tiles);
    thumbnails->addWidget(m_thumbnailStatus);

    const auto addField = [this](QWidget *field) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_form->addRow(label, field);
    };
    addField(m_titleEdit);
    m_form->addRow(QString(), m_titleError);
    addField(m_descriptionEdit);
    addField(m_tagsEdit);
    m_form->addRow(QString(), m_tagsError);
    addField(m_categoryCombo);
    addField(m_visibilityCombo);
    m_form->addRow(m_scheduleLabel, schedule);
    m_form->addRow(QString(), m_scheduleError);
    m_form->addRow(m_thumbnailLabel, thumbnails);
    setLayout(m_form);

    setTabOrder(m_titleEdit, m_descriptionEdit);
    setTabOrder(m_descriptionEdit, m_tagsEdit);
    setTabOrder(m_tagsEdit, m_categoryCombo);
    setTabOrder(m_categoryCombo, m_visibilityCombo);
    setTabOrder(m_visibilityCombo, m_scheduleCheck);
    setTabOrder(m_scheduleCheck, m_scheduleEdit);
    QWidget *previous = m_scheduleEdit;
    for (QToolButton *tile : std::as_const(m_tiles)) {
        setTabOrder(previous, tile);
        previous = tile;
    }
    setTabOrder(previous, m_customButton);

    connect(m_titleEdit, &QLineEdit::textChanged, this, &DetailsPage::validate);
    connect(m_tagsEdit, &QLineEdit::textChanged, this, &DetailsPage::validate);
    connect(m_scheduleCheck, &QCheckBox::toggled, m_scheduleEdit, &QWidget::setEnabled);
    connect(m_scheduleCheck, &QCheckBox::toggled, this, &DetailsPage::validate);
    connect(m_scheduleEdit, &QDateTimeEdit::dateTimeChanged, this, &DetailsPage::validate);
    const QList<QToolButton *> tileButtons = allTiles();
    for (int i = 0; i < tileButtons.size(); ++i)
        connect(tileButtons.at(i), &QToolButton::toggled, this, [this, i](bool checked) { tileToggled(i, checked); });
    connect(m_customButton, &QToolButton::clicked, this, &DetailsPage::chooseCustomThumbnail);
    connect(&m_thumbnailWatcher, &QFutureWatcher<ThumbnailCandidates::Result>::finished, this,
            &DetailsPage::showThumbnails);
    retranslateUi();
}

// An extraction still running owns its data and ends on its own.
DetailsPage::~DetailsPage() = default;

QString DetailsPage::titleFromFile(const QString &path)
{
    QString title = QFileInfo(path).completeBaseName();
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    return title.simplified().left(MaxTitleLength);
}

void DetailsPage::setSourceFile(const QString &path)
{
    if (path == m_source)
        return;
    m_source = path;
    if (m_titleEdit->text().trimmed().isEmpty() || m_titleEdit->text() == m_prefilledTitle) {
        m_prefilledTitle = titleFromFile(path);
        m_titleEdit->setText(m_prefilledTitle);
    }
    extractThumbnails();
    validate();
}

void DetailsPage::initializePage()
{
    loadCategories();
    m_titleEdit->setFocus();
    m_titleEdit->selectAll();
    validate();
}

void DetailsPage::loadCategories()
{
    if (m_categoriesRequested || !m_catalog)
        return;
    m_categoriesRequested = true;
    m_catalog->categories(this, [this](const QStringList &categories, const Core::ApiError &error) {
        if (!error.code.isEmpty()) {
            m_categoriesRequested = false;   // try again the next time the page is shown
            return;
        }
        const QString current = m_categoryCombo->currentData().toString();
        while (m_categoryCombo->count() > 1)
            m_categoryCombo->removeItem(1);
        for (const QString &category : categories)
            m_categoryCombo->addItem(category, category);
        const int index = m_categoryCombo->findData(current);
        m_categoryCombo->setCurrentIndex(index >= 0 ? index : 0);
        Q_EMIT categoriesLoaded();
    });
}

void DetailsPage::extractThumbnails()
{
    m_candidates.clear();
    m_thumbnailError.clear();
    for (QToolButton *tile : std::as_const(m_tiles)) {
        tile->setIcon(QIcon());
        tile->setEnabled(false);
    }
    if (checkedTile() != CustomTileId)
        checkTile(-1);
    m_thumbnailSource = m_source;
    const QString path = m_source;
    m_thumbnailWatcher.setFuture(QtConcurrent::run([path] { return ThumbnailCandidates::extract(path); }));
    retranslateUi();
}

void DetailsPage::showThumbnails()
{
    const ThumbnailCandidates::Result result = m_thumbnailWatcher.result();
    m_candidates = result.images.mid(0, CandidateCount);
    m_thumbnailError = result.error;
    for (int i = 0; i < m_tiles.size(); ++i) {
        const bool present = i < m_candidates.size();
        m_tiles[i]->setEnabled(present);
        m_tiles[i]->setIcon(present ? tileIcon(m_candidates.at(i)) : QIcon());
    }
    if (checkedTile() < 0 && !m_candidates.isEmpty())
        checkTile(std::min<int>(m_lastTile, int(m_candidates.size()) - 1));
    retranslateUi();
    validate();
    Q_EMIT thumbnailsExtracted(int(m_candidates.size()), m_thumbnailError);
}

void DetailsPage::chooseCustomThumbnail()
{
    // The custom tile is only checked once an image was chosen.
    if (m_customThumbnailPath.isEmpty())
        checkTile(m_lastTile < m_candidates.size() ? m_lastTile : -1);
    const QString start = m_customThumbnailPath.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                              : QFileInfo(m_customThumbnailPath).absolutePath();
    auto *dialog = new QFileDialog(this, tr("Choose a thumbnail image"), start,
                                   tr("Images (*.png *.jpg *.jpeg *.webp)"));
    dialog->setObjectName(QStringLiteral("thumbnailDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &DetailsPage::setCustomThumbnail);
    dialog->open();
}

void DetailsPage::setCustomThumbnail(const QString &path)
{
    QImageReader reader(path);
    const QByteArray format = reader.format();
    QString error;
    QImage image;
    if (format != "png" && format != "jpeg" && format != "webp")
        error = tr("%1 is not a PNG, JPEG or WebP image.").arg(QDir::toNativeSeparators(path));
    else if (!reader.read(&image))
        error = tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), reader.errorString());
    if (!error.isEmpty()) {
        m_thumbnailStatus->setText(error);
        return;
    }
    m_customThumbnailPath = path;
    m_customButton->setIcon(tileIcon(image));
    checkTile(CustomTileId);
    retranslateUi();
    validate();
}

QList<QToolButton *> DetailsPage::allTiles() const
{
    QList<QToolButton *> tiles = m_tiles;
    tiles.append(m_customButton);
    return tiles;
}

int DetailsPage::checkedTile() const
{
    const QList<QToolButton *> tiles = allTiles();
    for (int i = 0; i < tiles.size(); ++i) {
        if (tiles.at(i)->isChecked())
            return i;
    }
    return -1;
}

void DetailsPage::checkTile(int id)
{
    const QList<QToolButton *> tiles = allTiles();
    for (int i = 0; i < tiles.size(); ++i) {
        const QSignalBlocker blocker(tiles.at(i));
        tiles.at(i)->setChecked(i == id);
    }
    if (id >= 0 && id != CustomTileId)
        m_lastTile = id;
}

void DetailsPage::tileToggled(int id, bool checked)
{
    if (checked) {
        checkTile(id);
        retranslateUi();
    } else if (checkedTile() < 0) {
        // Like a radio button, the chosen tile stays chosen until another one is.
        const QSignalBlocker blocker(allTiles().at(id));
        allTiles().at(id)->setChecked(true);
    }
}

QStringList DetailsPage::tags() const
{
    QStringList result;
    for (const QString &part : m_tagsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !result.contains(tag, Qt::CaseInsensitive))
            result.append(tag);
    }
    return result;
}

Core::VideoDraft DetailsPage::draft() const
{
    Core::VideoDraft draft;
    draft.title = m_titleEdit->text().simplified();
    const QString description = m_descriptionEdit->toPlainText().trimmed();
    if (!description.isEmpty())
        draft.description = description;
    const QStringList tagList = tags();
    if (!tagList.isEmpty())
        draft.tags = tagList;
    const QString category = m_categoryCombo->currentData().toString();
    if (!category.isEmpty())
        draft.category = category;
    draft.visibility = m_visibilityCombo->currentData().toString();
    if (m_scheduleCheck->isChecked())
        draft.scheduledAt = m_scheduleEdit->dateTime().toUTC();
    const int checked = checkedTile();
    if (checked == CustomTileId && !m_customThumbnailPath.isEmpty())
        draft.thumbnail = QStringLiteral("custom");
    else if (checked >= 0 && checked < m_candidates.size())
        draft.thumbnail = QString::number(checked);
    return draft;
}

bool DetailsPage::isComplete() const
{
    const QString title = m_titleEdit->text().simplified();
    return !title.isEmpty() && title.size() <= MaxTitleLength && tags().size() <= MaxTags
           && (!m_scheduleCheck->isChecked() || m_scheduleEdit->dateTime() > QDateTime::currentDateTime());
}

void DetailsPage::validate()
{
    showError(m_titleError, m_titleEdit->text().simplified().isEmpty() ? tr("A title is required.") : QString());
    const qsizetype tagCount = tags().size();
    showError(m_tagsError, tagCount > MaxTags ? tr("At most %1 tags; remove %n.", nullptr, int(tagCount - MaxTags)).arg(MaxTags)
                                              : QString());
    showError(m_scheduleError,
              m_scheduleCheck->isChecked() && m_scheduleEdit->dateTime() <= QDateTime::currentDateTime()
                  ? tr("The publication time has to be in the future.")
                  : QString());
    Q_EMIT completeChanged();
}

void DetailsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void DetailsPage::retranslateUi()
{
    setTitle(tr("Details"));
    setSubTitle(tr("Describe the video. You can change all of this later in Content."));
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    };
    setLabel(m_titleEdit, tr("&Title:"));
    setLabel(m_descriptionEdit, tr("&Description:"));
    setLabel(m_tagsEdit, tr("T&ags:"));
    setLabel(m_categoryCombo, tr("&Category:"));
    setLabel(m_visibilityCombo, tr("&Visibility:"));
    m_scheduleLabel->setText(tr("Schedule:"));
    m_thumbnailLabel->setText(tr("Thumbnail:"));
    m_titleEdit->setPlaceholderText(tr("Required, up to %1 characters").arg(MaxTitleLength));
    m_tagsEdit->setPlaceholderText(tr("Comma separated, up to %1").arg(MaxTags));
    m_categoryCombo->setItemText(0, tr("No category"));
    m_visibilityCombo->setItemText(0, tr("Public"));
    m_visibilityCombo->setItemText(1, tr("Unlisted"));
    m_visibilityCombo->setItemText(2, tr("Private"));
    m_scheduleCheck->setText(tr("&Publish at"));
    for (int i = 0; i < m_tiles.size(); ++i)
        m_tiles[i]->setText(tr("At %1 %").arg(25 * (i + 1)));
    m_customButton->setText(tr("Custom image…"));
    if (m_thumbnailWatcher.isRunning())
        m_thumbnailStatus->setText(tr("Extracting thumbnails…"));
    else if (!m_thumbnailError.isEmpty())
        m_thumbnailStatus->setText(tr("No thumbnails from the file: %1").arg(m_thumbnailError));
    else if (!m_customThumbnailPath.isEmpty() && checkedTile() == CustomTileId)
        m_thumbnailStatus->setText(QDir::toNativeSeparators(m_customThumbnailPath));
    else
        m_thumbnailStatus->clear();
}

} // namespace Kinora::Studio
