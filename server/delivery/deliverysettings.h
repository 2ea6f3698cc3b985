#pragma once

#include <QString>

namespace Kinora::Server::Delivery {

// How media is handed out: the lifetime of signed media URLs
// (delivery.tokenTtl), the X-Accel-Redirect prefix when nginx sends the files
// (delivery.accelRedirectPrefix, empty: the server sends them itself) and how
// long a video's public/non-public answer is cached (delivery.visibilityCacheMs).
struct DeliverySettings
{
    int tokenTtlSeconds = 6 * 3600;
    QString accelRedirectPrefix;
    int visibilityCacheMs = 5000;
};

} // namespace Kinora::Server::Delivery
