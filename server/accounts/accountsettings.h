#pragma once

#include "server/accounts/role.h"

#include <QtGlobal>

namespace Kinora::Server::Accounts {

// Tunables of accounts and authentication (config keys auth.* and registration.*).
struct AccountSettings
{
    // Argon2id cost: 3 passes over 128 MiB took 0.38 s on the reference machine.
    quint64 kdfOpsLimit = 3;
    quint64 kdfMemLimitKiB = 128 * 1024;

    int accessTokenTtlSeconds = 15 * 60;
    int refreshTokenTtlSeconds = 30 * 24 * 3600;

    int lockoutThreshold = 5;     // failed logins in a row that lock the account
    int lockoutSeconds = 15 * 60; // how long it stays locked

    // Token buckets on the auth routes: burst size and refill per minute.
    int rateIpBurst = 30;
    int rateIpPerMinute = 60;
    int rateAccountBurst = 10;
    int rateAccountPerMinute = 20;
    // Behind a reverse proxy every client arrives from the proxy's address; with
    // this set, the last X-Forwarded-For entry (the one the proxy added) is the client.
    bool trustForwardedFor = false;

    bool registrationEnabled = true;
    Role registrationDefaultRole = Role::Creator;

    int usernameMinLength = 3;
    int usernameMaxLength = 32;
    int passwordMinLength = 8;
    int passwordMaxLength = 1024;
    int displayNameMaxLength = 64;
};

} // namespace Kinora::Server::Accounts
