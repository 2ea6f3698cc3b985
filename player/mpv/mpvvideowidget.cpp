#include "player/mpv/mpvvideowidget.h"

#include <QMetaObject>
#include <QOpenGLContext>

#include <utility>

#include <mpv/client.h>
#include <mpv/render_gl.h>

namespace Kinora::Player {

namespace {

void *procAddress(void *, const char *name)
{
    QOpenGLContext *context = QOpenGLContext::currentContext();
    return context ? reinterpret_cast<void *>(context->getProcAddress(QByteArray(name))) : nullptr;
}

} // namespace

MpvVideoWidget::MpvVideoWidget(mpv_handle *mpv, QWidget *parent)
    : QOpenGLWidget(parent)
    , m_mpv(mpv)
{
    setMinimumSize(160, 90);
}

MpvVideoWidget::~MpvVideoWidget()
{
    // QOpenGLWidget's own destructor destroys the context after this one has
    // run; its aboutToBeDestroyed must not reach this half-destroyed object.
    if (QOpenGLContext *glContext = context())
        disconnect(glContext, nullptr, this, nullptr);
    releaseContext();
}

void MpvVideoWidget::releaseContext()
{
    if (!m_render)
        return;
    makeCurrent();
    mpv_render_context_free(m_render);
    m_render = nullptr;
    doneCurrent();
}

void MpvVideoWidget::initializeGL()
{
    if (m_render || !m_mpv)
        return;
    mpv_opengl_init_params glInit{&procAddress, nullptr};
    int advanced = 1;
    mpv_render_param params[] = {{MPV_RENDER_PARAM_API_TYPE, const_cast<char *>(MPV_RENDER_API_TYPE_OPENGL)},
                                 {MPV_RENDER_PARAM_OPENGL_INIT_PARAMS, &glInit},
                                 {MPV_RENDER_PARAM_ADVANCED_CONTROL, &advanced},
                                 {MPV_RENDER_PARAM_INVALID, nullptr}};
    if (mpv_render_context_create(&m_render, m_mpv, params) < 0) {
        m_render = nullptr;
        return;
    }
    if (std::exchange(m_hadRenderer, true))
        Q_EMIT rendererRecreated();
    mpv_render_context_set_update_callback(
        m_render,
        [](void *self) {
            auto *widget = static_cast<MpvVideoWidget *>(self);
            QMetaObject::invokeMethod(widget, [widget] { widget->update(); }, Qt::QueuedConnection);
        },
        this);
    // The GL context may be destroyed before the widget (reparenting, window close).
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &MpvVideoWidget::releaseContext);
}

void MpvVideoWidget::paintGL()
{
    if (!m_render)
        return;
    const qreal ratio = devicePixelRatioF();
    mpv_opengl_fbo fbo{int(defaultFramebufferObject()), int(width() * ratio), int(height() * ratio), 0};
    int flipY = 1;
    mpv_render_param params[] = {{MPV_RENDER_PARAM_OPENGL_FBO, &fbo},
                                 {MPV_RENDER_PARAM_FLIP_Y, &flipY},
                                 {MPV_RENDER_PARAM_INVALID, nullptr}};
    const bool hadFrame = (mpv_render_context_update(m_render) & MPV_RENDER_UPDATE_FRAME) != 0;
    mpv_render_context_render(m_render, params);
    if (hadFrame) {
        ++m_framesRendered;
        Q_EMIT frameRendered();
    }
}

} // namespace Kinora::Player
