#include "ui/review/ReviewView.h"

#include "app/archive/Archive.h"
#include "app/archive/ArchiveWorker.h"
#include "ui/common/Dialogs.h"
#include "ui/conversation/ConversationView.h"
#include "app/detect/DetectorRegistry.h"
#include "ui/filter/SearchHelp.h"
#include "ui/review/ReviewQueueModel.h"
#include "app/review/ReviewStore.h"
#include "ui/review/ReviewText.h"
#include "ui/review/SampleDialog.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ledger::gui {

namespace {

struct QueueRead {
    ReviewQueue queue;
    QStringList cases;
    QList<SampleInfo> samples;
    QStringList watchlists;
};

struct SampleResult {
    bool ok = false;
    SamplePlan plan;
    QString error;
};

QComboBox *combo(QWidget *parent, const QString &name, const QString &accessible)
{
    auto *c = new QComboBox(parent);
    c->setObjectName(name);
    c->setAccessibleName(accessible);
    // Narrow enough that the queue and the conversation fit side by side on a laptop screen.
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(13);
    return c;
}

} // namespace

ReviewView::ReviewView(QWidget *parent)
    : QWidget(parent)
    , m_worker(std::make_unique<ArchiveWorker>())
{
    setObjectName(QStringLiteral("reviewView"));
    // The main window's tabs take the widest page's minimum: this page (queue, keys and its own
    // conversation) must not make the Prompts tab with its conversation pane wider than a
    // laptop screen, so its own minimum width is not passed on.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_model = new ReviewQueueModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    auto *top = new QHBoxLayout;
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("reviewCounts"));
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setWordWrap(true);
    top->addWidget(m_counts, 1);
    m_drawSample = new QPushButton(tr("&Draw sample…"), this);
    m_drawSample->setObjectName(QStringLiteral("drawSample"));
    m_drawSample->setToolTip(tr("Add a share of every user's prompts per week or month to the queue"));
    connect(m_drawSample, &QPushButton::clicked, this, &ReviewView::drawSample);
    top->addWidget(m_drawSample);
    layout->addLayout(top);

    auto *filters = new QHBoxLayout;
    m_status = combo(this, QStringLiteral("reviewStatusFilter"), tr("Review status"));
    m_status->addItem(tr("To review (not cleared)"), QString());
    for (const QString &k : ReviewText::statusKeys())
        m_status->addItem(ReviewText::statusName(k), k);
    m_status->addItem(tr("Flagged or escalated"), QStringLiteral("flagged,escalated"));
    m_status->addItem(tr("Every status"), QStringLiteral("unreviewed,flagged,escalated,cleared"));
    m_case = combo(this, QStringLiteral("reviewCaseFilter"), tr("Case"));
    m_user = combo(this, QStringLiteral("reviewUserFilter"), tr("User"));
    m_detector = combo(this, QStringLiteral("reviewDetectorFilter"), tr("Detector"));
    m_sample = combo(this, QStringLiteral("reviewSampleFilter"), tr("Sample"));
    fillCombos({}, {});
    fillUsers();
    for (auto [label, box] : {std::pair{tr("Status:"), m_status}, std::pair{tr("Case:"), m_case},
                              std::pair{tr("User:"), m_user}, std::pair{tr("Detector:"), m_detector},
                              std::pair{tr("Sample:"), m_sample}}) {
        auto *l = new QLabel(label, this);
        l->setBuddy(box);
        filters->addWidget(l);
        filters->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                reload();
        });
    }
    filters->addStretch(1);
    layout->addLayout(filters);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("reviewSplitter"));
    m_splitter->setChildrenCollapsible(false);
    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("reviewQueue"));
    m_table->setAccessibleName(tr("Review queue"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::Prompt, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    for (auto [column, width] : {std::pair{ReviewQueueModel::User, 150}, std::pair{ReviewQueueModel::App, 90},
                                 std::pair{ReviewQueueModel::Sample, 64}, std::pair{ReviewQueueModel::Note, 140},
                                 std::pair{ReviewQueueModel::Cases, 110}})
        m_table->setColumnWidth(column, width);
    leftLayout->addWidget(m_table, 1);
    m_empty = new QLabel(m_table->viewport());
    m_empty->setObjectName(QStringLiteral("reviewEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);

    // The keys, each also a button under the queue.
    auto *buttons = new QHBoxLayout;
    auto makeAction = [&](const QString &text, const QKeySequence &key, const QString &tip, auto slot, bool button = true) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setIconText(QStringLiteral("%1  %2").arg(text, key.toString(QKeySequence::NativeText)));   // the button shows the key
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        this->addAction(a);
        if (button) {
            auto *b = new QToolButton(left);
            b->setDefaultAction(a);
            b->setToolButtonStyle(Qt::ToolButtonTextOnly);
            buttons->addWidget(b);
        }
        return a;
    };
    makeAction(tr("◀ Previous"), QKeySequence(Qt::Key_K), tr("Previous item"), [this] { previous(); });
    makeAction(tr("Next ▶"), QKeySequence(Qt::Key_J), tr("Next item"), [this] { next(); });
    buttons->addSpacing(12);
    makeAction(tr("Flag"), QKeySequence(Qt::Key_F), tr("Flag for a closer look"), [this] { decide(QStringLiteral("flagged")); })
        ->setObjectName(QStringLiteral("reviewFlag"));
    makeAction(tr("Escalate"), QKeySequence(Qt::Key_E), tr("Escalate"), [this] { decide(QStringLiteral("escalated")); })
        ->setObjectName(QStringLiteral("reviewEscalate"));
    makeAction(tr("Clear"), QKeySequence(Qt::Key_C), tr("Clear: nothing to act on"), [this] { decide(QStringLiteral("cleared")); })
        ->setObjectName(QStringLiteral("reviewClear"));
    makeAction(tr("Unreviewed"), QKeySequence(Qt::Key_U), tr("Back to unreviewed"), [this] { decide(QStringLiteral("unreviewed")); });
    buttons->addSpacing(12);
    makeAction(tr("Note…"), QKeySequence(Qt::Key_N), tr("Write or change the note"), [this] { editNote(); });
    makeAction(tr("Case…"), QKeySequence(Qt::Key_A), tr("Add to a case"), [this] { addToCase(); });
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);

    m_conversation = new ConversationView(m_splitter);
    m_conversation->setObjectName(QStringLiteral("reviewConversation"));
    m_conversation->setMinimumWidth(qMax(320, m_conversation->minimumSizeHint().width()));
    connect(m_conversation, &ConversationView::previousRequested, this, &ReviewView::previous);
    connect(m_conversation, &ConversationView::nextRequested, this, &ReviewView::next);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewView::showCurrent);
    connect(m_model, &ReviewQueueModel::countsChanged, this, &ReviewView::updateCounts);
    updateCounts();
    updateEmptyText();
}

ReviewView::~ReviewView()
{
    m_worker.reset();   // joins the thread before the members its callbacks use go
}

void ReviewView::setArchive(ledger::Archive *archive)
{
    m_archive = archive;
    m_worker->setPath(archive && archive->isOpen() ? archive->path() : QString());
    m_conversation->clear();
    m_conversation->setArchive(archive);
    m_keepKey.clear();
    m_model->setQueue({});
    reload();
}

void ReviewView::setScope(const ledger::ArchiveFilter &scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    reload();
}

void ReviewView::setShowUtc(bool on)
{
    m_model->setShowUtc(on);
    m_conversation->setShowUtc(on);
}

void ReviewView::setSharedNames(const QStringList &names)
{
    m_model->setSharedNames(names);
}

ledger::ReviewQueueFilter ReviewView::queueFilter() const
{
    ReviewQueueFilter f;
    f.scope = m_scope;
    const QString user = m_user->currentData().toString();
    if (!user.isEmpty()) {
        // Within the filter bar's user scope when it has one.
        if (f.scope.userIds.isEmpty() || f.scope.userIds.contains(user))
            f.scope.userIds = {user};
    }
    const QString detector = m_detector->currentData().toString();
    if (!detector.isEmpty())
        f.scope.findings = detector;
    const QString status = m_status->currentData().toString();
    if (!status.isEmpty())
        f.statuses = status.split(QLatin1Char(','));
    f.caseName = m_case->currentData().toString();
    f.sampleId = m_sample->currentData().toLongLong();
    return f;
}

void ReviewView::reload()
{
    const quint64 serial = ++m_serial;
    if (!m_archive || !m_archive->isOpen()) {
        m_loading = false;
        m_model->setQueue({});
        updateEmptyText();
        return;
    }
    if (const ReviewQueueItem *current = m_model->item(m_table->currentIndex().row()))
        m_keepKey = current->ref.key();
    m_loading = true;
    updateEmptyText();
    const ReviewQueueFilter filter = queueFilter();
    m_worker->run(
        [filter](const Archive *archive) {
            QueueRead r;
            if (!archive) {
                r.queue.error = tr("The archive could not be read.");
                return r;
            }
            r.queue = ReviewQueue::read(*archive, filter);
            r.cases = ReviewStore::caseNames(*archive);
            r.samples = ReviewSampling::samples(*archive);
            for (const detect::Watchlist &w : archive->findings().storedWatchlists())
                r.watchlists << w.name();
            return r;
        },
        [this, serial](QueueRead r) {
            if (serial != m_serial)
                return;   // a newer read is on its way
            m_loading = false;
            if (!r.queue.error.isEmpty())
                qWarning().noquote() << "Reading the review queue failed:" << r.queue.error;
            fillCombos(r.cases, r.samples);
            // The detector list (the watchlists may have changed).
            {
                const QString current = m_detector->currentData().toString();
                m_filling = true;
                m_detector->clear();
                m_detector->addItem(tr("Any (with or without findings)"), QString());
                m_detector->addItem(tr("Any finding"), QStringLiteral("any"));
                for (const QString &d : detect::DetectorRegistry::names())
                    m_detector->addItem(detectorLabel(d), QString(QStringLiteral("sensitive:") + d));
                for (const QString &n : r.watchlists)
                    m_detector->addItem(tr("Watchlist: %1").arg(n), QString(QStringLiteral("watchlist:") + n));
                m_detector->setCurrentIndex(qMax(0, m_detector->findData(current)));
                m_filling = false;
            }
            m_model->setQueue(r.queue);
            fillUsers();
            int row = m_keepKey.isEmpty() ? -1 : m_model->rowOf(m_keepKey);
            if (row < 0 && m_model->rowCount() > 0)
                row = 0;
            if (row >= 0) {
                m_table->setCurrentIndex(m_model->index(row, 0));
                m_table->scrollTo(m_model->index(row, 0));
            } else {
                m_conversation->clear();
            }
            m_table->resizeColumnToContents(ReviewQueueModel::Status);
            m_table->resizeColumnToContents(ReviewQueueModel::Time);
            m_table->resizeColumnToContents(ReviewQueueModel::Findings);
            updateEmptyText();
            emit loaded();
        });
}

void ReviewView::fillCombos(const QStringList &cases, const QList<ledger::SampleInfo> &samples)
{
    m_filling = true;
    const QString currentCase = m_case->currentData().toString();
    m_case->clear();
    m_case->addItem(tr("Any case"), QString());
    QStringList names = cases;
    if (!currentCase.isEmpty() && !names.contains(currentCase))
        names.prepend(currentCase);
    for (const QString &n : names)
        m_case->addItem(n, n);
    m_case->setCurrentIndex(qMax(0, m_case->findData(currentCase)));

    const qint64 currentSample = m_sample->count() ? m_sample->currentData().toLongLong() : ReviewQueueFilter::kNewestSample;
    m_sample->clear();
    m_sample->addItem(tr("Newest sample"), ReviewQueueFilter::kNewestSample);
    m_sample->addItem(tr("No sample"), ReviewQueueFilter::kNoSample);
    m_sample->addItem(tr("Every sample"), ReviewQueueFilter::kAllSamples);
    for (const SampleInfo &s : samples) {
        const QString per = s.parameters.period == SampleParameters::Period::Month ? tr("month") : tr("week");
        m_sample->addItem(tr("Sample %1: %2 % per %3, %4 – %5")
                              .arg(s.id)
                              .arg(QLocale().toString(s.parameters.percentHundredths / 100.0), per,
                                   QLocale().toString(s.parameters.from, QLocale::ShortFormat),
                                   QLocale().toString(s.parameters.to, QLocale::ShortFormat)),
                          s.id);
        m_sample->setItemData(m_sample->count() - 1,
                              tr("Seed %1, drawn %2 by %3, %Ln prompts picked", nullptr, int(s.picked))
                                  .arg(s.seed)
                                  .arg(QLocale().toString(s.created.toLocalTime(), QLocale::ShortFormat), s.createdBy),
                              Qt::ToolTipRole);
    }
    m_sample->setCurrentIndex(qMax(0, m_sample->findData(currentSample)));
    m_filling = false;
}

void ReviewView::fillUsers()
{
    const QString current = m_user->currentData().toString();
    if (!current.isEmpty() && m_user->count() > 1)
        return;   // the list of the unfiltered queue stays (choosing another user needs it)
    m_filling = true;
    m_user->clear();
    m_user->addItem(tr("All users"), QString());
    QSet<QString> seen;
    QList<QPair<QString, QString>> users;
    for (const ReviewQueueItem &i : m_model->queue().items) {
        if (seen.contains(i.ref.userId))
            continue;
        seen.insert(i.ref.userId);
        users.append({i.userDisplayName.isEmpty() ? i.userPrincipalName : i.userDisplayName, i.ref.userId});
    }
    std::sort(users.begin(), users.end(), [](const auto &a, const auto &b) { return a.first.compare(b.first, Qt::CaseInsensitive) < 0; });
    for (const auto &u : users)
        m_user->addItem(u.first, u.second);
    m_user->setCurrentIndex(qMax(0, m_user->findData(current)));
    m_filling = false;
}

void ReviewView::setStatusFilter(const QStringList &statusKeys)
{
    const QString data = statusKeys.join(QLatin1Char(','));
    int i = m_status->findData(data);
    if (i < 0) {
        m_status->addItem(data, data);
        i = m_status->count() - 1;
    }
    m_status->setCurrentIndex(i);
}

void ReviewView::setCaseFilter(const QString &caseName)
{
    if (!caseName.isEmpty() && m_case->findData(caseName) < 0)
        m_case->addItem(caseName, caseName);
    m_case->setCurrentIndex(qMax(0, m_case->findData(caseName)));
}

void ReviewView::setUserFilter(const QString &userId)
{
    if (!userId.isEmpty() && m_user->findData(userId) < 0)
        m_user->addItem(userId, userId);
    m_user->setCurrentIndex(qMax(0, m_user->findData(userId)));
}

void ReviewView::setDetectorFilter(const QString &findingsSpec)
{
    if (!findingsSpec.isEmpty() && m_detector->findData(findingsSpec) < 0)
        m_detector->addItem(findingsSpec, findingsSpec);
    m_detector->setCurrentIndex(qMax(0, m_detector->findData(findingsSpec)));
}

void ReviewView::setSampleFilter(qint64 sampleId)
{
    if (m_sample->findData(sampleId) < 0)
        m_sample->addItem(tr("Sample %1").arg(sampleId), sampleId);
    m_sample->setCurrentIndex(m_sample->findData(sampleId));
}

QString ReviewView::queueCountText() const
{
    if (!m_archive)
        return {};
    if (m_loading && m_model->rowCount() == 0)
        return tr("Counting…");
    return tr("%Ln in the queue", nullptr, int(m_model->rowCount()));
}

QString ReviewView::countsText() const
{
    if (!m_archive)
        return {};
    if (m_loading && m_model->rowCount() == 0)
        return tr("Counting…");
    const QLocale loc;
    const auto &c = m_model->queue().statusCounts;
    QStringList parts;
    for (const QString &k : ReviewText::statusKeys())
        parts << tr("%1 %2").arg(ReviewText::statusName(k), loc.toString(c.value(k)));
    QString text = tr("%Ln in the queue", nullptr, int(m_model->rowCount())) + QStringLiteral(" · ") + parts.join(QStringLiteral(" · "));
    if (m_model->queue().truncated)
        text += QStringLiteral(" · ") + tr("more than shown: narrow the filter");
    return text;
}

void ReviewView::updateCounts()
{
    const QString text = countsText();
    m_counts->setText(text);
    emit countsChanged(text);
}

void ReviewView::updateEmptyText()
{
    QString text;
    if (!m_archive)
        text = tr("No archive is open. Connect to a tenant or explore the demo tenant.");
    else if (m_loading && m_model->rowCount() == 0)
        text = tr("Reading the review queue…");
    else if (m_model->rowCount() == 0)
        text = tr("Nothing to review here. Flagged prompts, prompts with findings and the newest sample appear in this "
                  "queue until they are cleared. Draw a sample to add a share of every user's prompts.");
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
    m_empty->resize(m_table->viewport()->size());
    updateCounts();
}

void ReviewView::showCurrent()
{
    const ReviewQueueItem *it = m_model->item(m_table->currentIndex().row());
    if (!it) {
        m_conversation->clear();
        return;
    }
    m_conversation->showSession(it->ref.userId, it->ref.sessionKey, it->focusId());
    const int row = m_table->currentIndex().row();
    m_conversation->setNavigationEnabled(row > 0, row + 1 < m_model->rowCount());
}

void ReviewView::next()
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + 1 : 0;
    if (row < m_model->rowCount()) {
        m_table->setCurrentIndex(m_model->index(row, qMax(0, m_table->currentIndex().column())));
        m_table->scrollTo(m_table->currentIndex());
    }
}

void ReviewView::previous()
{
    const int row = m_table->currentIndex().row() - 1;
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, qMax(0, m_table->currentIndex().column())));
        m_table->scrollTo(m_table->currentIndex());
    }
}

void ReviewView::advance()
{
    next();
}

void ReviewView::reportError(const QString &message)
{
    Dialogs::error(this, tr("Review"), tr("The review could not be recorded. Nothing was changed."), message);
}

bool ReviewView::decide(const QString &statusKey)
{
    const int row = m_table->currentIndex().row();
    const ReviewQueueItem *it = m_model->item(row);
    if (!it || !m_archive || !m_archive->isOpen())
        return false;
    bool known = false;
    const ReviewStatus status = reviewStatusFromKey(statusKey, &known);
    if (!known)
        return false;
    ReviewStore store(*m_archive);
    QString error;
    if (!store.setStatus(it->ref, status, &error)) {
        reportError(error);
        return false;
    }
    m_model->setStatus(row, statusKey);
    emit reviewsChanged();
    advance();
    return true;
}

bool ReviewView::editNote()
{
    const int row = m_table->currentIndex().row();
    const ReviewQueueItem *it = m_model->item(row);
    if (!it || !m_archive || !m_archive->isOpen())
        return false;
    bool ok = false;
    const QString note = Dialogs::text(this, tr("Note"), tr("Note on this prompt (kept in the archive and the activity log):"),
                                       it->note, &ok);
    if (!ok || note == it->note)
        return false;
    ReviewStore store(*m_archive);
    QString error;
    if (!store.setNote(it->ref, note, &error)) {
        reportError(error);
        return false;
    }
    m_model->setNote(row, note);
    emit reviewsChanged();
    return true;
}

bool ReviewView::addToCase()
{
    const int row = m_table->currentIndex().row();
    const ReviewQueueItem *it = m_model->item(row);
    if (!it || !m_archive || !m_archive->isOpen())
        return false;
    ReviewStore store(*m_archive);
    const QStringList existing = store.caseNames();
    bool ok = false;
    const QString suggestion = !m_case->currentData().toString().isEmpty() ? m_case->currentData().toString()
                                                                          : existing.value(0);
    const QString name = Dialogs::text(this, tr("Add to case"),
                                       existing.isEmpty() ? tr("Case name (a new case is created):")
                                                          : tr("Case name (existing: %1):").arg(existing.join(tr(", ", "between case names"))),
                                       suggestion, &ok).trimmed();
    if (!ok || name.isEmpty())
        return false;
    QString error;
    if (!store.addToCase(it->ref, name, &error)) {
        reportError(error);
        return false;
    }
    QStringList cases = it->cases;
    if (!cases.contains(name))
        cases << name;
    std::sort(cases.begin(), cases.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    m_model->setCases(row, cases);
    if (m_case->findData(name) < 0) {
        m_filling = true;
        m_case->addItem(name, name);
        m_filling = false;
    }
    emit reviewsChanged();
    return true;
}

void ReviewView::drawSample()
{
    if (!m_archive || !m_archive->isOpen())
        return;
    SampleDialog dialog(this);
    // The filter bar's dates when it has them (local dates), else the last full month.
    if (m_scope.from.isValid() && m_scope.to.isValid())
        dialog.setPeriod(m_scope.from.toLocalTime().date(), m_scope.to.toLocalTime().addMSecs(-1).date());
    if (!m_scope.userIds.isEmpty())
        dialog.setScopeUsers(m_scope.userIds, tr("%n users", nullptr, int(m_scope.userIds.size())));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto p = dialog.parameters())
        startSample(*p);
}

void ReviewView::startSample(const ledger::SampleParameters &parameters)
{
    if (!m_archive || !m_archive->isOpen())
        return;
    m_drawSample->setEnabled(false);
    m_worker->run(
        [parameters](const Archive *archive) {
            SampleResult r;
            if (!archive)
                r.error = tr("The archive could not be read.");
            else
                r.ok = ReviewSampling::plan(*archive, parameters, &r.plan, &r.error);
            return r;
        },
        [this](SampleResult r) {
            m_drawSample->setEnabled(true);
            if (!r.ok || !m_archive || !m_archive->isOpen()) {
                Dialogs::error(this, tr("Draw sample"), tr("The sample could not be drawn."), r.error);
                emit sampleFinished(false, r.error);
                return;
            }
            QString error;
            const qint64 id = ReviewSampling::record(*m_archive, r.plan, &error);
            if (id < 0) {
                Dialogs::error(this, tr("Draw sample"), tr("The sample could not be recorded. Nothing was changed."), error);
                emit sampleFinished(false, error);
                return;
            }
            const QString message = tr("Sample %1: %Ln prompts picked", nullptr, int(r.plan.items.size())).arg(id)
                + QStringLiteral(" ") + tr("(of %1 in the period; seed %2).").arg(QLocale().toString(r.plan.population)).arg(r.plan.parameters.seed);
            emit reviewsChanged();
            emit sampleFinished(true, message);
            m_keepKey.clear();
            m_filling = true;
            m_sample->addItem(tr("Sample %1").arg(id), id);   // replaced by the full list on reload
            m_sample->setCurrentIndex(m_sample->count() - 1);
            m_filling = false;
            reload();
        });
}

} // namespace ledger::gui
