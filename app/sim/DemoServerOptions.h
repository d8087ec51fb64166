#pragma once
// The switches and counters of the demo tenant's server (DemoServer), apart from the server
// itself so that a front end can hold them (the command line's --demo-… options, the window's
// demo) without the network headers (docs/ARCHITECTURE.md, Layers).
#include <QtGlobal>

namespace ledger {

struct DemoServerOptions {
    int latencyMs = 0;              // added to every answer
    int latencyMaxMs = 0;           // > latencyMs: each answer waits a seeded uniform
                                    // [latencyMs, latencyMaxMs] instead
    double rateLimit = 0;           // requests/s per client before 429 + Retry-After; 0 = off
    bool faults = false;            // inject 503, 504 (no Retry-After), dropped connections,
                                    // malformed JSON, early-expired tokens — deterministically
    double faultRate = 0.05;        // fraction of Graph requests that get a fault when faults on
    int tokenLifetimeSeconds = 3599;
    bool rejectFilter = false;      // answer 400 to any $filter (tenants that do)
};

struct DemoServerStats {
    qint64 requests = 0, tokenRequests = 0, graphRequests = 0;
    qint64 throttled = 0, faultsInjected = 0;
    // faultsInjected by kind
    qint64 faults503 = 0, faults504 = 0, faultsDropped = 0, faultsMalformed = 0, faultsEarlyExpired = 0;
    qint64 connections = 0;          // TCP connections accepted (keep-alive reuse shows as few)
    // A request for a URL that was answered 429 less than its Retry-After ago (measured from
    // when that answer was sent): a client that does not honour Retry-After.
    qint64 earlyRetries = 0;
    // Milliseconds during which at least one request was being answered (arrival to answer):
    // requests/s while requests are in flight = requests / busyMs.
    qint64 busyMs = 0;
    // Server clock (ms since the server started) of the first Graph request and of the last
    // Graph answer since the stats were reset; -1 = none. Their distance is the span of the
    // client's Graph traffic: requests / span = its request rate while it was working.
    qint64 firstGraphMs = -1, lastGraphMs = -1;
};

// The kinds of injected faults, in the order the seeded choice uses.
enum class DemoFault { ServiceUnavailable503, GatewayTimeout504, DropMidBody, MalformedJson, EarlyExpiredToken };

} // namespace ledger
