#pragma once
// One export the window (or any caller) asks for: a single CSV of a view, or the whole export
// folder; ExportWorker runs it in a thread of its own (docs/ARCHITECTURE.md "export/").
#include "app/export/Exporter.h"

namespace ledger {

struct ExportJob {
    enum Kind { PromptsCsv, SessionsCsv, UsersCsv, Folder };
    Kind kind = PromptsCsv;
    QString archivePath;          // the worker opens its own Archive on this file
    ledger::ArchiveFilter filter;
    QString path;                 // CSV file (single) or folder (Folder)
    // Single CSVs: the table's sort, so that the file lists the rows in the order on screen.
    bool hasViewOrder = false;
    ledger::SortSpec viewOrder;
    ledger::ExportRequest request;   // Folder only
};

struct ExportOutcome {
    bool ok = false;
    bool cancelled = false;
    QString message;              // plain words
    QStringList files;
    qint64 rows = 0;
    qint64 transcripts = 0;       // transcript files written (Folder with transcripts)
};

} // namespace ledger
