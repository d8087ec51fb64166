#pragma once
// Text corpora of the demo tenant: prompts and HTML answers per app and language, Adaptive
// Cards, meeting recaps, hostile and huge bodies. Pure functions of the PRNG state.
#include "app/sim/SplitMix64.h"
#include <QString>

namespace ledger::sim {

enum class DemoApp { Word, Excel, PowerPoint, Outlook, Teams, BizChat, WebChat };
constexpr int DemoAppCount = 7;
enum class DemoLang { En, De, Fr, Ja, Zh, Ar, Es };

class DemoContent {
public:
    static QString appClass(DemoApp app);            // IPM.SkypeTeams.Message.Copilot.<App>
    static QString appDisplayName(DemoApp app);      // "Copilot in Word", "Microsoft 365 Copilot Chat"
    static QString conversationType(DemoApp app);    // appchat, bizchat, webchat
    static QString locale(DemoLang lang);            // en-us, de-de, …

    static QString prompt(DemoApp app, DemoLang lang, SplitMix64 &rng);
    static QString responseHtml(DemoApp app, DemoLang lang, SplitMix64 &rng);
    // Adaptive Card JSON text (TextBlocks in Container / ColumnSet / Column, a FactSet).
    static QString adaptiveCard(DemoLang lang, SplitMix64 &rng);
    // A Microsoft 365 Copilot Chat answer card as Graph documents it: the answer twice, as a
    // Markdown TextBlock (bold links, citations "[1](url)") and as a TextBlock with the id
    // "MessageTextField" (the same sentences, citation markers "[^1^]" and "[2]").
    static QString chatAnswerCard(const QString &fileName, const QString &fileUrl, const QString &meetingTitle,
                                  const QString &meetingUrl, SplitMix64 &rng);
    static QString meetingTitle(SplitMix64 &rng);
    static QString meetingRecapHtml(const QString &title, const QString &attachmentId, SplitMix64 &rng);
    static QString documentName(DemoApp app, SplitMix64 &rng);
    static QString emojiPrompt(SplitMix64 &rng);

    static constexpr int HostileKinds = 5;
    static QString hostileBody(int kind);            // script, remote img, javascript: link, CSS url(), iframe
    static QString bigBody(SplitMix64 &rng, int minBytes = 200 * 1024);
    static QString formulaPrompt(QChar prefix);      // starts with = + - @
    static QString messyPrompt(SplitMix64 &rng);     // quotes, commas, CR/LF, tabs
    // Prompts that paste card numbers, IBANs, national ids, keys and passwords into Copilot,
    // and near-misses that must not be reported (order and phone numbers, dates, GUIDs, numbers
    // failing their checksum). `variant` picks one (any non-negative number).
    static QString sensitivePrompt(int variant);
    static constexpr int SensitiveKinds = 24;
};

} // namespace ledger::sim
