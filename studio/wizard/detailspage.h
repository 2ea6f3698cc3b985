#pragma once

#include "core/net/videodraft.h"
#include "studio/wizard/thumbnailcandidates.h"

#include <QFutureWatcher>
#include <QList>
#include <QPointer>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace Kinora::Core {
class CatalogClient;
}

namespace Kinora::Studio {

// Third page of the upload wizard: the video's metadata, checked as it is
// typed, and its thumbnail: one of three frames decoded from the local file
// on a worker thread, or an image of the creator's own.
class DetailsPage : public QWizardPage
{
    Q_OBJECT
public:
    static constexpr int MaxTitleLength = 100;
    static constexpr int MaxTags = 20;
    static constexpr int CandidateCount = 3;

    // catalog may be null: the category list then stays empty.
    explicit DetailsPage(Core::CatalogClient *catalog, QWidget *parent = nullptr);
    ~DetailsPage() override;

    // The file being uploaded: prefills the title, extracts the thumbnail candidates.
    void setSourceFile(const QString &path);

    Core::VideoDraft draft() const;
    QString customThumbnailPath() const { return m_customThumbnailPath; }
    void setCustomThumbnail(const QString &path);
    int thumbnailCandidateCount() const { return m_candidates.size(); }
    QStringList tags() const;

    bool isComplete() const override;
    void initializePage() override;

Q_SIGNALS:
    void thumbnailsExtracted(int count, const QString &error);
    void categoriesLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadCategories();
    void extractThumbnails();
    void showThumbnails();
    void chooseCustomThumbnail();
    void validate();
    // The tiles behave like radio buttons that Tab visits one by one.
    QList<QToolButton *> allTiles() const;
    int checkedTile() const;
    void checkTile(int id);   // -1: none
    void tileToggled(int id, bool checked);
    static QString titleFromFile(const QString &path);

    QPointer<Core::CatalogClient> m_catalog;
    QFormLayout *m_form;
    QLineEdit *m_titleEdit;
    QLabel *m_titleError;
    QPlainTextEdit *m_descriptionEdit;
    QLineEdit *m_tagsEdit;
    QLabel *m_tagsError;
    QComboBox *m_categoryCombo;
    QComboBox *m_visibilityCombo;
    QCheckBox *m_scheduleCheck;
    QDateTimeEdit *m_scheduleEdit;
    QLabel *m_scheduleError;
    QList<QToolButton *> m_tiles;
    QToolButton *m_customButton;
    QLabel *m_thumbnailStatus;
    QLabel *m_scheduleLabel;
    QLabel *m_thumbnailLabel;
    QFutureWatcher<ThumbnailCandidates::Result> m_thumbnailWatcher;

    QString m_source;
    QString m_prefilledTitle;
    QString m_thumbnailSource;
    QList<QImage> m_candidates;
    QString m_thumbnailError;
    QString m_customThumbnailPath;
    int m_lastTile = 0;
    bool m_categoriesRequested = false;
};

} // namespace Kinora::Studio
