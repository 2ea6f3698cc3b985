#include "server/app/routetable.h"

#include "server/accounts/accountroutes.h"
#include "server/app/servercontext.h"
#include "server/app/systemroutes.h"
#include "server/catalog/catalogroutes.h"
#include "server/delivery/mediaroutes.h"
#include "server/http/router.h"
#include "server/playback/playbackroutes.h"
#include "server/processing/processingroutes.h"
#include "server/search/searchroutes.h"
#include "server/social/socialroutes.h"
#include "server/upload/uploadroutes.h"

namespace Kinora::Server {

void registerRoutes(Http::Router &router, ServerContext &context)
{
    addSystemRoutes(router, context);
    Accounts::addAccountRoutes(router, context.accounts(), context.authGuard(), context.config().maxJsonBodyBytes);
    Catalog::addCatalogRoutes(router, context.videos(), context.channels(), context.authGuard(), context.config().maxJsonBodyBytes);
    Search::addSearchRoutes(router, context.search(), context.authGuard());
    Social::addSocialRoutes(router, context.socialServices(), context.videos(), context.authGuard(), context.config().maxJsonBodyBytes);
    Delivery::addMediaRoutes(router, context.mediaDelivery(), context.videos(), context.authGuard());
    Playback::addPlaybackRoutes(router, context.playback(), context.authGuard(), context.config().maxJsonBodyBytes,
                                context.config().accounts.trustForwardedFor);
    Upload::addUploadRoutes(router, context.uploads(), context.authGuard());
    Processing::addProcessingRoutes(router, context.processing(), context.authGuard());
}

} // namespace Kinora::Server
