#include "app/review/ReviewSampling.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/archive/ArchiveColumns.h"
#include "app/archive/ArchiveSql.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtEndian>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QSqlDatabase dbOf(const Archive &a) { return QSqlDatabase::database(a.connectionName(), false); }

QString percentText(int hundredths)
{
    QString s = QString::number(hundredths / 100);
    if (const int frac = hundredths % 100) {
        s += u'.' + QString::number(frac).rightJustified(2, u'0');
        while (s.endsWith(u'0'))
            s.chop(1);
    }
    return s;
}

QJsonArray stringArray(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

QList<qint64> allSampleIds(const Archive &archive)
{
    QList<qint64> ids;
    QSqlQuery q(dbOf(archive));
    if (q.exec(u"SELECT id FROM review_samples ORDER BY id"_s))
        while (q.next())
            ids << q.value(0).toLongLong();
    return ids;
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QJsonObject SampleParameters::toJson() const
{
    QJsonObject o{
        {u"percent"_s, percentText(percentHundredths)},
        {u"percent_hundredths"_s, percentHundredths},
        {u"period"_s, period == Period::Month ? u"month"_s : u"week"_s},
        {u"from"_s, from.toString(Qt::ISODate)},
        {u"to"_s, to.toString(Qt::ISODate)},
        {u"users"_s, stringArray(userIds)},
        {u"apps"_s, stringArray(appClasses)},
        {u"include_sampled"_s, includeSampled},
        {u"rounding"_s, u"ceil"_s},
        {u"selection"_s, u"sha256-v1"_s},
    };
    QJsonArray excluded;
    for (qint64 id : excludedSamples.value_or(QList<qint64>{}))
        excluded.append(id);
    o.insert(u"excluded_samples"_s, excluded);
    return o;
}

std::optional<SampleParameters> SampleParameters::fromJson(const QJsonObject &o, qint64 seed, QString *error)
{
    SampleParameters p;
    p.percentHundredths = o.value(u"percent_hundredths"_s).toInt(-1);
    const QString period = o.value(u"period"_s).toString();
    p.period = period == u"month" ? Period::Month : Period::Week;
    p.from = QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate);
    p.to = QDate::fromString(o.value(u"to"_s).toString(), Qt::ISODate);
    p.userIds = stringList(o.value(u"users"_s));
    p.appClasses = stringList(o.value(u"apps"_s));
    p.includeSampled = o.value(u"include_sampled"_s).toBool();
    QList<qint64> excluded;
    for (const QJsonValue &v : o.value(u"excluded_samples"_s).toArray())
        excluded << v.toInteger();
    p.excludedSamples = excluded;
    p.seed = seed;
    QString problem = p.validate();
    if (problem.isEmpty() && period != u"week" && period != u"month")
        problem = u"The sample's period is neither week nor month."_s;
    if (problem.isEmpty() && o.value(u"selection"_s).toString() != u"sha256-v1")
        problem = u"The sample was drawn with a selection rule this version does not know."_s;
    if (!problem.isEmpty()) {
        setError(error, problem);
        return std::nullopt;
    }
    return p;
}

QString SampleParameters::validate() const
{
    if (percentHundredths < 1 || percentHundredths > 10000)
        return u"The percentage must be more than 0 and at most 100."_s;
    if (!from.isValid() || !to.isValid())
        return u"The sample needs a period (a first and a last day)."_s;
    if (to < from)
        return u"The period's last day is before its first day."_s;
    if (seed < 0 || seed > kMaxSeed)
        return u"The seed must be a whole number from 0 to %1."_s.arg(kMaxSeed);
    return {};
}

QString SampleInfo::describe() const
{
    const QString per = parameters.period == SampleParameters::Period::Month ? u"month"_s : u"week"_s;
    return u"Sample %1: %2 % per user per %3, %4 – %5"_s.arg(id).arg(percentText(parameters.percentHundredths), per,
                                                                  parameters.from.toString(Qt::ISODate),
                                                                  parameters.to.toString(Qt::ISODate));
}

qint64 ReviewSampling::randomSeed()
{
    return qint64(QRandomGenerator::system()->generate64() & quint64(SampleParameters::kMaxSeed));
}

qint64 ReviewSampling::pickCount(qint64 population, int percentHundredths)
{
    if (population <= 0 || percentHundredths <= 0)
        return 0;
    const qint64 k = (population * percentHundredths + 9999) / 10000;   // ceil(n × N / 100)
    return std::min(k, population);
}

quint64 ReviewSampling::score(qint64 seed, const QString &userId, const QString &itemId)
{
    const QByteArray input = QByteArray::number(seed) + '\n' + userId.toUtf8() + '\n' + itemId.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(input, QCryptographicHash::Sha256);
    return qFromBigEndian<quint64>(digest.constData());
}

bool ReviewSampling::plan(const Archive &archive, const SampleParameters &parametersIn, SamplePlan *out, QString *error)
{
    if (!archive.isOpen())
        return setError(error, u"No archive is open."_s);
    if (const QString problem = parametersIn.validate(); !problem.isEmpty())
        return setError(error, problem);
    SamplePlan plan;
    plan.parameters = parametersIn;
    SampleParameters &p = plan.parameters;
    if (p.includeSampled)
        p.excludedSamples = QList<qint64>{};
    else if (!p.excludedSamples)
        p.excludedSamples = allSampleIds(archive);

    QSqlDatabase db = dbOf(archive);
    // Items of the excluded samples.
    QSet<QString> excluded;
    if (!p.excludedSamples->isEmpty()) {
        QStringList ids;
        for (qint64 id : *p.excludedSamples)
            ids << QString::number(id);
        QSqlQuery q(db);
        if (!q.exec(u"SELECT user_id, item_id FROM review_sample_items WHERE sample_id IN ("_s + ids.join(u',') + u")"_s))
            return setError(error, u"Reading the earlier samples failed: "_s + q.lastError().text());
        while (q.next())
            excluded.insert(q.value(0).toString() + QChar(0x1F) + q.value(1).toString());
    }

    ArchiveFilter f;
    f.from = QDateTime(p.from, QTime(0, 0), Qt::UTC);
    f.to = QDateTime(p.to.addDays(1), QTime(0, 0), Qt::UTC);
    f.userIds = p.userIds;
    f.appClasses = p.appClasses;
    ArchiveSql w(archive.hasFullTextSearch());
    w.turnConditions(f, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT t.user_id, t.prompt_id, t.response_id, t.session_key, t.time FROM turns t"_s + w.where());
    w.bindTo(q);
    if (!q.exec())
        return setError(error, u"Reading the turns to sample failed: "_s + q.lastError().text());

    struct Candidate { quint64 score; QString itemId, sessionKey; bool eligible; };
    // (user id, bucket start) → candidates; QMap: buckets in a fixed order.
    QMap<QPair<QString, QDate>, QList<Candidate>> buckets;
    while (q.next()) {
        const QString user = q.value(0).toString();
        const QString item = q.value(1).toString().isEmpty() ? q.value(2).toString() : q.value(1).toString();
        if (item.isEmpty())
            continue;
        const QDate day = timeFromValue(q.value(4)).date();
        const QDate start = p.period == SampleParameters::Period::Month ? QDate(day.year(), day.month(), 1)
                                                                         : day.addDays(1 - day.dayOfWeek());
        buckets[{user, start}].append({score(p.seed, user, item), item, q.value(3).toString(),
                                       !excluded.contains(user + QChar(0x1F) + item)});
        ++plan.population;
    }
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        QList<Candidate> &all = it.value();
        const qint64 k = pickCount(all.size(), p.percentHundredths);
        QList<Candidate> eligible;
        for (const Candidate &c : all)
            if (c.eligible)
                eligible << c;
        std::sort(eligible.begin(), eligible.end(), [](const Candidate &a, const Candidate &b) {
            return a.score != b.score ? a.score < b.score : a.itemId < b.itemId;
        });
        for (qint64 i = 0; i < std::min<qint64>(k, eligible.size()); ++i)
            plan.items << ReviewRef{it.key().first, ReviewKind::Turn, eligible.at(i).itemId, eligible.at(i).sessionKey};
        ++plan.buckets;
    }
    std::sort(plan.items.begin(), plan.items.end(), [](const ReviewRef &a, const ReviewRef &b) {
        return a.userId != b.userId ? a.userId < b.userId : a.itemId < b.itemId;
    });
    *out = plan;
    return true;
}

qint64 ReviewSampling::record(Archive &archive, const SamplePlan &plan, QString *error)
{
    if (!archive.isOpen()) {
        setError(error, u"No archive is open."_s);
        return -1;
    }
    QSqlDatabase db = dbOf(archive);
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
        setError(error, u"Recording the sample failed: "_s + q.lastError().text());
        return -1;
    }
    auto fail = [&](const QString &message) -> qint64 {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        setError(error, u"Recording the sample failed: "_s + message);
        return -1;
    };
    const QJsonObject parameters = plan.parameters.toJson();
    q.prepare(u"INSERT INTO review_samples(created_utc, created_by, seed, parameters, picked) VALUES (?,?,?,?,?)"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(ActivityLog::currentOperator());
    q.addBindValue(plan.parameters.seed);
    q.addBindValue(QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)));
    q.addBindValue(qint64(plan.items.size()));
    if (!q.exec())
        return fail(q.lastError().text());
    const qint64 id = q.lastInsertId().toLongLong();
    q.prepare(u"INSERT OR IGNORE INTO review_sample_items(sample_id, user_id, item_id) VALUES (?,?,?)"_s);
    for (const ReviewRef &r : plan.items) {
        q.addBindValue(id);
        q.addBindValue(r.userId);
        q.addBindValue(r.itemId);
        if (!q.exec())
            return fail(q.lastError().text());
    }
    QString message;
    const QJsonObject details{{u"sample_id"_s, id}, {u"seed"_s, plan.parameters.seed}, {u"parameters"_s, parameters},
                              {u"picked"_s, qint64(plan.items.size())}, {u"population"_s, plan.population}};
    if (ActivityLog::append(archive, u"sample"_s, details, &message, true).isEmpty())
        return fail(message);
    if (!QSqlQuery(db).exec(u"COMMIT"_s))
        return fail(db.lastError().text());
    return id;
}

bool ReviewSampling::reproduce(const Archive &archive, qint64 sampleId, SamplePlan *out, QString *error)
{
    for (const SampleInfo &s : samples(archive)) {
        if (s.id == sampleId)
            return plan(archive, s.parameters, out, error);
    }
    return setError(error, u"There is no sample %1."_s.arg(sampleId));
}

QList<SampleInfo> ReviewSampling::samples(const Archive &archive)
{
    QList<SampleInfo> out;
    QSqlQuery q(dbOf(archive));
    if (!q.exec(u"SELECT id, created_utc, created_by, seed, parameters, picked FROM review_samples ORDER BY id DESC"_s))
        return out;
    while (q.next()) {
        SampleInfo s;
        s.id = q.value(0).toLongLong();
        s.created = timeFromValue(q.value(1));
        s.createdBy = q.value(2).toString();
        s.seed = q.value(3).toLongLong();
        const auto p = SampleParameters::fromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object(), s.seed);
        if (!p)
            continue;   // a sample of a newer rule: not shown rather than misread
        s.parameters = *p;
        s.picked = q.value(5).toLongLong();
        out << s;
    }
    return out;
}

QList<ReviewRef> ReviewSampling::items(const Archive &archive, qint64 sampleId)
{
    QList<ReviewRef> out;
    QSqlQuery q(dbOf(archive));
    q.prepare(u"SELECT user_id, item_id FROM review_sample_items WHERE sample_id = ? ORDER BY user_id, item_id"_s);
    q.addBindValue(sampleId);
    if (q.exec())
        while (q.next())
            out << ReviewRef{q.value(0).toString(), ReviewKind::Turn, q.value(1).toString(), {}};
    return out;
}

} // namespace ledger
