#pragma once
// Supervisory sampling: "N % of the turns of every user, per week (or month), over a period"
// (docs/USER-GUIDE.md "Reviewing", which states the rules below for officers and auditors).
//
// Reproducible: the pick depends only on the seed, the parameters and the archive's turns in the
// period, never on the order rows are read or on other users' data. For each (user, period
// bucket) with n turns, k = ceil(n × N / 100) items are picked (so a user with at least one turn
// in a bucket always gets at least one), computed in whole numbers on N in hundredths of a
// percent; k is capped at the number of turns still eligible. The picked turns are those with the
// smallest score = the first 8 bytes (big-endian) of SHA-256(UTF-8 of "<seed>\n<user id>\n<item
// id>"), ties by item id. Buckets: ISO weeks (Monday 00:00 UTC) or calendar months (UTC),
// clipped to the period [from 00:00 UTC, to + 1 day 00:00 UTC).
//
// A second sample leaves out the items of the samples already drawn (their ids are recorded in
// its parameters, so that it too can be re-drawn exactly) unless includeSampled is set.
// Samples are stored in review_samples / review_sample_items with an activity-log entry "sample".
#include "app/review/ReviewTypes.h"
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace ledger {

class Archive;

struct SampleParameters {
    enum class Period { Week, Month };
    int percentHundredths = 1000;          // N % × 100: 10 % = 1000; 1 … 10000
    Period period = Period::Week;
    QDate from, to;                        // inclusive UTC calendar days
    QStringList userIds, appClasses;       // empty = all
    qint64 seed = 0;                       // 0 … kMaxSeed
    bool includeSampled = false;           // may pick items of earlier samples again
    // The samples whose items are left out; nullopt = every sample drawn so far (plan fills it in).
    std::optional<QList<qint64>> excludedSamples;

    static constexpr qint64 kMaxSeed = (qint64(1) << 53) - 1;   // exact in JSON numbers
    QJsonObject toJson() const;            // what review_samples.parameters and the log record
    static std::optional<SampleParameters> fromJson(const QJsonObject &o, qint64 seed, QString *error = nullptr);
    QString validate() const;              // "" when usable, else what is wrong (plain words)
};

struct SamplePlan {
    SampleParameters parameters;           // with excludedSamples filled in
    QList<ReviewRef> items;                // in (user id, item id) order
    qint64 population = 0;                 // turns in the period (and users/apps)
    qint64 buckets = 0;                    // (user, week/month) groups with at least one turn
};

struct SampleInfo {
    qint64 id = 0;
    QDateTime created;
    QString createdBy;
    qint64 seed = 0;
    SampleParameters parameters;
    qint64 picked = 0;
    QString describe() const;              // e.g. "Sample 3: 10 % per user per week, 2025-03-01 – 2025-03-31"
};

class ReviewSampling {
public:
    static qint64 randomSeed();                                    // 0 … kMaxSeed
    // k for a bucket of n turns (the rounding rule above).
    static qint64 pickCount(qint64 population, int percentHundredths);
    static quint64 score(qint64 seed, const QString &userId, const QString &itemId);

    // Reads the archive and computes the sample (nothing is written). Any thread.
    static bool plan(const Archive &archive, const SampleParameters &parameters, SamplePlan *out,
                     QString *error = nullptr);
    // Stores the plan as a new sample with its activity-log entry, in one transaction. Returns
    // the sample's id, or -1 (*error set). In the thread that opened the archive.
    static qint64 record(Archive &archive, const SamplePlan &plan, QString *error = nullptr);
    // Draws again from a recorded sample's seed and parameters (for checking it).
    static bool reproduce(const Archive &archive, qint64 sampleId, SamplePlan *out, QString *error = nullptr);

    static QList<SampleInfo> samples(const Archive &archive);      // newest first
    static QList<ReviewRef> items(const Archive &archive, qint64 sampleId);   // (user id, item id) order
};

} // namespace ledger
