#pragma once
// The connection checklist behind the GUI's "Test connection" and `copilot-ledger check`
// (docs/GRAPH.md, Diagnosing a 403; docs/CLI.md, check): token → claims → required roles → list one
// user → probe one user's interaction history ($top=1) → on 403, the licence/tenant diagnosis.
#include "app/auth/ConnectionSettings.h"
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace ledger {

class TokenProvider;
class GraphClient;
class GraphReply;

struct CheckStep {
    enum State { Pending, Running, Passed, Warning, Failed, Skipped };
    QString id;          // "token", "claims", "roles", "users", "interactions", "licence", …
    QString title;       // "Sign in to Microsoft Entra ID"
    State state = Pending;
    QString summary;     // plain words: what was found / what to do
    QString details;     // technical detail (status, codes, request-id, date); never secret/token
};

class ConnectionCheck : public QObject {
    Q_OBJECT
public:
    ConnectionCheck(TokenProvider *tokens, GraphClient *graph, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    // Probe this user (UPN or object ID) instead of picking one from the first page of /users.
    void setProbeUser(const QString &upnOrId);

    void start();
    void cancel();
    bool isRunning() const;
    const QList<CheckStep> &steps() const;
    bool passed() const;
    // Exit codes (docs/CLI.md): 0 all passed, 3 sign-in or permission failure, 1 other failure.
    int exitCode() const;
    // Support bundle for a failure: request-id, client-request-id, UTC date, tenant ID, app ID,
    // user ID/UPN. Never the secret or the token.
    QString supportDetails() const;

signals:
    void stepChanged(int index, const ledger::CheckStep &step);
    void finished(bool passed);

private:
    void beginStep(int index);
    void setStep(int index, CheckStep::State state, const QString &summary, const QString &details = {});
    void fail(int index, const QString &summary, const QString &details, int exitCode);
    void done();
    void request(const QUrl &url, const std::function<void(GraphReply *)> &handle);
    void runToken();
    void runClaims();
    void runUsers();
    void runInteractions();
    void runLicence();
    struct Private;
    Private *d;
};

} // namespace ledger
