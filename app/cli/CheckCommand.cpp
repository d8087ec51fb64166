#include "app/cli/CheckCommand.h"

#include "app/auth/CloudEndpoints.h"
#include "app/check/ConnectionCheck.h"
#include "app/cli/ConnectionSetup.h"
#include "app/cli/Output.h"
#include "app/tenant/TenantConnection.h"

using namespace Qt::StringLiterals;

namespace ledger::cli {

CheckCommand::CheckCommand(const CliOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
}

CheckCommand::~CheckCommand()
{
    delete m_check;   // before the network stack it uses
}

void CheckCommand::start()
{
    m_setup = new ConnectionSetup(m_options, this);
    connect(m_setup, &ConnectionSetup::failed, this, [this](int code, const QString &msg) {
        printErr(u"copilot-ledger check: "_s + msg + u'\n');
        emit done(code);
    });
    connect(m_setup, &ConnectionSetup::ready, this, &CheckCommand::run);
    m_setup->start();
}

void CheckCommand::run()
{
    const ConnectionSettings &s = m_setup->settings();
    printOut(u"Checking the connection to %1 (tenant %2, app %3)\n"_s.arg(m_setup->label(), s.tenant, s.clientId));
    m_net = std::make_unique<TenantConnection>(s, m_setup->secret());
    m_check = m_net->createCheck();
    if (!m_options.probeUser.isEmpty())
        m_check->setProbeUser(m_options.probeUser);
    connect(m_check, &ConnectionCheck::stepChanged, this, [this](int index, const CheckStep &) {
        printStep(index);
    });
    connect(m_check, &ConnectionCheck::finished, this, &CheckCommand::finished);
    m_check->start();
}

QString CheckCommand::formatStep(const CheckStep &step)
{
    QString mark;
    switch (step.state) {
    case CheckStep::Passed: mark = u"[✓]"_s; break;
    case CheckStep::Warning: mark = u"[!]"_s; break;
    case CheckStep::Failed: mark = u"[✗]"_s; break;
    case CheckStep::Skipped: mark = u"[-]"_s; break;
    default: return {};
    }
    QString text = mark + u' ' + step.title;
    const QString summary = step.summary.trimmed();
    if (!summary.isEmpty())
        text += u" — "_s + summary;
    else if (step.state == CheckStep::Skipped)
        text += u" — skipped"_s;
    text += u'\n';
    if ((step.state == CheckStep::Failed || step.state == CheckStep::Warning) && !step.details.trimmed().isEmpty()) {
        const QStringList lines = step.details.trimmed().split(u'\n');
        for (const QString &line : lines)
            text += u"      "_s + line + u'\n';
    }
    return text;
}

void CheckCommand::printStep(int index)
{
    const QList<CheckStep> &steps = m_check->steps();
    if (index < 0 || index >= steps.size() || m_printed.contains(index))
        return;
    const QString text = formatStep(steps.at(index));
    if (text.isEmpty())
        return;   // pending / running: printed when it ends
    m_printed.insert(index);
    printOut(text);
}

void CheckCommand::finished()
{
    for (int i = 0; i < m_check->steps().size(); ++i)
        printStep(i);
    const int code = m_check->exitCode();
    if (code == 0) {
        printOut(u"\nAll checks passed: this app can read Copilot interaction history.\n"_s);
    } else {
        const QString support = m_check->supportDetails().trimmed();
        if (!support.isEmpty()) {
            printOut(u"\nSupport details (give these to Microsoft support if the problem stays):\n"_s);
            for (const QString &line : support.split(u'\n'))
                printOut(u"    "_s + line + u'\n');
        }
    }
    emit done(code);
}

} // namespace ledger::cli
