#pragma once
// The table models read the archive in a worker thread: tests wait for the current query and
// for the rows they look at (rows not read yet show a placeholder).
#include "ui/models/ArchiveTableModel.h"

#include <QtTest>

namespace ledger::uitest {

// The current query's keys and first block arrived.
inline bool waitLoaded(const gui::ArchiveTableModel *model, int timeoutMs = 20000)
{
    return QTest::qWaitFor([model] { return !model->isLoading(); }, timeoutMs);
}

// Asks for rows [first, last] (as a view painting them would) and waits until all are read.
inline bool waitRows(const gui::ArchiveTableModel *model, int first, int last, int timeoutMs = 20000)
{
    return QTest::qWaitFor([=] {
        bool all = true;
        for (int r = first; r <= last && r < model->rowCount(); ++r) {
            if (!model->isRowLoaded(r)) {
                model->index(r, 0).data();   // a view's paint asks like this
                all = false;
            }
        }
        return all;
    }, timeoutMs);
}

inline bool loadAll(const gui::ArchiveTableModel *model, int timeoutMs = 20000)
{
    return waitLoaded(model, timeoutMs) && waitRows(model, 0, model->rowCount() - 1, timeoutMs);
}

} // namespace ledger::uitest
