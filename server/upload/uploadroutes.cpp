#include "server/upload/uploadroutes.h"

#include "server/accounts/authguard.h"
#include "server/http/httpdate.h"
#include "server/http/router.h"
#include "server/upload/uploadmetadata.h"
#include "server/upload/uploadservice.h"

#include <QCoreApplication>

namespace Kinora::Server::Upload {

namespace {
using Http::HttpRequest;
using Http::HttpResponse;

const QByteArray s_version = QByteArrayLiteral("1.0.0");
const QByteArray s_extensions = QByteArrayLiteral("creation,creation-with-upload,termination,checksum,expiration");
const QByteArray s_exposed = QByteArrayLiteral(
    "Location, Upload-Offset, Upload-Length, Upload-Metadata, Upload-Expires, Tus-Resumable, Tus-Version, "
    "Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm");
const QString s_base = QStringLiteral("/api/v1/uploads");

QString tr(const char *text)
{
    return QCoreApplication::translate("UploadRoutes", text);
}

// Headers every tus response carries.
HttpResponse tus(HttpResponse response, const HttpRequest &request)
{
    response.setHeader("Tus-Resumable", s_version);
    response.setHeader("Cache-Control", "no-store");
    if (request.hasHeader("origin"))
        response.setHeader("Access-Control-Expose-Headers", s_exposed);
    return response;
}

HttpResponse tusError(const HttpRequest &request, int status, const QByteArray &code, const QString &message)
{
    return tus(HttpResponse::error(status, code, message), request);
}

HttpResponse tusError(const HttpRequest &request, const ServiceError &error)
{
    return tus(error.toHttpResponse(), request);
}

// 412 unless the client speaks our version.
std::optional<HttpResponse> checkVersion(const HttpRequest &request)
{
    if (request.header("tus-resumable").trimmed() == s_version)
        return std::nullopt;
    HttpResponse r = tusError(request, 412, "unsupported_tus_version",
                              tr("Tus-Resumable must be 1.0.0, the version this server speaks."));
    r.setHeader("Tus-Version", s_version);
    return r;
}

std::optional<qint64> parseNonNegative(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty() || t.size() > 18)
        return std::nullopt;
    for (char c : t) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return t.toLongLong();
}

void setOffsetHeaders(HttpResponse &response, const UploadRecord &upload)
{
    response.setHeader("Upload-Offset", QByteArray::number(upload.offset));
    if (upload.state == UploadRecord::State::Uploading)
        response.setHeader("Upload-Expires", Http::HttpDate::format(upload.expiresAtMs / 1000));
}

// Parses the checksum of a request with a body; an error response when it is unusable.
std::optional<HttpResponse> readChecksum(const HttpRequest &request, std::optional<UploadChecksum> *checksum)
{
    if (!request.hasHeader("upload-checksum"))
        return std::nullopt;
    UploadChecksum::ParseError parseError = UploadChecksum::ParseError::None;
    *checksum = UploadChecksum::parse(request.header("upload-checksum"), &parseError);
    if (parseError == UploadChecksum::ParseError::UnsupportedAlgorithm)
        return tusError(request, 400, "unsupported_checksum_algorithm", tr("Upload-Checksum algorithms supported: sha1, sha256."));
    if (parseError != UploadChecksum::ParseError::None)
        return tusError(request, 400, "invalid_checksum", tr("Upload-Checksum must be \"<algorithm> <base64 digest>\"."));
    return std::nullopt;
}

bool isOffsetStream(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    return type == "application/offset+octet-stream";
}

// A PATCH body written straight into the upload's part file (see UploadService::beginChunk()).
class ChunkSink : public Http::BodySink
{
public:
    explicit ChunkSink(std::unique_ptr<ChunkWriter> writer) : m_writer(std::move(writer)) {}
    bool write(QByteArrayView data) override { return m_writer->write(data.data(), data.size()); }
    QString errorString() const override { return m_writer->errorString(); }
    ChunkWriter &writer() { return *m_writer; }

private:
    std::unique_ptr<ChunkWriter> m_writer;
};

// Before the body of a PATCH is read: a sink when the request is valid and the
// upload takes it at once; otherwise the body goes to a file and patch() answers.
std::shared_ptr<Http::BodySink> patchSink(const HttpRequest &request, UploadService &service, const Accounts::AuthGuard &guard)
{
    if (request.header("tus-resumable").trimmed() != s_version || !isOffsetStream(request))
        return nullptr;
    const auto offset = parseNonNegative(request.header("upload-offset"));
    const auto length = parseNonNegative(request.header("content-length"));
    if (!offset || !length || *length == 0)
        return nullptr;
    std::optional<UploadChecksum> checksum;
    if (request.hasHeader("upload-checksum")) {
        UploadChecksum::ParseError parseError = UploadChecksum::ParseError::None;
        checksum = UploadChecksum::parse(request.header("upload-checksum"), &parseError);
        if (parseError != UploadChecksum::ParseError::None)
            return nullptr;
    }
    const auto auth = guard.requireUser(request, Accounts::Role::Creator);
    if (!auth)
        return nullptr;
    auto writer = service.beginChunk(request.pathParams.value(QStringLiteral("id")), auth.user().id, *offset, *length,
                                     std::move(checksum));
    if (!writer)
        return nullptr;
    return std::make_shared<ChunkSink>(std::move(writer));
}

HttpResponse options(HttpRequest &request, const UploadService &service)
{
    HttpResponse r = tus(HttpResponse::noContent(), request);
    r.setHeader("Tus-Version", s_version);
    r.setHeader("Tus-Extension", s_extensions);
    r.setHeader("Tus-Max-Size", QByteArray::number(service.settings().maxFileSizeBytes));
    r.setHeader("Tus-Checksum-Algorithm", UploadChecksum::supportedAlgorithms());
    r.setHeader("Allow", "OPTIONS, POST, HEAD, PATCH, DELETE");
    return r;
}

HttpResponse create(HttpRequest &request, UploadService &service, const Accounts::AuthGuard &guard)
{
    if (auto bad = checkVersion(request))
        return *bad;
    auto auth = guard.requireUser(request, Accounts::Role::Creator);
    if (!auth)
        return tus(auth.response, request);
    if (!request.hasHeader("upload-length")) {
        if (request.hasHeader("upload-defer-length"))
            return tusError(request, 400, "defer_length_unsupported",
                            tr("This server needs Upload-Length at creation (creation-defer-length is not supported)."));
        return tusError(request, 400, "invalid_upload_length", tr("Upload-Length is missing."));
    }
    const auto length = parseNonNegative(request.header("upload-length"));
    if (!length)
        return tusError(request, 400, "invalid_upload_length", tr("Upload-Length must be a non-negative integer."));
    QString metadataError;
    const QByteArray metadataHeader = request.header("upload-metadata");
    const auto metadata = UploadMetadata::parse(metadataHeader, &metadataError);
    if (!metadata)
        return tusError(request, 400, "invalid_metadata", metadataError);

    const bool withBody = request.bodySize > 0;
    std::optional<UploadChecksum> checksum;
    if (withBody) {
        if (!isOffsetStream(request))
            return tusError(request, 415, "unsupported_media_type",
                            tr("A creation request with data needs Content-Type: application/offset+octet-stream."));
        if (auto bad = readChecksum(request, &checksum))
            return *bad;
    }

    UploadService::Creation creation;
    creation.userId = auth.user().id;
    creation.length = *length;
    creation.metadataHeader = metadataHeader;
    creation.metadata = *metadata;
    auto created = service.create(creation);
    if (!created)
        return tusError(request, created.error());
    UploadRecord upload = created.value();
    const QByteArray location = (s_base + QLatin1Char('/') + upload.id).toUtf8();
    if (withBody) {
        UploadService::Chunk chunk{0, request.bodyFilePath, request.bodySize, checksum};
        auto written = service.append(upload.id, creation.userId, chunk);
        if (!written) {
            HttpResponse r = tusError(request, written.error());
            r.setHeader("Location", location);
            return r;
        }
        upload = written.value();
    }
    HttpResponse created201;
    created201.status = 201;
    HttpResponse r = tus(std::move(created201), request);
    r.setHeader("Location", location);
    setOffsetHeaders(r, upload);
    return r;
}

HttpResponse head(HttpRequest &request, UploadService &service, const Accounts::AuthGuard &guard)
{
    if (auto bad = checkVersion(request))
        return *bad;
    auto auth = guard.requireUser(request, Accounts::Role::Creator);
    if (!auth)
        return tus(auth.response, request);
    auto upload = service.resumable(request.pathParams.value(QStringLiteral("id")), auth.user().id);
    if (!upload)
        return tusError(request, upload.error());
    HttpResponse r = tus(HttpResponse(), request);
    r.status = 200;
    setOffsetHeaders(r, upload.value());
    r.setHeader("Upload-Length", QByteArray::number(upload->length));
    if (!upload->metadataHeader.isEmpty())
        r.setHeader("Upload-Metadata", upload->metadataHeader);
    return r;
}

HttpResponse patch(HttpRequest &request, UploadService &service, const Accounts::AuthGuard &guard)
{
    if (auto bad = checkVersion(request))
        return *bad;
    auto auth = guard.requireUser(request, Accounts::Role::Creator);
    if (!auth)
        return tus(auth.response, request);
    if (!isOffsetStream(request))
        return tusError(request, 415, "unsupported_media_type", tr("PATCH needs Content-Type: application/offset+octet-stream."));
    const auto offset = parseNonNegative(request.header("upload-offset"));
    if (!offset)
        return tusError(request, 400, "invalid_offset", tr("Upload-Offset must be a non-negative integer."));
    std::optional<UploadChecksum> checksum;
    if (auto bad = readChecksum(request, &checksum))
        return *bad;
    auto *sink = dynamic_cast<ChunkSink *>(request.bodySink.get());
    auto upload = sink ? service.finishChunk(sink->writer(), auth.user().id)
                       : service.append(request.pathParams.value(QStringLiteral("id")), auth.user().id,
                                        UploadService::Chunk{*offset, request.bodyFilePath, request.bodySize, checksum});
    if (!upload)
        return tusError(request, upload.error());
    HttpResponse r = tus(HttpResponse::noContent(), request);
    setOffsetHeaders(r, upload.value());
    return r;
}

HttpResponse terminate(HttpRequest &request, UploadService &service, const Accounts::AuthGuard &guard)
{
    if (auto bad = checkVersion(request))
        return *bad;
    auto auth = guard.requireUser(request, Accounts::Role::Creator);
    if (!auth)
        return tus(auth.response, request);
    const auto done = service.terminate(request.pathParams.value(QStringLiteral("id")), auth.user().id);
    if (!done)
        return tusError(request, done.error());
    return tus(HttpResponse::noContent(), request);
}

HttpResponse status(HttpRequest &request, UploadService &service, const Accounts::AuthGuard &guard)
{
    auto auth = guard.requireUser(request, Accounts::Role::Creator);
    if (!auth)
        return auth.response;
    auto upload = service.find(request.pathParams.value(QStringLiteral("id")), auth.user().id);
    if (!upload)
        return upload.error().toHttpResponse();
    HttpResponse r = HttpResponse::json(QJsonObject{{QStringLiteral("upload"), upload->toJson()}});
    r.setHeader("Cache-Control", "no-store");
    return r;
}
} // namespace

void addUploadRoutes(Http::Router &router, UploadService &service, const Accounts::AuthGuard &guard)
{
    // Bodies stream to a temporary file next to the upload directory; the cap is the largest upload.
    Http::RouteOptions bodyOptions;
    bodyOptions.bodyMode = Http::BodyMode::File;
    bodyOptions.maxBodyBytes = service.settings().maxFileSizeBytes;
    const QString item = s_base + QStringLiteral("/{id}");
    for (const QString &collection : {s_base, QString(s_base + QLatin1Char('/'))}) {
        router.addRoute("OPTIONS", collection, [&service](HttpRequest &r) { return options(r, service); });
        router.addRoute("POST", collection, [&service, &guard](HttpRequest &r) { return create(r, service, guard); }, bodyOptions);
    }
    router.addRoute("HEAD", item, [&service, &guard](HttpRequest &r) { return head(r, service, guard); });
    // A valid PATCH streams into the part file; anything else takes the file route to its answer.
    router.addRoute("PATCH", item, [&service, &guard](HttpRequest &r) { return patch(r, service, guard); }, bodyOptions,
                    [&service, &guard](const HttpRequest &r) { return patchSink(r, service, guard); });
    router.addRoute("DELETE", item, [&service, &guard](HttpRequest &r) { return terminate(r, service, guard); });
    router.addRoute("GET", item, [&service, &guard](HttpRequest &r) { return status(r, service, guard); });
}

} // namespace Kinora::Server::Upload
