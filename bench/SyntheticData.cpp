#include "SyntheticData.h"
#include "app/archive/Archive.h"

#include <QElapsedTimer>
#include <ctime>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace ledger::bench {

namespace {
const char *const kApps[] = {"Word", "Excel", "PowerPoint", "Outlook", "Teams", "BizChat", "BizChat", "WebChat", "Loop", "OneNote"};
const char *const kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fi", "go", "hu", "ja", "pe", "ri", "so", "tu", "za", "qu"};
}

SyntheticData::SyntheticData(qint64 count, int users, quint32 seed) : m_count(count), m_rng(seed)
{
    const int n = users > 0 ? users : int(qBound(qint64(10), count / 1000, qint64(5000)));
    for (int i = 0; i < n; ++i) {
        User u;
        u.id = u"%1-0000-4000-8000-%2"_s.arg(i + 10000000, 8, 10, QChar(u'0')).arg(i, 12, 10, QChar(u'0'));
        u.displayName = u"User %1"_s.arg(i);
        u.userPrincipalName = u"user%1@contoso.example"_s.arg(i);
        u.mail = u.userPrincipalName;
        u.department = i % 3 == 0 ? u"Finance"_s : u"Engineering"_s;
        u.jobTitle = u"Analyst"_s;
        u.userType = u"Member"_s;
        m_users << u;
    }
    for (int i = 0; i < 4000; ++i) {
        QString w;
        int x = i;
        do {
            w += QLatin1StringView(kSyllables[x % 20]);
            x /= 20;
        } while (x > 0);
        m_vocabulary << w;
    }
    m_clock = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

QString SyntheticData::words(int n)
{
    QString s;
    for (int i = 0; i < n; ++i) {
        if (i)
            s += u' ';
        // Zipf-like: small indexes much more frequent
        const quint32 r = m_rng.bounded(4000u);
        s += m_vocabulary.at(int(r * r / 4000u));
    }
    return s;
}

QByteArray SyntheticData::item(const QString &id, const QString &session, const QString &request, bool prompt,
                               qint64 msecs, const QString &app, const QString &text, bool card)
{
    const QByteArray created = formatUtc(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)).toLatin1();
    QByteArray o = "{\"id\":\"" + id.toLatin1() + "\",\"sessionId\":\"" + session.toLatin1() + "\",\"requestId\":\""
        + request.toLatin1() + "\",\"appClass\":\"IPM.SkypeTeams.Message.Copilot." + app.toLatin1()
        + "\",\"interactionType\":\"" + (prompt ? "userPrompt" : "aiResponse") + "\",\"conversationType\":\""
        + (app == u"BizChat" ? "bizchat" : "appchat") + "\",\"etag\":\"1\",\"createdDateTime\":\"" + created
        + "\",\"locale\":\"en-us\",\"from\":{\"user\":" + (prompt ? "{\"id\":\"u\",\"displayName\":\"8:orgid:u\"}" : "null")
        + ",\"application\":" + (prompt ? "null" : "{\"id\":\"app\",\"displayName\":\"Copilot\"}") + "},";
    if (card) {
        o += "\"body\":{\"contentType\":\"html\",\"content\":\"<attachment id=\\\"c1\\\"></attachment>\"},"
             "\"attachments\":[{\"attachmentId\":\"c1\",\"contentType\":\"application/vnd.microsoft.card.adaptive\","
             "\"contentUrl\":null,\"name\":null,\"content\":\"{\\\"type\\\":\\\"AdaptiveCard\\\",\\\"body\\\":[{\\\"type\\\":"
             "\\\"TextBlock\\\",\\\"text\\\":\\\""
            + text.toLatin1() + "\\\"}]}\"}],";
    } else {
        o += "\"body\":{\"contentType\":\"html\",\"content\":\"<p>" + text.toLatin1() + "</p>\"},\"attachments\":[],";
    }
    o += "\"links\":[],\"mentions\":[],\"contexts\":[]}";
    return o;
}

QList<QPair<QString, QByteArray>> SyntheticData::nextRaw(int n)
{
    while (m_pending.size() < n && m_produced + m_pending.size() < m_count) {
        // Like a sync: one user's whole history after the other (Graph pages are per user), each
        // user's sessions in time order. One session: 1..5 turns, prompt + response (sometimes two).
        const qint64 perUser = qMax<qint64>(1, m_count / m_users.size());
        const int userIndex = int(qMin<qint64>((m_produced + m_pending.size()) / perUser, m_users.size() - 1));
        if (userIndex != m_currentUser) {
            m_currentUser = userIndex;
            m_clock = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        }
        const User &u = m_users.at(userIndex);
        const QString app = QString::fromLatin1(kApps[m_rng.bounded(10u)]);
        const QString session = u"19:%1@thread.v2"_s.arg(++m_sessionNo, 10, 16, QChar(u'0'));
        const int turns = 1 + int(m_rng.bounded(5u));
        m_clock += 60'000 * qint64(1 + m_rng.bounded(quint32(qMax<qint64>(2, 525600 / qMax<qint64>(1, m_count / m_users.size() / 6)))));
        qint64 t = m_clock;
        for (int k = 0; k < turns; ++k) {
            const QString req = u"%1-%2"_s.arg(m_sessionNo).arg(k);
            QString prompt = words(6 + int(m_rng.bounded(10u)));
            if (m_rng.bounded(1000u) == 0)
                prompt += u' ' + needle();
            m_pending.append({u.id, item(u"p"_s + req, session, req, true, t, app, prompt, false)});
            t += 2000 + m_rng.bounded(8000u);
            const bool card = app == u"BizChat";
            m_pending.append({u.id, item(u"r"_s + req, session, req, false, t, app, words(30 + int(m_rng.bounded(60u))), card)});
            if (m_rng.bounded(20u) == 0) {
                t += 1000;
                m_pending.append({u.id, item(u"x"_s + req, session, req, false, t, app, words(10), false)});
            }
            t += 30'000;
        }
    }
    const int take = int(qMin<qint64>(qMin<qint64>(n, m_pending.size()), m_count - m_produced));
    QList<QPair<QString, QByteArray>> out = m_pending.mid(0, take);
    m_pending.remove(0, take);
    m_produced += take;
    return out;
}

QList<Interaction> SyntheticData::nextParsed(int n)
{
    QList<Interaction> out;
    const auto raw = nextRaw(n);
    out.reserve(raw.size());
    for (const auto &r : raw) {
        Interaction i = Interaction::fromRaw(r.first, r.second);
        i.json = QJsonObject();   // the archive does not need it; keeps memory flat
        out << i;
    }
    return out;
}

double buildArchive(const QString &path, qint64 count, int batch, double *parseSeconds, QString *error,
                    double *insertCpuSeconds)
{
    Archive archive;
    if (!archive.open(path, error))
        return -1;
    SyntheticData data(count);
    archive.writer().upsertUsers(data.users());
    QElapsedTimer parseTimer, insertTimer;
    qint64 parseNs = 0, insertNs = 0;
    double insertCpu = 0;
    QTextStream err(stderr);
    qint64 nextReport = 100000;
    while (!data.atEnd()) {
        const auto raw = data.nextRaw(batch);
        parseTimer.start();
        QList<Interaction> items;
        items.reserve(raw.size());
        for (const auto &r : raw) {
            Interaction i = Interaction::fromRaw(r.first, r.second);
            i.json = QJsonObject();
            items << i;
        }
        parseNs += parseTimer.nsecsElapsed();
        insertTimer.start();
        const std::clock_t c0 = std::clock();
        if (archive.writer().insertInteractions(items) < 0) {
            if (error)
                *error = archive.lastError();
            return -1;
        }
        insertNs += insertTimer.nsecsElapsed();
        insertCpu += double(std::clock() - c0) / CLOCKS_PER_SEC;
        if (data.produced() >= nextReport) {
            err << "  " << data.produced() << " interactions…" << Qt::endl;
            nextReport += 100000;
        }
    }
    for (const User &u : data.users()) {
        SyncState s;
        s.userId = u.id;
        s.status = UserStatus::Ok;
        s.lastRun = QDateTime::currentDateTimeUtc();
        archive.writer().setSyncState(s);
    }
    if (parseSeconds)
        *parseSeconds = double(parseNs) / 1e9;
    if (insertCpuSeconds)
        *insertCpuSeconds = insertCpu;
    return double(insertNs) / 1e9;
}

} // namespace ledger::bench
