#pragma once

#include <QOpenGLWidget>

struct mpv_handle;
struct mpv_render_context;

namespace Kinora::Player {

// Shows mpv's video in a QOpenGLWidget through the render API. The widget
// owns the mpv_render_context (created with its GL context, freed with it);
// the handle must have been initialised with vo=libmpv and outlive the
// widget. mpv's update callback, called on mpv's threads, only queues an
// update() on the GUI thread.
class MpvVideoWidget : public QOpenGLWidget
{
    Q_OBJECT

public:
    explicit MpvVideoWidget(mpv_handle *mpv, QWidget *parent = nullptr);
    ~MpvVideoWidget() override;

    int framesRendered() const { return m_framesRendered; }

Q_SIGNALS:
    void frameRendered();
    // A new GL context (the widget moved to another window) got a new
    // renderer. mpv turned video off when the old one went away; the owner
    // of the handle selects it again.
    void rendererRecreated();

protected:
    void initializeGL() override;
    void paintGL() override;

private:
    void releaseContext();

    mpv_handle *m_mpv;
    mpv_render_context *m_render = nullptr;
    int m_framesRendered = 0;
    bool m_hadRenderer = false;
};

} // namespace Kinora::Player
