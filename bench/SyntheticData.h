#pragma once
// Deterministic synthetic Copilot interaction history for the benchmarks and for big test
// archives (bench/make-archive): users, sessions of a few turns, HTML bodies, some BizChat
// answers carried in Adaptive Cards, a known share of "needle" words for full-text timing.
#include "app/model/Interaction.h"
#include "app/model/User.h"

#include <QList>
#include <QRandomGenerator>

namespace ledger::bench {

class SyntheticData {
public:
    explicit SyntheticData(qint64 count, int users = 0, quint32 seed = 7);
    QList<User> users() const { return m_users; }
    // Up to n more interactions as (userId, raw JSON bytes), in session order.
    QList<QPair<QString, QByteArray>> nextRaw(int n);
    QList<Interaction> nextParsed(int n);
    qint64 produced() const { return m_produced; }
    bool atEnd() const { return m_produced >= m_count; }
    // A word that occurs in about 1 of 1000 prompts (for the full-text benchmark).
    static QString needle() { return QStringLiteral("quarterly"); }

private:
    QString words(int n);
    QByteArray item(const QString &id, const QString &session, const QString &request, bool prompt,
                    qint64 msecs, const QString &app, const QString &text, bool card);
    qint64 m_count;
    qint64 m_produced = 0;
    QRandomGenerator m_rng;
    QList<User> m_users;
    QStringList m_vocabulary;
    qint64 m_clock;
    qint64 m_sessionNo = 0;
    int m_currentUser = -1;
    QList<QPair<QString, QByteArray>> m_pending;
};

// Inserts `count` synthetic interactions into the archive at path; returns seconds spent in
// Archive::insertInteractions (generation and parsing excluded), -1 on error.
// insertCpuSeconds: process CPU time spent in those calls (the machine is shared: wall time
// includes waiting for a core).
double buildArchive(const QString &path, qint64 count, int batch, double *parseSeconds = nullptr,
                    QString *error = nullptr, double *insertCpuSeconds = nullptr);

} // namespace ledger::bench
