#include "core/net/credentialstore.h"

namespace Kinora::Core {

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

} // namespace Kinora::Core
