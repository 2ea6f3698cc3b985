#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Kinora::Core {

// The work folder of one transcode, next to its output folder so the final
// rename is atomic: ".<name>.partial-<pid>-XXXXXX", holding an flock on its
// ".owner" file while the owner lives. removeStale() deletes the folders left
// by owners that died (kill -9, power loss), never those of a running one.
class PartialOutputDirectory
{
public:
    // output: the folder the finished ladder is renamed to.
    explicit PartialOutputDirectory(const QString &output);
    ~PartialOutputDirectory();
    PartialOutputDirectory(const PartialOutputDirectory &) = delete;
    PartialOutputDirectory &operator=(const PartialOutputDirectory &) = delete;

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    QString path() const { return m_dir.path(); }

    // Removes the lock file so it is not published with the ladder; the lock
    // itself is held until destruction, and the pid in the name still marks the
    // folder as owned until it is renamed into place.
    void prepareToPublish();
    // Once the folder has been renamed into place: nothing is removed on destruction.
    void setPublished() { m_dir.setAutoRemove(false); }

    // Removes the partial folders of output whose owning process is gone;
    // returns how many were removed.
    static int removeStale(const QString &output);

private:
    static bool isOwnerAlive(const QString &directory, const QString &name);

    QTemporaryDir m_dir;
    QString m_error;
    int m_lockFd = -1;
    bool m_valid = false;
};

} // namespace Kinora::Core
