#pragma once
// The search-help popup of the filter bar and the window's names for the detectors.
#include <QFrame>

namespace ledger::gui {

// A small popup explaining the search language (archive/SearchQuery.h).
class SearchHelp : public QFrame {
    Q_OBJECT
public:
    explicit SearchHelp(QWidget *parent = nullptr);
    static QString helpText();   // rich text
    void showBelow(QWidget *anchor);
};

// "Card numbers", "IBANs", … for a detector name; the name itself when unknown.
QString detectorLabel(const QString &detector);

} // namespace ledger::gui
