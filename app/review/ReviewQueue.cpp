#include "app/review/ReviewQueue.h"
#include "app/archive/Archive.h"
#include "app/archive/ArchiveColumns.h"
#include "app/archive/ArchiveSql.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

ReviewQueue ReviewQueue::read(const Archive &archive, const ReviewQueueFilter &filter, int limit)
{
    ReviewQueue out;
    if (!archive.isOpen()) {
        out.error = u"No archive is open."_s;
        return out;
    }
    QSqlDatabase db = QSqlDatabase::database(archive.connectionName(), false);
    qint64 sample = filter.sampleId;
    if (sample == ReviewQueueFilter::kNewestSample) {
        QSqlQuery q(db);
        sample = q.exec(u"SELECT max(id) FROM review_samples"_s) && q.next() ? q.value(0).toLongLong() : 0;
        if (sample == 0)
            sample = ReviewQueueFilter::kNoSample;
    }
    out.sampleId = sample > 0 ? sample : 0;

    ArchiveFilter scope = filter.scope;
    scope.reviewStatuses.clear();
    scope.reviewCase.clear();
    scope.reviewNote.clear();
    ArchiveSql w(archive.hasFullTextSearch());
    w.turnConditions(scope);

    const QString status = ArchiveSql::turnReviewField(u"t"_s, u"status"_s);
    const QString inSample = sample == ReviewQueueFilter::kNoSample ? u"0"_s
        : u"EXISTS (SELECT 1 FROM review_sample_items si WHERE si.user_id = t.user_id AND si.item_id IN (t.prompt_id, t.response_id)"_s
            + (sample > 0 ? u" AND si.sample_id = %1)"_s.arg(sample) : u")"_s);
    const QString findingCount =
        u"(SELECT count(*) FROM findings fd WHERE fd.user_id = t.user_id AND fd.interaction_id IN (t.prompt_id, t.response_id))"_s;
    QStringList sources;
    if (filter.flagged)
        sources << u"COALESCE("_s + status + u", '') IN ('flagged', 'escalated')"_s;
    if (filter.findings)
        sources << u"EXISTS (SELECT 1 FROM findings fd WHERE fd.user_id = t.user_id AND fd.interaction_id IN (t.prompt_id, t.response_id))"_s;
    if (sample != ReviewQueueFilter::kNoSample)
        sources << inSample;
    QVariantList binds = w.binds();
    QString caseCondition;
    if (!filter.caseName.isEmpty()) {
        // The case's turns (the review record is under the prompt's id, else the response's).
        caseCondition = u"EXISTS (SELECT 1 FROM review_item_cases rc WHERE rc.user_id = t.user_id AND rc.kind = 1"
                        " AND (rc.item_id = t.prompt_id OR (rc.item_id = t.response_id AND t.response_id <> ''))"
                        " AND rc.case_name = ?)"_s;
        binds << filter.caseName;
    }
    QString where = w.where();
    const QString any = sources.isEmpty() ? u"0"_s : u"("_s + sources.join(u" OR "_s) + u")"_s;
    // With a case: only its turns, whether or not another source lists them.
    const QString condition = caseCondition.isEmpty() ? any : caseCondition;
    where += (where.isEmpty() ? u" WHERE "_s : u" AND "_s) + condition;

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT t.tid, t.user_id, COALESCE(u.display_name, ''), COALESCE(u.upn, ''), t.app_class, t.session_key,"
              " t.prompt_id, t.response_id, t.time, substr(CASE WHEN t.prompt_text <> '' THEN t.prompt_text"
              " ELSE COALESCE(t.response_text, '') END, 1, 300), "_s
              + findingCount + u", "_s + status + u", "_s + ArchiveSql::turnReviewField(u"t"_s, u"note"_s) + u", "_s
              + ArchiveSql::turnReviewCases(u"t"_s) + u", "_s + inSample
              + u" FROM turns t LEFT JOIN users u ON u.id = t.user_id"_s + where + u" ORDER BY t.time, t.tid"_s);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        out.error = u"Reading the review queue failed: "_s + q.lastError().text();
        return out;
    }
    QSet<QString> wanted(filter.statuses.begin(), filter.statuses.end());
    for (ReviewStatus s : allReviewStatuses())
        out.statusCounts.insert(reviewStatusKey(s), 0);
    while (q.next()) {
        ReviewQueueItem item;
        item.status = q.value(11).toString();
        if (item.status.isEmpty())
            item.status = u"unreviewed"_s;
        ++out.statusCounts[item.status];
        const bool shown = wanted.isEmpty() ? item.status != u"cleared" : wanted.contains(item.status);
        if (!shown)
            continue;
        if (out.items.size() >= limit) {
            out.truncated = true;
            continue;
        }
        item.tid = q.value(0).toLongLong();
        item.ref.userId = q.value(1).toString();
        item.userDisplayName = q.value(2).toString();
        item.userPrincipalName = q.value(3).toString();
        item.appClass = q.value(4).toString();
        item.ref.sessionKey = q.value(5).toString();
        item.promptId = q.value(6).toString();
        item.responseId = q.value(7).toString();
        item.ref.kind = ReviewKind::Turn;
        item.ref.itemId = item.focusId();
        item.time = timeFromValue(q.value(8));
        item.snippet = q.value(9).toString();
        item.findingCount = q.value(10).toInt();
        item.note = q.value(12).toString();
        item.cases = q.value(13).toString().split(u'\n', Qt::SkipEmptyParts);
        std::sort(item.cases.begin(), item.cases.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        item.inSample = q.value(14).toBool();
        out.items << item;
    }
    return out;
}

} // namespace ledger
