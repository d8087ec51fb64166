#include "app/sim/DemoServerCommand.h"

#include "app/sim/DemoServer.h"

#include <QCoreApplication>
#include <QTextStream>

namespace ledger::sim {

namespace {
int usage(const QString &problem)
{
    QTextStream err(stderr);
    err << "copilot-ledger demo-server: " << problem << Qt::endl
        << "usage: copilot-ledger demo-server [--port N] [--latency-ms N] [--latency-max-ms N] [--rate N] [--faults]"
           " [--seed N] [--users N] [--licensed-share F] [--interactions N] [--reject-filter]"
        << Qt::endl;
    return 2;
}
} // namespace

int runDemoServerCommand(const QStringList &args)
{
    DemoTenantSpec spec;
    DemoServerOptions options;
    int port = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString arg = args.at(i);
        QString name = arg;
        QString value;
        bool inlineValue = false;
        if (arg.startsWith(u"--") && arg.contains(u'=')) {
            name = arg.section(u'=', 0, 0);
            value = arg.section(u'=', 1);
            inlineValue = true;
        }
        auto takeNumber = [&](double *out, double lo, double hi) -> bool {
            if (!inlineValue) {
                if (i + 1 >= args.size())
                    return false;
                value = args.at(++i);
            }
            bool ok = false;
            const double v = value.toDouble(&ok);
            if (!ok || v < lo || v > hi)
                return false;
            *out = v;
            return true;
        };
        double v = 0;
        if (name == u"--faults" && !inlineValue) {
            options.faults = true;
        } else if (name == u"--reject-filter" && !inlineValue) {
            options.rejectFilter = true;
        } else if (name == u"--port") {
            if (!takeNumber(&v, 0, 65535) || v != int(v))
                return usage(QStringLiteral("--port needs a whole number from 0 to 65535"));
            port = int(v);
        } else if (name == u"--latency-ms") {
            if (!takeNumber(&v, 0, 60000))
                return usage(QStringLiteral("--latency-ms needs a number of milliseconds from 0 to 60000"));
            options.latencyMs = int(v);
        } else if (name == u"--latency-max-ms") {
            if (!takeNumber(&v, 0, 60000))
                return usage(QStringLiteral("--latency-max-ms needs a number of milliseconds from 0 to 60000"));
            options.latencyMaxMs = int(v);
        } else if (name == u"--licensed-share") {
            if (!takeNumber(&v, 0, 1))
                return usage(QStringLiteral("--licensed-share needs a fraction from 0 to 1"));
            spec.licensedShare = v;
        } else if (name == u"--rate") {
            if (!takeNumber(&v, 0, 100000))
                return usage(QStringLiteral("--rate needs requests per second (0 = unlimited)"));
            options.rateLimit = v;
        } else if (name == u"--fault-rate") {
            if (!takeNumber(&v, 0, 1))
                return usage(QStringLiteral("--fault-rate needs a fraction from 0 to 1"));
            options.faultRate = v;
            options.faults = true;
        } else if (name == u"--seed") {
            if (!takeNumber(&v, 0, 9007199254740992.0) || v != double(quint64(v)))
                return usage(QStringLiteral("--seed needs a non-negative whole number"));
            spec.seed = quint64(v);
        } else if (name == u"--users") {
            if (!takeNumber(&v, 1, 100000))
                return usage(QStringLiteral("--users needs a number from 1 to 100000"));
            spec.users = int(v);
        } else if (name == u"--interactions") {
            if (!takeNumber(&v, 0, 10000000))
                return usage(QStringLiteral("--interactions needs a number from 0 to 10000000"));
            spec.interactions = int(v);
        } else {
            return usage(QStringLiteral("unknown argument '%1'").arg(arg));
        }
    }

    auto *server = new DemoServer(spec, QCoreApplication::instance());
    server->setOptions(options);
    if (!server->listen(quint16(port))) {
        QTextStream(stderr) << "copilot-ledger demo-server: cannot listen on 127.0.0.1:" << port << Qt::endl;
        return 1;
    }
    const DemoTenant &tenant = server->tenant();
    const QString url = server->baseUrl().toString();
    QTextStream out(stdout);
    out << "Copilot Ledger demo tenant listening on " << url << Qt::endl
        << "  tenant:   " << tenant.tenantId() << "  (or " << tenant.tenantDomain() << ")" << Qt::endl
        << "  users:    " << tenant.users().size() << ", interactions: " << tenant.totalInteractions() << Qt::endl
        << "  options:  latency " << options.latencyMs
        << (options.latencyMaxMs > options.latencyMs ? QStringLiteral("–%1").arg(options.latencyMaxMs) : QString())
        << " ms, rate " << options.rateLimit << "/s, faults "
        << (options.faults ? "on" : "off") << ", $filter " << (options.rejectFilter ? "rejected" : "accepted")
        << Qt::endl
        << Qt::endl
        << "App registrations (client ID / secret):" << Qt::endl;
    for (const DemoClient &c : tenant.clients()) {
        out << "  " << c.clientId << "  " << c.secret << Qt::endl
            << "      " << c.description << " — roles: " << c.roles.join(QStringLiteral(", ")) << Qt::endl;
    }
    out << Qt::endl
        << "Try:" << Qt::endl
        << "  COPILOT_LEDGER_CLIENT_SECRET='" << tenant.fullClient().secret << "' copilot-ledger check --tenant "
        << tenant.tenantId() << " --client-id " << tenant.fullClient().clientId << " --authority-url " << url
        << " --graph-url " << url << Qt::endl
        << "Stop with Ctrl+C." << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace ledger::sim
